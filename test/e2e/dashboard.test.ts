// 数据看板 in a real browser, on the demo month (LINLI_SEED=month): 孙丽 (community staff) opens it from 我的, sees
// the numbers and the three F2 charts drawn (their canvases hold ink), narrows it to a grid, and a number opens the
// cases behind it; then the same page in care mode. Needs `npm run build:h5` and chromium.
// Screens go to test-results/dashboard-*.png.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startEmulator, type TestEmulator } from '../helpers/emulator';
import { appDriver } from './app';
import { launchChromium, phonePage, shown } from './browser';

jest.setTimeout(300_000);

let browser: Browser;
let emu: TestEmulator;
let page: Page;
let app: ReturnType<typeof appDriver>;
beforeAll(async () => {
  browser = await launchChromium();
  emu = await startEmulator({ h5Dir: join(repoRoot, 'dist/h5'), env: { LINLI_SEED: 'month' } });
});
afterAll(async () => {
  await browser?.close();
  await emu?.stop();
});
beforeEach(async () => {
  page = await phonePage(browser);
  await page.setViewportSize({ width: 375, height: 812 });
  app = appDriver(page, emu);
});
afterEach(async () => {
  await page?.context().close();
});

/** Every section of the page as its own picture (the page scrolls inside Taro's container, past a full-page shot). */
async function shootSections(p: Page, name: string) {
  const sections = shown(p).locator('.dash-section');
  const count = await sections.count();
  for (let i = 0; i < count; i++) await sections.nth(i).screenshot({ path: join(repoRoot, 'test-results', `${name}-${i + 1}.png`) });
  return count;
}

/** How many pixels of each chart on screen hold ink (an undrawn canvas has none). */
function inkedCharts(p: Page): Promise<Array<{ label: string | null; ink: number }>> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll('.taro_page'))
      .filter((el) => el.getBoundingClientRect().width > 0)
      .flatMap((el) => Array.from(el.querySelectorAll('.f2-chart')))
      .map((chart) => {
        const canvas = chart.querySelector('canvas')!;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
        return { label: chart.getAttribute('aria-label'), ink };
      }),
  );
}

async function openAsSun() {
  await app.open('/pages/me/index');
  await app.actAs('孙丽');
  await shown(page).locator('.cell', { hasText: '数据看板' }).first().click();
  await shown(page).locator('.dash-stat').first().waitFor();
}

test('community staff read the month: numbers, three charts drawn, a grid picked, a number opens its cases', async () => {
  await openAsSun();
  await expect(shown(page).locator('.dash-head__place').textContent()).resolves.toContain('社区');
  const received = shown(page).locator('.dash-stat', { hasText: '受理' }).first().locator('.dash-stat__value');
  expect(Number(await received.textContent())).toBeGreaterThan(0);
  await expect(shown(page).locator('.dash-stat', { hasText: '满意率' }).first().locator('.dash-stat__value').textContent()).resolves.toMatch(/%$/);
  await page.waitForTimeout(500);
  const charts = await inkedCharts(page);
  expect(charts.map((c) => c.label)).toEqual(expect.arrayContaining(['近12个月受理与办结', '诉求类别分布', '网格按期办结率排名']));
  for (const c of charts) expect(c.ink).toBeGreaterThan(500);
  await app.shot('dashboard-month');
  expect(await shootSections(page, 'dashboard-month')).toBeGreaterThanOrEqual(5);

  // A category: its own numbers (flows of the period), then back to all.
  const chip = shown(page).locator('.chip-filter__chip', { hasText: '电梯故障' });
  await chip.click();
  await shown(page).locator('.dash-section__title', { hasText: '类别：电梯故障' }).waitFor();
  await app.shot('dashboard-category');
  await shown(page).locator('.chip-filter__chip', { hasText: '全部类别' }).click();

  // 自定义: two date pickers, the period they give shown at the top.
  await shown(page).locator('.chip-filter__chip', { hasText: '自定义' }).click();
  await expect(shown(page).locator('.dash-filters__day').allTextContents()).resolves.toEqual([
    expect.stringMatching(/^从 /),
    expect.stringMatching(/^到 /),
  ]);
  await shown(page).locator('.chip-filter__chip', { hasText: '本月' }).click();

  // A grid: the numbers of that grid alone.
  await shown(page).locator('.chip-filter__chip', { hasText: '第一网格' }).click();
  await shown(page).locator('.dash-head__place', { hasText: '第一网格' }).waitFor();
  await app.shot('dashboard-grid');

  // A number opens the list behind it (the page of the cases engineer), with what it counts in the query.
  await shown(page).locator('.dash-stat--link', { hasText: '受理' }).first().click();
  await page.waitForURL(/package-report\/cases\/index\?/);
  const url = decodeURIComponent(page.url());
  expect(url).toMatch(/metric=received/);
  expect(url).toMatch(/grid=grid-1/);
  expect(url).toMatch(/from=\d{4}-\d{2}-01/);
});

test('the same page in care mode: larger numbers, charts still drawn', async () => {
  await app.open('/pages/me/index');
  await app.actAs('孙丽');
  const toggle = shown(page).locator('.care-switch');
  await toggle.click();
  await shown(page).locator('.page.care').waitFor();
  await shown(page).locator('.cell', { hasText: '数据看板' }).first().click();
  await shown(page).locator('.page.care .dash-stat').first().waitFor();
  await page.waitForTimeout(500);
  const size = await shown(page)
    .locator('.dash-stat__label')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
  for (const c of await inkedCharts(page)) expect(c.ink).toBeGreaterThan(500);
  await app.shot('dashboard-care');
  await shootSections(page, 'dashboard-care');
});

test('a grid worker is told the page is not theirs; street staff open on their street', async () => {
  await app.open('/package-report/dashboard/index');
  await app.actAs('刘芳');
  await shown(page).locator('.state-view--error').waitFor();
  await expect(shown(page).locator('.state-view__title').textContent()).resolves.toBe('暂时无法查看');
  await app.shot('dashboard-grid-worker');

  await app.actAs('钱伟');
  await shown(page).locator('.dash-head__place', { hasText: '街道' }).waitFor();
  await shown(page).locator('.dash-stat').first().waitFor();
});
