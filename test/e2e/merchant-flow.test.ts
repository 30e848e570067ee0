// 爱心商家 in a real browser: 王秀英 shows her 积分码, 周海 pastes it in 扫码核销 (H5's stand-in for the
// camera), sees 王** and her level and charges 10 points; an over-cap charge waits until she confirms it
// on 我的积分; his history shows both and he refunds one. Needs `npm run build` and chromium.
// Screens go to test-results/; shops and staff are in merchant-shops.test.ts.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { merchantDriver } from './merchant-kit';
import { pointsKit } from './points-kit';

jest.setTimeout(240_000);

const { wang, sun } = personas;
const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
let kit: ReturnType<typeof pointsKit>;
let shop: ReturnType<typeof merchantDriver>;
beforeEach(() => {
  ({ emu, page, app } = session);
  kit = pointsKit(emu);
  shop = merchantDriver(page, app);
});

test('a resident shows her code, the merchant charges it, an over-cap charge waits for her confirmation', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 120, reason: '参加社区环境整治' });

  const first = await withScreenshot(page, 'merchant-1-points-code', async () => {
    const token = await shop.showCode('王秀英');
    expect(Number(await shown(page).locator('.qr-code').getAttribute('data-size')) % 4).toBe(1);
    await shown(page)
      .getByText(/\d+ 秒后自动刷新/)
      .waitFor();
    await app.shot('merchant-1-points-code');
    return token;
  });

  await withScreenshot(page, 'merchant-2-scanned', async () => {
    await shop.scan(first);
    expect(await shown(page).locator('.resident-card__name').textContent()).toBe('王**');
    expect(await shown(page).locator('.resident-card__level').textContent()).toMatch(/^★+☆* \S+$/);
    expect(await shown(page).locator('.resident-card__balance').textContent()).toBe('120');
    await shown(page).locator('.scan__points input').fill('10');
    await app.shot('merchant-2-scanned');
    expect(await shop.charge(10, '酱油一瓶')).toBe('核销成功');
    await app.shot('merchant-3-charged');
  });

  // The same code again: single use, refused with a clear message.
  await withScreenshot(page, 'merchant-4-replay', async () => {
    await shown(page).locator('.scan__paste textarea').fill(first);
    await shown(page).getByText('读取积分码').click();
    await shown(page).locator('.banner-error[data-code="POINTS_CODE_USED"]').waitFor();
    await app.shot('merchant-4-replay');
  });

  const second = await shop.showCode('王秀英', first);
  await withScreenshot(page, 'merchant-5-held', async () => {
    await shop.scan(second);
    await shown(page).locator('.scan__points input').fill('80');
    await shown(page).getByText('超过单笔 50 分，需居民在小程序里确认后才扣分').waitFor();
    expect(await shop.charge(80, '米面油')).toBe('等待居民确认');
    await app.shot('merchant-5-held');
  });

  await withScreenshot(page, 'merchant-6-confirm', async () => {
    await app.open('/pages/points/index');
    await app.actAs('王秀英');
    const hold = shown(page).locator('.hold', { hasText: '周记便利店' });
    expect(await hold.locator('.hold__points').textContent()).toBe('-80');
    await app.shot('merchant-6-pending-hold');
    await hold.getByText('确认扣 80 分').click();
    await hold.waitFor({ state: 'detached' });
    await shown(page).locator('.balance[data-asset="virtue"] .balance__amount', { hasText: /^30$/ }).waitFor();
    await shown(page).locator('.posting', { hasText: '周记便利店' }).first().waitFor();
    await app.shot('merchant-6-confirmed');
  });

  // After paying at the shop, 积分明细 offers to rate it; the link leads to that shop's rating page.
  await withScreenshot(page, 'merchant-6-rate-link', async () => {
    const paid = shown(page).locator('.posting', { hasText: '「周记便利店」消费：酱油一瓶' });
    await paid.locator('.posting__rate', { hasText: '评价这家店' }).click();
    await shown(page).locator('.rate-shop .shop-card__name', { hasText: '周记便利店' }).waitFor();
    await shown(page).locator('.rate-shop .stars--input').waitFor();
    await app.shot('merchant-6-rate-from-history');
  });

  await withScreenshot(page, 'merchant-7-history', async () => {
    await app.open('/package-merchant/history/index');
    await app.actAs('周海');
    const rows = shown(page).locator('.charge');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await shown(page).locator('.today__value').first().textContent()).toBe('2');
    const small = shown(page).locator('.charge', { hasText: '酱油一瓶' });
    const big = shown(page).locator('.charge', { hasText: '米面油' });
    expect(await small.locator('.charge__status').textContent()).toBe('已核销');
    expect(await big.locator('.charge__status').textContent()).toBe('居民已确认');
    await app.shot('merchant-7-history');
    await small.getByText('退款').click();
    await shown(page).locator('.reason-sheet textarea').fill('商品退货');
    await shown(page).getByText('确认退款').click();
    await small.locator('.charge__status', { hasText: '已退还' }).waitFor();
    await app.shot('merchant-8-refunded');
  });
  expect(await kit.balanceOf(wang, 'virtue')).toBe(40);

  await withScreenshot(page, 'merchant-9-shop', async () => {
    await app.open('/package-merchant/shop/index');
    await shown(page).locator('.my-shop__name', { hasText: '周记便利店' }).waitFor();
    await shown(page).locator('.shop-qr .qr-code').waitFor();
    await app.shot('merchant-9-shop');
    await app.open('/pages/me/index');
    const links = shown(page).locator('.cells .cell__title');
    await links.filter({ hasText: '扫码核销' }).waitFor();
    // 周海 is a resident too, but already a merchant: no 商家入驻 for him.
    expect(await links.allTextContents()).toEqual(expect.arrayContaining(['我的积分', '积分码', '美德商铺', '扫码核销', '我的店铺']));
    expect(await links.allTextContents()).not.toContain('商家入驻');
    await app.shot('merchant-10-me');
  });
  expect((await kit.act(sun, 'points.reconcile')).differences).toEqual([]);
});
