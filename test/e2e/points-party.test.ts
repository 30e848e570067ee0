// 党员积分 "1+1−1" in a real browser: staff enter points with evidence and read them back, the member finds
// their own row in the month's ranking, and after the month is over staff close it and name its 明星党员.
// Needs `npm run build` and chromium. Screens go to test-results/.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { openStaffTool, pickPerson, pointsKit, staffForm } from './points-kit';

jest.setTimeout(180_000);

const { chen, sun } = personas;
const DAY = 24 * 60 * 60 * 1000;
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

test('staff enter party points with evidence; the member finds their row; the month closes with its 明星党员', async () => {
  await kit.act(sun, 'points.partyEntry', { openid: chen, itemId: 'party-base', reason: '本月基础分', evidence: { text: '组织生活签到表' } });
  await withScreenshot(page, 'staff-party', async () => {
    await openStaffTool(page, app, '党员积分录入');
    await pickPerson(page, '张', '张建国');
    await shown(page).locator('.choice-chips__chip', { hasText: '加分·志愿服务' }).click();
    await field('分值').locator('input').fill('8');
    await field('原因').locator('input').fill('参加社区义诊志愿服务');
    await field('佐证情况').locator('textarea').fill('义诊签到表第 3 页，刘芳见证');
    await app.shot('staff-party-form');
    await shown(page).getByText('确认录入').click();
    await done().locator('.staff-done__title', { hasText: '已为张建国录入 +8 分（志愿服务）' }).waitFor();
    await shown(page).locator('.tabs__tab', { hasText: '录入明细' }).click();
    const entry = shown(page).locator('.party-entry', { hasText: '张建国' });
    expect(await entry.textContent()).toContain('佐证：义诊签到表第 3 页，刘芳见证');
    await app.shot('staff-party-entries');
  });

  await withScreenshot(page, 'ranking-me', async () => {
    await app.actAs('张建国');
    await app.open('/pages/ranking/index');
    const mine = shown(page).locator('.ranking__row.is-me');
    expect(await mine.locator('.ranking__name').textContent()).toBe('张建国');
    expect(await mine.locator('.ranking__points').textContent()).toBe('8 分');
    expect(await shown(page).locator('.ranking__row').count()).toBe(2);
    await app.shot('ranking-me');
  });

  // A month later the month of those entries is over and may be closed.
  await emu.clock({ advanceMs: 32 * DAY });
  await withScreenshot(page, 'staff-close-month', async () => {
    await openStaffTool(page, app, '月度结算');
    await shown(page).locator('.ranking__row').nth(1).waitFor();
    await shown(page).locator('.btn', { hasText: /^结算/ }).click();
    await app.shot('staff-close-month-confirm');
    await shown(page).getByText('确认结算', { exact: true }).click();
    await shown(page).locator('.ranking__stars-names', { hasText: '陈静、张建国' }).waitFor();
    expect(await shown(page).locator('.ranking__star').count()).toBe(2);
    expect(await shown(page).locator('.btn', { hasText: /结算/ }).count()).toBe(0);
    await app.shot('staff-close-month');
  });
});
