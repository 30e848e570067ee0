// Moving around the H5 build as on the weapp: a title bar with the page's name and a back button, and the
// demo persona tab out of the way of the page's buttons. Needs `npm run build` and chromium.
import type { Page } from 'playwright-core';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(120_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
beforeEach(() => ({ page, app } = session));

test('a page opened from the wall has a title bar whose back button returns to the wall', async () => {
  await app.open('/pages/wall/index');
  await withScreenshot(page, 'nav-back', async () => {
    await app.actAs('王秀英');
    const bar = page.locator('#taro-navigation-bar');
    await bar.locator('.taro-navigation-bar-title', { hasText: '心愿墙' }).waitFor();
    await shown(page).getByText('发心愿', { exact: true }).first().click();
    await bar.locator('.taro-navigation-bar-title', { hasText: '发心愿' }).waitFor();
    await app.shot('nav-wish-new');
    await bar.locator('.taro-navigation-bar-back').click();
    await bar.locator('.taro-navigation-bar-title', { hasText: '心愿墙' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toContain('/pages/wall/index');
  });
});

test('the demo persona tab covers no submit button', async () => {
  await app.open('/pages/wish-new/index');
  await withScreenshot(page, 'nav-chip', async () => {
    await app.actAs('王秀英');
    const chip = await shown(page).locator('.persona-chip').boundingBox();
    const submit = await shown(page).getByText('提交心愿').boundingBox();
    expect(chip && submit).toBeTruthy();
    const overlaps = chip!.y < submit!.y + submit!.height && submit!.y < chip!.y + chip!.height;
    expect(overlaps).toBe(false);
  });
});
