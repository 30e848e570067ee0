// 月通报 in a real browser: a month of work, the clock on the 1st of the next month (the bulletin timer prepares
// the draft), 孙丽 opens it from 积分管理, adds a note and publishes it with one call; 李明 reads it from 我的 →
// 社区月报, and 王秀英 (care mode by default) too. Needs `npm run build:h5` and chromium. Screens go to
// test-results/bulletin-*.png (normal and care of each page).
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

const CST = 8 * 3600_000;
const li = 'demo-resident-li';

function actionsSent(): string[] {
  const sent: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/__emulator/invoke/'))
      sent.push((JSON.parse(req.postData() ?? '{}') as { action: string }).action);
  });
  return sent;
}

/** A wish served this month, then the clock at 11:05 China time on the 1st of the next: answers the closed month. */
async function monthClosed(): Promise<string> {
  const wishId = await app.postedWish('帮忙换一下楼道的灯泡');
  for (const [action, payload] of [
    ['wish.claim', { wishId }],
    ['wish.checkIn', { wishId }],
    ['wish.complete', { wishId, proof: '已经换好，试过能亮' }],
  ] as const)
    expect(await app.invokeWish(action, payload, personas.zhang)).toMatchObject({ ok: true });
  const now = new Date(Date.parse((await session.emu.clock()).now) + CST);
  const month = now.toISOString().slice(0, 7);
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 11, 5) - CST;
  await session.emu.clock({ set: new Date(next).toISOString() });
  await session.emu.fireTrigger('report', 'bulletin');
  return month;
}

/** Opens `route` as `name`, chosen from the first-visit prompt (the stored persona forgotten first). */
async function openAs(name: string, route: string): Promise<void> {
  await app.open('/pages/me/index');
  await page.evaluate(() => window.localStorage.clear());
  await app.open(route);
  await app.actAs(name);
}

/** In care mode the app learns the mode from 我的 (user.me): open it there, then follow the link as a person does. */
async function careVia(name: string, link: string): Promise<void> {
  await openAs(name, '/pages/me/index');
  await shown(page).locator('.page.care').waitFor();
  await shown(page).locator('.cell', { hasText: link }).click();
}

const setCare = (openid: string, careMode: boolean) =>
  session.emu.invoke('user', { action: 'user.setPrefs', payload: { careMode }, requestId: `bulletin-care-${openid}-${careMode}` }, openid);

test('staff publish last month’s bulletin with a note; residents read it from 我的', async () => {
  const month = await monthClosed();
  await withScreenshot(page, 'bulletin-failed-publish', () => publishAndRead(month));
});

async function publishAndRead(month: string): Promise<void> {
  const [year, mon] = month.split('-').map(Number);
  const title = `${year}年${mon}月月报`;

  // Before: a resident finds nothing published yet, and is told when it comes.
  await openAs('李明', '/package-bulletin/archive/index');
  await shown(page).locator('.state-view__title', { hasText: '还没有发布的社区月报' }).waitFor();
  await app.shot('bulletin-archive-empty');

  await openAs('孙丽', '/package-staff/hub/index');
  await shown(page).locator('.cell', { hasText: '社区月报' }).click();
  await shown(page).locator('.bulletin-head__status', { hasText: '草稿' }).waitFor();
  await shown(page).locator('.bulletin-head__title', { hasText: title }).waitFor();
  await shown(page).locator('.bulletin-item__name', { hasText: '张建国' }).waitFor();
  await app.shot('bulletin-staff-draft');

  const note = '感谢各位居民和志愿者的支持！下月重点解决5号楼坡道和楼道照明问题。';
  await shown(page).locator('.bulletin-publish textarea').fill(note);
  await shown(page).locator('.bulletin-actions .btn', { hasText: '发布' }).click();
  const sent = actionsSent();
  await shown(page).locator('.bulletin-actions .btn', { hasText: '确认发布' }).dblclick();
  await shown(page).locator('.bulletin-head__status', { hasText: '已发布' }).waitFor();
  await shown(page).locator('.bulletin__note', { hasText: note }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(sent).toEqual(['report.publishBulletin']);
  expect(await shown(page).locator('.bulletin-publish').count()).toBe(0);
  await shown(page).locator('.bulletin-head').scrollIntoViewIfNeeded();
  await app.shot('bulletin-staff-published');

  // 导出: the export page opens on 社区月报 and that month's days; one press writes the file with the bulletin.
  await shown(page).locator('.bulletin-more').scrollIntoViewIfNeeded();
  await app.shot('bulletin-staff-export-link');
  await shown(page).locator('.bulletin-more .cell', { hasText: '导出' }).click();
  await shown(page).locator('.choice-chips--what .choice-chips__chip.is-on', { hasText: '社区月报' }).waitFor();
  await shown(page)
    .locator('.export__hint', { hasText: `${month}-01 至 ${month}-` })
    .waitFor();
  await app.shot('bulletin-export');
  await shown(page).locator('taro-button-core', { hasText: '开始导出' }).click();
  await shown(page).locator('.export__job--done', { hasText: '共 1 行' }).waitFor({ timeout: 60_000 });
  await app.shot('bulletin-export-done');

  // 李明 (normal mode) from 我的 → 社区月报 → the month.
  await openAs('李明', '/pages/me/index');
  await shown(page).locator('.cell', { hasText: '社区月报' }).click();
  await shown(page).locator('.bulletin-archive-item', { hasText: title }).waitFor();
  await app.shot('bulletin-archive');
  await shown(page).locator('.bulletin-archive-item', { hasText: title }).click();
  await shown(page).locator('.bulletin__note', { hasText: note }).waitFor();
  expect(await shown(page).locator('.bulletin-publish').count()).toBe(0);
  // A resident exports nothing: no 导出 for him.
  expect(await shown(page).locator('.bulletin-more .cell', { hasText: '导出' }).count()).toBe(0);
  await app.shot('bulletin-read');

  // The same pages in care mode: 王秀英 has it by default; 孙丽 and 李明 switch it on.
  expect(await setCare(li, true)).toMatchObject({ ok: true });
  expect(await setCare('demo-staff-sun', true)).toMatchObject({ ok: true });
  await careVia('李明', '社区月报');
  await shown(page).locator('.page.care .bulletin-archive-item', { hasText: title }).click();
  await shown(page).locator('.page.care .bulletin__note', { hasText: note }).waitFor();
  await app.shot('bulletin-read-care');
  await careVia('王秀英', '社区月报');
  await shown(page).locator('.page.care .bulletin-archive-item', { hasText: title }).waitFor();
  await app.shot('bulletin-archive-care');
  await careVia('孙丽', '积分管理');
  await shown(page).locator('.page.care .cell', { hasText: '核对上月草稿' }).click();
  await shown(page).locator('.page.care .bulletin-head__status', { hasText: '已发布' }).waitFor();
  await app.shot('bulletin-staff-published-care');
}

test('staff see the draft in care mode; an unpublished month tells residents when it comes', async () => {
  const month = await monthClosed();
  await withScreenshot(page, 'bulletin-failed-draft', () => draftAndEmpty(month));
});

async function draftAndEmpty(month: string): Promise<void> {
  expect(await setCare('demo-staff-sun', true)).toMatchObject({ ok: true });
  await careVia('孙丽', '积分管理');
  await shown(page).locator('.page.care .cell', { hasText: '核对上月草稿' }).click();
  await shown(page).locator('.page.care .bulletin-head__status', { hasText: '草稿' }).waitFor();
  await app.shot('bulletin-staff-draft-care');

  await openAs('李明', `/package-bulletin/read/index?month=${month}`);
  await shown(page).locator('.state-view__text', { hasText: '本月通报将于下月1日生成' }).waitFor();
  await app.shot('bulletin-read-empty');
  await careVia('王秀英', '社区月报');
  await shown(page).locator('.page.care .state-view__title', { hasText: '还没有发布的社区月报' }).waitFor();
  await app.shot('bulletin-archive-empty-care');
}
