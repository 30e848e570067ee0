// The community's points work in the staff subpackage, in a real browser, as 孙丽: award points to a
// person found by name, reconcile the books, grant virtue credit, confirm a held award, and relieve a
// property fee. Party points are in points-party.test.ts. Needs `npm run build` and chromium.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { openStaffTool, pickPerson, pointsKit, staffForm } from './points-kit';

jest.setTimeout(180_000);

const { wang, zhang, chen, sun } = personas;
const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
let kit: ReturnType<typeof pointsKit>;
beforeEach(() => {
  ({ emu, page, app } = session);
  kit = pointsKit(emu);
});

const done = () => staffForm(page).done();
const field = (label: string) => staffForm(page).field(label);
const balanceOf = (openid: string, asset: string) => kit.balanceOf(openid, asset);

test('staff award points to a person found by name, and the person reads it in their history', async () => {
  await withScreenshot(page, 'staff-award', async () => {
    await openStaffTool(page, app, '加分 / 扣分', 'staff-0');
    await pickPerson(page, '陈', '陈静');
    await field('加多少分').locator('input').fill('8');
    await field('原因').locator('input').fill('协助社区活动布置');
    await shown(page).getByText('确认加 8 分').click();
    await done().locator('.staff-done__title', { hasText: '已为陈静加 8 分志愿服务积分' }).waitFor();
    expect(await done().locator('.staff-done__detail').textContent()).toBe('陈静的志愿服务积分余额 8 分');
    await app.shot('staff-award');
  });

  await withScreenshot(page, 'staff-award-history', async () => {
    await app.actAs('陈静');
    await app.open('/pages/points/index');
    const line = shown(page).locator('.posting', { hasText: '协助社区活动布置' });
    expect(await line.locator('.posting__amount').textContent()).toBe('+8');
    expect(await line.locator('.posting__when').textContent()).toContain('孙丽');
    await app.shot('staff-award-history');
  });
  expect(await balanceOf(chen, 'volunteer')).toBe(8);
});

test('staff deduct points (reserved on the balance, then posted), and the person reads the deduction and what is left', async () => {
  await kit.act(sun, 'points.award', { openid: chen, asset: 'volunteer', amount: 20, reason: '参加社区活动' });
  await withScreenshot(page, 'staff-deduct', async () => {
    await openStaffTool(page, app, '加分 / 扣分', 'staff-0');
    await shown(page).locator('.tabs__tab', { hasText: '扣分' }).click();
    await pickPerson(page, '陈', '陈静');
    await field('扣多少分').locator('input').fill('5');
    await field('原因').locator('input').fill('兑换环保袋');
    await shown(page).getByText('确认扣 5 分').click();
    await done().locator('.staff-done__title', { hasText: '已为陈静扣 5 分志愿服务积分' }).waitFor();
    expect(await done().locator('.staff-done__detail').textContent()).toBe('陈静的志愿服务积分余额 15 分');
    await app.shot('staff-deduct');
  });

  await withScreenshot(page, 'staff-deduct-history', async () => {
    await app.actAs('陈静');
    await app.open('/pages/points/index');
    const line = shown(page).locator('.posting', { hasText: '兑换环保袋' });
    expect(await line.locator('.posting__amount').textContent()).toBe('-5');
    const volunteer = shown(page).locator('.balance.is-volunteer');
    expect(await volunteer.locator('.balance__amount').textContent()).toBe('15');
    expect(await volunteer.locator('.balance__meta').textContent()).toContain('可用 15');
    await app.shot('staff-deduct-history');
  });
  expect(await balanceOf(chen, 'volunteer')).toBe(15);
});

test('staff open 对账 and see 无差异 with the counts the ledger reports', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 50, reason: '参加社区活动' });
  await kit.act(wang, 'mall.order', { itemId: 'mall-tissue', qty: 2 });
  const books = await kit.act(sun, 'points.reconcile');
  await withScreenshot(page, 'staff-reconcile', async () => {
    await openStaffTool(page, app, '积分对账');
    await shown(page).locator('.reconcile__verdict.is-clean', { hasText: '无差异' }).waitFor();
    const figures = await shown(page).locator('.reconcile__figure').allTextContents();
    expect(figures).toEqual([String(books.accounts), String(books.postings)]);
    expect(books.postings).toBeGreaterThanOrEqual(2);
    await app.shot('staff-reconcile');
  });
});

test('staff grant virtue credit, confirm a held award lowered with a note, and relieve a property fee once per receipt', async () => {
  await withScreenshot(page, 'staff-virtue', async () => {
    await openStaffTool(page, app, '美德信用积分');
    await pickPerson(page, '秀', '王秀英');
    await shown(page).locator('.choice-chips__chip', { hasText: '参加社区活动' }).click();
    await shown(page).getByText('确认记 3 分').click();
    await done().locator('.staff-done__title', { hasText: '已为王秀英记美德信用积分 3 分（参加社区活动）' }).waitFor();
    expect(await done().locator('.staff-done__detail').textContent()).toBe('余额 3 分，信用等级 ★☆☆☆☆ 一星');
    await app.shot('staff-virtue');
  });

  // 助老陪伴 pays 10 an hour up to the 30 offered; with the 5-star bonus that is 32, above the 30 that posts without a look.
  const { award } = await kit.confirmedWish('陪老人去医院复查', { categoryId: 'elderly', hours: 4, rating: 5, points: 30 });
  expect(award).toMatchObject({ status: 'review', amount: 32 });
  await withScreenshot(page, 'staff-awards', async () => {
    await app.open('/pages/me/index');
    await shown(page).getByText('积分管理').click();
    await shown(page).locator('.cell', { hasText: '待确认积分' }).click();
    const item = shown(page).locator('.award-item', { hasText: '陪老人去医院复查' });
    expect(await item.textContent()).toContain('张建国 帮助 王秀英');
    await item.locator('.award-item__amount input').fill('25');
    await item.locator('.award-item__note input').fill('按实际陪诊时长');
    await app.shot('staff-awards');
    await item.getByText('确认发放 25 分').click();
    await shown(page).getByText('没有待确认的积分').waitFor();
  });
  expect(await balanceOf(zhang, 'volunteer')).toBe(25);

  await withScreenshot(page, 'staff-fee', async () => {
    await app.open('/package-staff/fee/index');
    await pickPerson(page, '张', '张建国');
    await field('抵扣积分').locator('input').fill('10');
    await field('收据号').locator('input').fill('WY-2026-0815');
    await shown(page).getByText('确认抵扣 10 积分').click();
    await done().locator('.staff-done__detail', { hasText: '收据号 WY-2026-0815；志愿服务积分余额 15 分' }).waitFor();
    await app.shot('staff-fee');
    // The same receipt again, for another amount, is refused and says what to check.
    await field('抵扣积分').locator('input').fill('5');
    await field('收据号').locator('input').fill('WY-2026-0815');
    await shown(page).getByText('确认抵扣 5 积分').click();
    await shown(page).locator('.banner-error', { hasText: '这个收据号已用于另一笔抵扣' }).waitFor();
    await app.shot('staff-fee-receipt-used');
  });
  expect(await balanceOf(zhang, 'volunteer')).toBe(15);
});
