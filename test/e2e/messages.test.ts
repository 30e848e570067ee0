// 消息 in the browser (issue 14): a grid worker's new work and a resident's progress, in the app whether or not
// they allowed WeChat notices; the unread count on 我的 (its 消息 cell and the tab), a tap that opens the case
// and reads it, 全部已读, the empty list. Screens: test-results/messages-*.png (normal) and care-messages-*.png
// (王秀英 reads in care mode). Needs dist/h5, dist/cloudfunctions, dist/emulator and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(180_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ page, app } = session);
  await page.setViewportSize({ width: 375, height: 812 });
});

const meCell = () => shown(page).locator('.me__messages');
const tabBadge = () => page.locator('.weui-tabbar .weui-badge:visible');

test('刘芳 sees the new wish on 我的 and in 消息, opens it from there, and the count goes', async () => {
  await app.postedWish('帮忙换灯泡', { approve: false });
  await session.emu.fireTrigger('notify', 'inbox');
  await app.open('/pages/me/index');
  await withScreenshot(page, 'messages-grid', async () => {
    await app.actAs('刘芳');
    await meCell().locator('.me__badge', { hasText: '1' }).waitFor();
    await tabBadge().filter({ hasText: '1' }).waitFor();
    await meCell().scrollIntoViewIfNeeded();
    await app.shot('messages-1-me-badge');

    await meCell().click();
    const item = shown(page).locator('.messages__item.is-unread', { hasText: '新心愿待审核' });
    await item.waitFor();
    await shown(page).locator('.messages__work', { hasText: '微信提醒新的待办' }).waitFor();
    await app.shot('messages-2-list');

    await item.click();
    await shown(page).locator('.grid-queue, .queue, .wish-card').first().waitFor();
    await app.open('/pages/me/index');
    await meCell().waitFor();
    await expect(meCell().locator('.me__badge').count()).resolves.toBe(0);
    await app.open('/pages/messages/index');
    await shown(page).locator('.messages__item:not(.is-unread)', { hasText: '新心愿待审核' }).waitFor();
    await shown(page).locator('.messages__count', { hasText: '没有未读消息' }).waitFor();
  });
});

test('王秀英 (care mode) reads her wish’s progress without having allowed WeChat notices, then marks all read', async () => {
  const wishId = await app.postedWish('帮我取一下快递');
  const claimed = await app.invokeWish('wish.claim', { wishId }, personas.zhang);
  expect(claimed.ok).toBe(true);
  await session.emu.fireTrigger('notify', 'inbox');
  await app.open('/pages/me/index');
  await withScreenshot(page, 'care-messages', async () => {
    await app.actAs('王秀英');
    await shown(page).locator('.page.care').waitFor();
    await meCell().locator('.me__badge', { hasText: '2' }).waitFor();
    await app.shot('care-messages-1-me-badge');

    await meCell().click();
    await shown(page).locator('.messages__item.is-unread').nth(1).waitFor();
    await shown(page).locator('.page.messages.care').waitFor();
    await app.shot('care-messages-2-list');

    await shown(page).locator('taro-button-core', { hasText: '全部已读' }).click();
    await shown(page).locator('.messages__count', { hasText: '没有未读消息' }).waitFor();
    await expect(shown(page).locator('.messages__item.is-unread').count()).resolves.toBe(0);
    await app.shot('care-messages-3-all-read');
  });
});

test('someone with no messages is told what will show up there', async () => {
  await app.open('/pages/me/index');
  await withScreenshot(page, 'messages-empty', async () => {
    await app.actAs('李明');
    await meCell().click();
    await shown(page).locator('.state-view--empty', { hasText: '还没有消息' }).waitFor();
    await app.shot('messages-3-empty');
  });
});

test('系统设置 says how staff are asked for WeChat work reminders; a street admin reads it', async () => {
  await app.open('/pages/me/index');
  await withScreenshot(page, 'messages-setting', async () => {
    await app.actAs('吴磊');
    await app.open('/package-admin/settings/index');
    await shown(page).locator('.cell', { hasText: '工作通知' }).filter({ hasText: '长期订阅' }).filter({ hasText: '由区级管理员设置' }).waitFor();
    await app.shot('messages-4-setting');
  });
});
