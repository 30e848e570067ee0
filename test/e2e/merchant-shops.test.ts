// 美德商铺 in a real browser: staff approve a merchant application and inspect the new shop, which then
// shows among 美德商铺; a resident types in its 评价码 (H5 has no scanner) and rates it (once a day); the
// applicant sees the approval. Needs
// `npm run build` and chromium. Screens go to test-results/.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { openStaffTool, pointsKit } from './points-kit';

jest.setTimeout(180_000);

const { wang } = personas;
const session = browserSession();
let page: Page;
let app: Session['app'];
let kit: ReturnType<typeof pointsKit>;
beforeEach(() => {
  ({ page, app } = session);
  kit = pointsKit(session.emu);
});

test('staff approve a shop and inspect it; a resident finds it among 美德商铺 and rates it', async () => {
  await withScreenshot(page, 'merchant-11-review', async () => {
    await openStaffTool(page, app, '商家审核', 'merchant-11');
    const item = shown(page).locator('.application-item', { hasText: '唐记水果店' });
    await item.waitFor();
    await app.shot('merchant-11-review');
    await item.getByText('通过').click();
    await item.waitFor({ state: 'detached' });
    await shown(page).locator('.tabs__tab', { hasText: '已通过' }).click();
    const approved = shown(page).locator('.application-item', { hasText: '唐记水果店' });
    await approved.waitFor();
    // A trading shop offers 暂停 only, once the page knows its status from shop.list.
    await approved.getByText('恢复').waitFor({ state: 'detached' });
    await approved.getByText('暂停店铺').waitFor();
    await app.shot('merchant-12-approved');
  });

  await withScreenshot(page, 'merchant-13-inspect', async () => {
    await openStaffTool(page, app, '店铺检查');
    await shown(page).locator('.choice-chips--shop .choice-chips__chip', { hasText: '唐记水果店' }).click();
    for (const [item, stars] of [
      ['hygiene', 5],
      ['prices', 5],
      ['street', 4],
      ['civility', 5],
    ] as const)
      await shown(page).locator(`.inspect__item--${item} .stars__star[data-stars="${stars}"]`).click();
    await shown(page).getByText('提交检查结果').click();
    const done = shown(page).locator('.staff-done');
    await done.waitFor();
    expect(await done.locator('.staff-done__title').textContent()).toBe('「唐记水果店」检查得分 95 分（优秀）');
    await app.shot('merchant-13-inspect');
  });

  // The shop's 评价码 as its owner prints it: the QR and the text under it.
  const code = await withScreenshot(page, 'merchant-14-shop-code', async () => {
    await app.open('/package-merchant/shop/index');
    await app.actAs('唐卫东');
    const text = shown(page).locator('.shop-qr__text');
    await text.waitFor();
    await app.shot('merchant-14-shop-code');
    return ((await text.textContent()) ?? '').trim();
  });
  expect(code).toMatch(/^LLSHOP\./);

  // H5 has no scanner: the resident types the code's text in on 美德商铺.
  await withScreenshot(page, 'merchant-14-shops', async () => {
    await app.open('/pages/shops/index');
    await app.actAs('王秀英');
    const card = shown(page).locator('.shop-card', { hasText: '唐记水果店' });
    expect(await card.locator('.shop-card__points').textContent()).toBe('10 分');
    const input = shown(page).locator('.shop-code__input input');
    await input.fill('LL1.not-a-shop');
    await shown(page).getByText('去评价这家店').click();
    await shown(page).locator('.shop-code .form-field__error', { hasText: '这不是店铺评价码' }).waitFor();
    // Typed by hand: a lower-case prefix and stray spaces still read as the code.
    await input.fill(` llshop. ${code.slice('LLSHOP.'.length)} `);
    await app.shot('merchant-14-shops');
    await shown(page).getByText('去评价这家店').click();
    await shown(page).locator('.rate-shop .shop-card__name', { hasText: '唐记水果店' }).waitFor();
  });

  await withScreenshot(page, 'merchant-15-rate', async () => {
    await shown(page).locator('.rate-shop .stars--input .stars__star[data-stars="5"]').click();
    await shown(page).locator('.rate-shop__comment textarea').fill('水果新鲜，价格公道');
    await app.shot('merchant-15-rate');
    await shown(page).getByText('提交评价').click();
    await shown(page).locator('.rate-shop__done', { hasText: '店铺积分 +2' }).waitFor();
    await shown(page).locator('.rating', { hasText: '水果新鲜，价格公道' }).waitFor();
    expect(await shown(page).locator('.rate-shop__form').count()).toBe(0);
    await app.shot('merchant-16-rated');
  });
  const rated = await kit
    .act(wang, 'shop.rate', { shopId: (await kit.act(wang, 'shop.listVirtue')).items[0].id, stars: 4 })
    .catch((e: Error) => e.message);
  expect(rated).toMatch(/SHOP_ALREADY_RATED/);

  await withScreenshot(page, 'merchant-17-apply', async () => {
    await app.open('/package-merchant/apply/index');
    await app.actAs('李明');
    await shown(page).getByText('提交申请').waitFor();
    await app.shot('merchant-17-apply-form');
    await app.actAs('唐卫东');
    await shown(page).locator('.application', { hasText: '已通过' }).waitFor();
    await app.shot('merchant-18-apply-approved');
  });
});
