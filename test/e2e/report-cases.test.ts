// 案件清单 and 网格排名 in a real browser on the demo month (LINLI_SEED=month): 孙丽 opens the list behind a number
// (the count the dashboard shows), pages it, opens a case from it, reads the grid ranking — normal and in care
// mode. Needs `npm run build:h5` and chromium. Screens go to test-results/report-cases-*.png, report-ranking-*.png.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startEmulator, type TestEmulator } from '../helpers/emulator';
import { appDriver } from './app';
import { launchChromium, phonePage, shown, withScreenshot } from './browser';

jest.setTimeout(300_000);

const sun = 'demo-staff-sun';
let browser: Browser;
let emu: TestEmulator;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  emu = await startEmulator({ h5Dir: join(repoRoot, 'dist/h5'), env: { LINLI_SEED: 'month' } });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await emu?.stop();
});

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
async function report<T>(action: string, payload: object): Promise<T> {
  const reply = await emu.invoke<Reply<T>>('report', { action, payload }, sun);
  if (!reply.ok) throw new Error(`${action}: ${reply.message}`);
  return reply.data;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const before = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

test('the cases behind a number of the demo month, and its grid ranking, normal and in care mode', async () => {
  page = await phonePage(browser);
  await page.setViewportSize({ width: 375, height: 812 });
  const app = appDriver(page, emu);
  await emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
  // The month with the demo's numbers: this one, or the last one early in a month.
  const today = new Date(Date.parse((await emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 7);
  let month = today;
  let d = await report<{ petitions: { received: number; resolved: number } }>('report.dashboard', { from: `${month}-01`, to: lastDay(month) });
  if (d.petitions.resolved < 3) {
    month = before(today);
    d = await report('report.dashboard', { from: `${month}-01`, to: lastDay(month) });
  }
  expect(d.petitions.resolved).toBeGreaterThan(0);
  const period = `from=${month}-01&to=${lastDay(month)}`;

  await withScreenshot(page, 'report-cases-failure', async () => {
    await app.open('/pages/me/index');
    await app.actAs('孙丽');

    // The list behind 已办结: as many as the dashboard counts, 20 a page.
    await app.open(`/package-report/cases/index?${period}&metric=resolved`);
    await shown(page).locator('.cases-row').first().waitFor();
    expect(await shown(page).locator('.cases-head__title').textContent()).toContain('已办结');
    expect(await shown(page).locator('.cases-head__number').textContent()).toBe(String(d.petitions.resolved));
    await app.shot('report-cases-normal');
    const rows = await shown(page).locator('.cases-row').count();
    expect(rows).toBe(Math.min(20, d.petitions.resolved));
    expect(await shown(page).locator('.cases-row').first().textContent()).not.toMatch(/1[3-9]\d{9}/);

    // All received cases, paged with 加载更多 up to the count.
    await app.open(`/package-report/cases/index?${period}&metric=received`);
    await shown(page).locator('.cases-row').first().waitFor();
    const received = Number(await shown(page).locator('.cases-head__number').textContent());
    expect(received).toBe(d.petitions.received);
    while (await shown(page).locator('.load-more.is-link').count()) {
      const shownRows = await shown(page).locator('.cases-row').count();
      await shown(page).locator('.load-more.is-link').click();
      await page.waitForFunction((n) => document.querySelectorAll('.taro_page:not([style*="display: none"]) .cases-row').length > n, shownRows, {
        timeout: 10_000,
      });
    }
    expect(await shown(page).locator('.cases-row').count()).toBe(received);

    // Tapping a row opens the case.
    await shown(page).locator('.cases-row').first().click();
    await page.waitForURL(/petition-detail/);

    await app.open(`/package-report/ranking/index?month=${month}`);
    await shown(page).locator('.ranking-row').first().waitFor();
    await app.shot('report-ranking-normal');
    // A grid's number opens its cases: as many as the ranking says it received.
    const top = shown(page).locator('.ranking-row').first();
    const said = Number(/(\d+) 件/.exec((await top.locator('.ranking-row__more').textContent()) ?? '')?.[1]);
    await top.click();
    await shown(page).locator('.cases-head__number').waitFor();
    expect(Number(await shown(page).locator('.cases-head__number').textContent())).toBe(said);
    expect(await shown(page).locator('.cases-head__title').textContent()).toContain('网格');

    // Care mode, switched on 我的.
    await app.open('/pages/me/index');
    await shown(page).locator('.care-switch').click();
    await shown(page).locator('.page.care').waitFor();
    await app.open(`/package-report/cases/index?${period}&metric=overdueNow`);
    await shown(page).locator('.page.care .cases-head, .page.care .state-view--empty').first().waitFor();
    await app.open(`/package-report/cases/index?${period}&metric=resolved`);
    await shown(page).locator('.page.care .cases-row').first().waitFor();
    await app.shot('report-cases-care');
    await app.open(`/package-report/ranking/index?month=${month}`);
    await shown(page).locator('.page.care .ranking-row').first().waitFor();
    await app.shot('report-ranking-care');
  });
  await page.context().close();
});
