// 岗位认领 in a real browser: 孙丽 publishes a post from 积分管理 → 岗位管理, 张建国 claims it from 我的任务 →
// 岗位认领, checks in on a Monday morning and out an hour later (the emulator's clock), 王秀英 rates the shift
// from 身边岗位 → 值班记录, and 孙丽 sees the rating, also where she enters 张建国's party points.
// Needs `npm run build` and chromium. Screens go to test-results/.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { openStaffTool, pickPerson, staffForm } from './points-kit';

jest.setTimeout(240_000);

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
beforeEach(() => {
  ({ emu, page, app } = session);
});

const card = () => shown(page).locator('.post-card', { hasText: '2号楼助老岗' });

test('staff publish a post, a member claims it and serves a shift, a resident rates it', async () => {
  await emu.clock({ set: '2026-12-07T09:00:00+08:00' });

  await withScreenshot(page, 'posts-1-publish', async () => {
    await openStaffTool(page, app, '岗位管理');
    await shown(page).locator('.posts-manage').waitFor();
    await shown(page).getByText('本月还没有评价').waitFor();
    await app.shot('posts-1-manage-empty');
    await shown(page).locator('.btn', { hasText: '发布新岗位' }).click();
    const form = staffForm(page);
    await form.field('岗位类型').getByText('助老员').click();
    await form.field('岗位名称').locator('input').fill('2号楼助老岗');
    await form.field('岗位说明').locator('textarea').fill('上午陪独居老人聊天、代买代办');
    await form.field('所在网格').getByText('第一网格').click();
    await form.field('楼栋').getByText('2号楼').click();
    await form.field('名额（人）').locator('input').fill('2');
    await app.shot('posts-2-form');
    await shown(page).locator('.btn', { hasText: '发布岗位' }).click();
    await card().waitFor();
    await app.shot('posts-3-manage');
  });

  await withScreenshot(page, 'posts-4-claim', async () => {
    await app.open('/pages/tasks/index');
    await app.actAs('张建国');
    await shown(page).getByText('岗位认领').click();
    await card().waitFor();
    await app.shot('posts-4-open');
    await card().locator('.btn', { hasText: '认领' }).click();
    // Claimed, it leaves the open list.
    await card().waitFor({ state: 'detached' });
    await shown(page).locator('.tabs__tab', { hasText: '我的岗位' }).click();
    await card().locator('.btn', { hasText: '签到' }).click();
    await card().getByText('值班中').first().waitFor();
    await app.shot('posts-5-on-duty');
  });

  await emu.clock({ advanceMs: 60 * 60 * 1000 });
  await withScreenshot(page, 'posts-6-check-out', async () => {
    await card().locator('.btn', { hasText: '签退' }).click();
    await card().locator('.btn', { hasText: '签到' }).waitFor();
    await shown(page).getByText('我的值班记录和服务评价').click();
    await shown(page).getByText('计 1 小时，10 分').waitFor();
    await app.shot('posts-6-my-shifts');
  });

  await withScreenshot(page, 'posts-7-rate', async () => {
    await app.open('/package-posts/list/index');
    await app.actAs('王秀英');
    await card().locator('.btn', { hasText: '值班记录' }).click();
    await shown(page).locator('.btn', { hasText: '评价服务' }).click();
    await page.locator('.stars__star[data-stars="5"]:visible').click();
    await page.locator('.reason-sheet__input textarea:visible').fill('小张很耐心，谢谢');
    await app.shot('posts-7-rate-sheet');
    await page.locator('.btn:visible', { hasText: '提交评价' }).click();
    await shown(page).getByText('服务评价 5 分（1 人）').waitFor();
    await shown(page).getByText('已评价，谢谢').waitFor();
    await app.shot('posts-8-rated');
  });

  await withScreenshot(page, 'posts-9-staff-sees', async () => {
    await openStaffTool(page, app, '岗位管理');
    await shown(page).getByText('张建国：平均 5 分，1 次').waitFor();
    await app.shot('posts-9-manage-rated');
  });

  await withScreenshot(page, 'posts-10-party-hint', async () => {
    await openStaffTool(page, app, '党员积分录入');
    await pickPerson(page, '张', '张建国');
    await shown(page).getByText('服务评价参考（本月）：平均 5 分，1 次评价').waitFor();
    await app.shot('posts-10-party-hint');
  });
});
