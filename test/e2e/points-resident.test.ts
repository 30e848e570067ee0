// 我的积分, 积分超市 and the hand-over, in a real browser: points earned by a confirmed wish show up for the
// member, a resident orders from the mall (and is told plainly when stock runs out), cancels one order, and
// community staff hand the other over. Needs `npm run build` and chromium. Screens go to test-results/.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { openStaffTool, pointsKit } from './points-kit';

jest.setTimeout(180_000);

const { wang, sun } = personas;
const li = 'demo-resident-li';
const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
let kit: ReturnType<typeof pointsKit>;
beforeEach(() => {
  ({ emu, page, app } = session);
  kit = pointsKit(emu);
});

const card = (asset: string) => shown(page).locator(`.balance[data-asset="${asset}"]`);
const postingRow = (text: string) => shown(page).locator('.posting', { hasText: text });

test('a confirmed wish pays the member: the wish says so, and 我的积分 shows the balance and the history line', async () => {
  const { id, award } = await kit.confirmedWish('帮忙修一下自行车', { rating: 5 });
  expect(award).toMatchObject({ status: 'posted', amount: 12 });

  await withScreenshot(page, 'points-1-award-on-wish', async () => {
    await app.open(`/pages/wish-detail/index?id=${id}`);
    await app.actAs('王秀英');
    await app.detail().locator('.detail-award', { hasText: '已发放 12 积分' }).waitFor();
    await app.shot('points-1-award-on-wish');
  });

  await withScreenshot(page, 'points-2-my-points', async () => {
    await app.actAs('张建国');
    await app.open('/pages/me/index');
    await shown(page).getByText('我的积分').click();
    await card('volunteer').locator('.balance__amount', { hasText: '12' }).waitFor();
    expect(await card('volunteer').locator('.balance__meta').textContent()).toBe('可用 12 · 累计获得 12');
    // A member also holds 党员积分; 商铺积分 is for merchants.
    expect(
      await shown(page)
        .locator('.balance')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-asset'))),
    ).toEqual(['volunteer', 'party', 'virtue']);
    expect(await card('virtue').locator('.balance__level').textContent()).toBe('★☆☆☆☆ 一星');
    const line = postingRow('微心愿「帮忙修一下自行车」');
    expect(await line.locator('.posting__amount').textContent()).toBe('+12');
    await app.shot('points-2-my-points');
    await shown(page).locator('.chip-filter__chip', { hasText: '美德信用' }).click();
    await shown(page).getByText('还没有积分记录').waitFor();
    await shown(page).locator('.chip-filter__chip', { hasText: '志愿服务' }).click();
    await line.waitFor();
  });

  await withScreenshot(page, 'points-3-ranking', async () => {
    await shown(page).getByText('党员积分排名').click();
    await shown(page).locator('.ranking').waitFor();
    await app.shot('points-3-ranking');
  });
});

test('a resident orders from the mall, is told when stock runs out, cancels one order, and staff hand the other over', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 60, reason: '参加社区环境整治' });
  await kit.act(sun, 'points.award', { openid: li, asset: 'virtue', amount: 100, reason: '参加社区环境整治' });
  const item = (name: string) => shown(page).locator('.mall-item', { hasText: name });
  const sheet = () => shown(page).locator('.sheet');

  await withScreenshot(page, 'mall-1-shelf', async () => {
    await app.open('/pages/me/index');
    await app.actAs('王秀英');
    await shown(page).getByText('积分超市').click();
    await shown(page).locator('.mall__wallet-item[data-asset="virtue"]', { hasText: '60' }).waitFor();
    // Each seeded item shows its picture (a PNG drawn into storage at seed time); the voucher has none: a placeholder.
    // Pictures load lazily: each item is brought into view first.
    for (const name of ['东北大米', '花生油', '鲜鸡蛋', '洗衣液', '抽纸一提', '理发券']) await item(name).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.mall-item img')).filter((i) => i.offsetParent !== null);
      return imgs.length === 5 && imgs.every((i) => i.complete && i.naturalWidth === 192);
    });
    expect(await item('理发券').locator('.mall-item__photo.is-empty').textContent()).toBe('理');
    await app.shot('mall-1-shelf');
  });

  await withScreenshot(page, 'mall-2-not-enough', async () => {
    // 花生油 costs 80 volunteer points; she has none: the sheet says how many are missing and will not order.
    await item('花生油').getByText('兑换').click();
    expect(await sheet().locator('.order-sheet__balance').textContent()).toBe('你的志愿服务积分可用 0 分，还差 80 分');
    expect(await sheet().locator('.btn.is-disabled', { hasText: '用 80 积分兑换' }).count()).toBe(1);
    await app.shot('mall-2-not-enough');
    await sheet().getByText('关闭').click();
  });

  await withScreenshot(page, 'mall-3-sold-out', async () => {
    await item('理发券').getByText('兑换').click();
    // 李明 takes the last five while she looks at the sheet.
    await kit.act(li, 'mall.order', { itemId: 'mall-haircut', qty: 5 });
    await sheet().getByText('用 20 积分兑换').click();
    await sheet().locator('.banner-error', { hasText: '商品库存不足' }).waitFor();
    await item('理发券').locator('.mall-item__stock', { hasText: '已兑完' }).waitFor();
    await app.shot('mall-3-sold-out');
    await sheet().getByText('关闭').click();
  });

  await withScreenshot(page, 'mall-4-ordered', async () => {
    await item('抽纸一提').getByText('兑换').click();
    await sheet().locator('.stepper__button', { hasText: '+' }).click();
    await sheet().getByText('用 30 积分兑换').waitFor();
    await app.shot('mall-4-order-sheet');
    await sheet().getByText('用 30 积分兑换').click();
    await sheet().locator('.sheet__title', { hasText: '兑换成功' }).waitFor();
    expect(await sheet().locator('.order-status').textContent()).toBe('待领取');
    await app.shot('mall-4-ordered');
    await shown(page).locator('.mall__wallet-item[data-asset="virtue"]', { hasText: '30' }).waitFor();
  });

  // A second order, placed from another phone, that she changes her mind about.
  await kit.act(wang, 'mall.order', { itemId: 'mall-tissue', qty: 1 });
  await withScreenshot(page, 'mall-5-my-orders', async () => {
    await sheet().getByText('查看我的兑换').click();
    const orders = shown(page).locator('.order-card');
    await orders.nth(1).waitFor();
    const single = shown(page).locator('.order-card', { hasText: '抽纸一提 × 1' });
    await single.getByText('取消兑换').click();
    await shown(page).locator('.reason-sheet textarea').fill('买多了，家里还有');
    await shown(page).getByText('确认取消').click();
    await single.locator('.order-status', { hasText: '已取消' }).waitFor();
    expect(await single.textContent()).toContain('取消原因：买多了，家里还有（积分已退回）');
    await card('virtue').locator('.balance__amount', { hasText: '30' }).waitFor();
    await app.shot('mall-5-my-orders');
  });

  await withScreenshot(page, 'mall-6-staff-hands-over', async () => {
    await openStaffTool(page, app, '兑换领取');
    const order = shown(page).locator('.order-card', { hasText: '王秀英' });
    expect(await order.textContent()).toContain('抽纸一提 × 2');
    await app.shot('staff-orders');
    await order.getByText('确认领取').click();
    await shown(page).locator('.order-card', { hasText: '王秀英' }).waitFor({ state: 'detached' });
  });

  const mine = await kit.act(wang, 'mall.listOrders', { scope: 'mine' });
  expect(mine.items.map((o: { qty: number; status: string }) => `${o.qty}:${o.status}`).sort()).toEqual(['1:cancelled', '2:fulfilled']);
  expect((await kit.act(sun, 'points.reconcile')).differences).toEqual([]);
});
