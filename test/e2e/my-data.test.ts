// 我的数据 in the browser: the export is built in the background (the page says so and checks again on a tap),
// then lists what it holds and copies it; 注销 signs the person out at once, and the join page says the erasure
// is under way until the timer has finished it. Needs dist/h5, dist/cloudfunctions, dist/emulator and chromium.
import type { Page } from 'playwright-core';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(180_000);

// Timers run only when the test fires them: the export timer firing on its own real minute between the first tap
// and the second built the file early, and the page showed it ready before the test's second tap (a CI flake).
const session = browserSession({ env: { LINLI_TRIGGER_TICK_MS: String(24 * 3600_000) } });
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ page, app } = session);
  await page.setViewportSize({ width: 375, height: 812 });
});

test('王秀英 asks for her data, gets it a minute later, then deletes her account and is told the rest is under way', async () => {
  await app.postedWish('帮我取一下快递');
  await app.open('/pages/me/index');
  await withScreenshot(page, 'my-data', async () => {
    await app.actAs('王秀英');
    // She reads in care mode (her age): the page is looked at as she sees it.
    await shown(page).locator('.page.care').waitFor();
    await app.open('/pages/my-data/index');
    const building = shown(page).locator('.my-data__building');
    await building.waitFor();
    await app.shot('my-data-1-building');
    // Asked too early: still building, and the tap asks once.
    await building.locator('taro-button-core', { hasText: '看看整理好了没有' }).click();
    await building.waitFor();

    await session.emu.fireTrigger('user', 'myData');
    await building.locator('taro-button-core', { hasText: '看看整理好了没有' }).click();
    const held = shown(page).locator('.my-data .cell', { hasText: '我发布的心愿' });
    await held.waitFor();
    await app.shot('my-data-2-ready');
    // The browser lets the page write the clipboard (WeChat always does).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.emu.url });
    await shown(page).locator('taro-button-core', { hasText: '复制我的全部数据' }).click();
    // The toast's wrapper has no box of its own: the message is in the fixed box inside it.
    await page.locator('.taro__toast > div', { hasText: '已复制，可粘贴保存' }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied).sections.map((s: { title: string }) => s.title)).toContain('我发布的心愿');

    // A wish of hers being helped with would stop her; she has none open in the seed.
    await shown(page).locator('.my-data__input input').fill('确认注销');
    await shown(page).locator('taro-button-core', { hasText: '注销账号' }).click();
    const modal = page.locator('.taro-modal__content', { hasText: '其余记录正在后台清除' });
    await modal.waitFor();
    await app.shot('my-data-3-deleted');
    await modal.locator('.taro-model__confirm').click();
    // The page relaunches 欢迎 once the dialog is closed: wait for it, or that relaunch may land over the join page.
    await shown(page).locator('.welcome').waitFor();

    await app.open('/pages/join/index');
    await shown(page).locator('.join', { hasText: '你的账号正在注销' }).waitFor();
    await app.shot('my-data-4-erasing');
    for (let run = 0; run < 5; run++) await session.emu.fireTrigger('user', 'myData');
    await shown(page).locator('taro-button-core', { hasText: '再看一下' }).click();
    await shown(page).locator('.join-form').waitFor();
    await app.shot('my-data-5-join-again');
  });
});
