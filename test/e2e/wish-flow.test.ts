// The whole micro-wish life in a real browser, every role by its demo persona: 群众点单 → 组织建单 →
// 党员接单 → 服务 → 评价, plus the lost claim race and staff dispatch. Needs `npm run build` and chromium.
// Key screens are kept in test-results/ as artefacts, on success too.
import type { Page } from 'playwright-core';
import { errorMessages } from '../../src/shared/contract/errors';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(180_000);

const { wang, liu, chen } = personas;
const day = 24 * 60 * 60 * 1000;

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
beforeEach(() => ({ emu, page, app } = session));

const detail = () => app.detail();
const statusChip = () => app.statusChip();
const bar = () => app.bar();

test('a resident posts, the grid worker approves, a member claims, serves and completes, the resident confirms with 5 stars', async () => {
  const title = '帮忙修一下门锁';
  await app.open('/pages/wall/index');

  await withScreenshot(page, 'flow-1-resident-posts', async () => {
    await app.actAs('王秀英');
    await shown(page).getByText('发心愿', { exact: true }).click();
    await app.fillWishForm(title, '家里防盗门的锁芯坏了，钥匙插进去转不动，希望懂行的邻居帮忙看看');
    await shown(page).getByText('提交心愿').click();
    await page.locator('.consent-dialog').waitFor();
    await app.shot('flow-1-consent');
    await app.answerConsent('接收进度通知？', true);
    const card = shown(page).locator('.wish-card', { hasText: title });
    await card.waitFor();
    expect(await card.locator('.wish-status').textContent()).toBe('待审核');
    await app.shot('flow-1-mine-submitted');
  });

  await withScreenshot(page, 'flow-2-grid-worker-approves', async () => {
    await app.actAs('刘芳');
    await app.open('/pages/me/index');
    await shown(page).getByText('心愿审核').click();
    const card = shown(page).locator('.wish-card', { hasText: title });
    await card.waitFor();
    await app.shot('flow-2-queue-review');
    await card.locator('.review__points input').fill('15');
    await card.getByText('通过', { exact: true }).click();
    await shown(page).getByText('没有待审核的心愿').waitFor();
  });

  await withScreenshot(page, 'flow-3-member-claims', async () => {
    await app.actAs('张建国');
    await app.open('/pages/wall/index');
    const card = shown(page).locator('.wish-card', { hasText: title });
    // 助老陪伴 pays by the hour: the wall promises at most the offer and says how it is counted.
    expect(await card.locator('.points-badge').textContent()).toBe('最多 +15 积分');
    expect(await card.locator('.wish-card__offer').textContent()).toContain('每小时 10 分');
    await app.shot('flow-3-wall-offer');
    await card.click();
    await statusChip().filter({ hasText: '待认领' }).waitFor();
    expect(await detail().locator('.detail-status__offer').textContent()).toBe(
      '积分规则：按服务时长计：每小时 10 分（按半小时折算），最多 15 分；五星好评另加 2 分；每人每天最多 60 分',
    );
    expect(await detail().locator('.detail-people').textContent()).toContain('王**');
    expect(await detail().locator('.detail-people').textContent()).not.toContain('13800001001');
    await app.shot('flow-3-detail-before-claim');
    await bar().getByText('认领', { exact: true }).click();
    await app.answerConsent('接收派单通知？', false);
    await statusChip().filter({ hasText: '已认领' }).waitFor();
    // Claiming opens the resident's contacts to the claimant.
    expect(await detail().locator('.detail-people').textContent()).toContain('13800001001');
    await app.shot('flow-4-detail-claimed');
  });

  await withScreenshot(page, 'flow-5-member-serves', async () => {
    await bar().getByText('到场签到').click();
    await statusChip().filter({ hasText: '服务中' }).waitFor();
    await bar().getByText('完成服务').click();
    await shown(page).locator('.complete__proof textarea').fill('已上门更换锁芯，新钥匙两把交给王阿姨');
    await app.shot('flow-5-complete-sheet');
    await shown(page).getByText('提交完成').click();
    await statusChip().filter({ hasText: '待确认' }).waitFor();
    expect(await detail().locator('.detail-result').textContent()).toContain('已上门更换锁芯');
    await app.open('/pages/tasks/index');
    const task = shown(page).locator('.wish-card', { hasText: title });
    await task.waitFor();
    expect(await task.locator('.wish-status').textContent()).toBe('待确认');
    await app.shot('flow-6-tasks');
  });

  await withScreenshot(page, 'flow-7-resident-confirms', async () => {
    await app.actAs('王秀英');
    await app.open('/pages/wish-mine/index');
    await shown(page).locator('.wish-card', { hasText: title }).click();
    await statusChip().filter({ hasText: '待确认' }).waitFor();
    expect(await detail().locator('.detail-people').textContent()).toContain('张建国');
    await bar().getByText('确认并评价').click();
    await shown(page).locator('.stars--input [data-stars="5"]').click();
    await shown(page).locator('.rate__comment textarea').fill('小张手艺好，又热心，谢谢！');
    await app.shot('flow-7-rate-sheet');
    await shown(page).getByText('确认完成').click();
    await statusChip().filter({ hasText: '已完成' }).waitFor();
    expect(await detail().locator('.detail-result .stars__star.is-on').count()).toBe(5);
    const events = await detail()
      .locator('.timeline__item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-event')));
    expect(events).toEqual(['confirm', 'complete', 'checkIn', 'claim', 'approve', 'create']);
    // Served at once (counted as half an hour): the resident sees why 7 was paid on a 15-point offer.
    const paid = '服务 0.5 小时 × 每小时 10 分 = 5 分，五星好评 +2 分，共 7 分（报价 15 分）';
    expect(await detail().locator('.detail-award__text').textContent()).toBe('已发放 7 积分');
    expect(await detail().locator('.detail-award__breakdown').textContent()).toBe(paid);
    expect(await detail().locator('.detail-status__offer').count()).toBe(0);
    await app.shot('flow-8-detail-confirmed');
  });

  await withScreenshot(page, 'flow-9-member-finished', async () => {
    await app.actAs('张建国');
    await app.open('/pages/me/index');
    await shown(page).getByText('我的任务').click();
    await shown(page).locator('.tabs__tab', { hasText: '已完成' }).click();
    const done = shown(page).locator('.wish-card', { hasText: title });
    await done.locator('.wish-status', { hasText: '已完成' }).waitFor();
    await app.shot('flow-9-tasks-finished');
    await done.click();
    await detail().locator('.detail-award__breakdown', { hasText: '共 7 分（报价 15 分）' }).waitFor();
    await app.shot('flow-9-member-sees-breakdown');
  });

  // 王秀英 accepted progress notices once, so exactly one (the approval) reached her; 张建国 declined his.
  const outbox = await emu.outbox();
  expect(outbox.filter((m) => m.touser === wang)).toHaveLength(1);
  expect(JSON.stringify(outbox.find((m) => m.touser === wang))).toContain(title);
});

test('a member who taps 认领 after someone else claimed is told, and the page shows it taken', async () => {
  const id = await app.postedWish('帮忙搬一下旧沙发');
  await app.open(`/pages/wish-detail/index?id=${id}`);
  await withScreenshot(page, 'race-lost', async () => {
    await app.actAs('张建国');
    await bar().getByText('认领', { exact: true }).waitFor();
    // 陈静 claims it first, while 张建国 still looks at the open wish.
    expect(await app.invokeWish('wish.claim', { wishId: id }, chen)).toMatchObject({ ok: true });
    await bar().getByText('认领', { exact: true }).click();
    await app.answerConsent('接收派单通知？', false);
    await shown(page).locator('.step-notice', { hasText: errorMessages.WISH_ALREADY_CLAIMED }).waitFor();
    await statusChip().filter({ hasText: '已认领' }).waitFor();
    expect(await detail().locator('.detail-people').textContent()).toContain('陈静');
    expect(await bar().getByText('认领', { exact: true }).count()).toBe(0);
    await app.shot('race-lost');
  });
  const wish = await app.invokeWish('wish.get', { wishId: id }, liu);
  expect(wish.ok && wish.data.wish.claimant?.name).toBe('陈静');
});

test('staff see a wish unclaimed too long marked 超时未认领 and dispatch it to a member', async () => {
  const id = await app.postedWish('陪老人去社区医院取药');
  await emu.clock({ advanceMs: 3 * day + 60_000 });
  await emu.fireTrigger('wish');
  await app.open('/pages/me/index');
  await withScreenshot(page, 'dispatch', async () => {
    await app.actAs('孙丽');
    await shown(page).locator('.me__profile').scrollIntoViewIfNeeded();
    await app.shot('dispatch-0-me-staff');
    await shown(page).getByText('心愿派单').click();
    const card = shown(page).locator('.wish-card', { hasText: '陪老人去社区医院取药' });
    await card.locator('.tag--overdue', { hasText: '超时未认领' }).waitFor();
    await shown(page).locator('.queue__overdue', { hasText: '1 个心愿超时未认领' }).waitFor();
    await app.shot('dispatch-1-queue');
    await card.getByText('派单', { exact: true }).click();
    const chenRow = shown(page).locator('.dispatch__member[data-member="陈静"]');
    // What each member offers to do; the one matching the wish's category (助老陪伴) stands out.
    await chenRow.locator('.dispatch__skill.is-match').waitFor();
    expect(await chenRow.locator('.dispatch__skill').allTextContents()).toEqual(['助老陪伴', '健康咨询']);
    expect(await chenRow.locator('.dispatch__skill.is-match').allTextContents()).toEqual(['助老陪伴']);
    expect(await shown(page).locator('.dispatch__member[data-member="黄志刚"] .dispatch__skill').allTextContents()).toEqual(['水电维修', '家电维修']);
    await chenRow.click();
    await app.shot('dispatch-2-sheet');
    await shown(page).getByText('派给 陈静').click();
    await shown(page).getByText('没有待派单的心愿').waitFor();
  });
  const wish = await app.invokeWish('wish.get', { wishId: id }, chen);
  expect(wish).toMatchObject({ ok: true, data: { wish: { status: 'claimed', claimant: { name: '陈静' } } } });
  expect(wish.ok && wish.data.wish.history.at(-1)).toMatchObject({ event: 'dispatch', by: '孙丽', note: '派给 陈静' });
});
