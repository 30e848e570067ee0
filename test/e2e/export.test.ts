// 数据导出 in the browser: 孙丽 (community staff) exports the community's cases as Excel, watches it being
// written, and downloads the file, which opens as a workbook with the case she filed; then a CSV of postings, in
// care mode. Screens in test-results/export-*.png. Needs dist/h5, dist/cloudfunctions, dist/emulator and chromium.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { databaseOf } from '../functions/ledger-fixture';
import { artefacts, browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(240_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ page, app } = session);
  await page.setViewportSize({ width: 375, height: 812 });
});

const ramp = {
  categoryId: 'accessibility',
  description: '2号楼门口的无障碍坡道塌了一块，轮椅推不上去',
  location: { kind: 'building', buildingId: 'building-2', detail: '1单元门口' },
};

/** Text smaller than 18 px and buttons lower than 48 px on the page on screen (care mode promises neither). */
async function tooSmall(p: Page) {
  return p.evaluate(() => {
    const visible = (el: Element) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
    const root = Array.from(document.querySelectorAll('.taro_page')).find(visible)?.querySelector('.page');
    if (!root) throw new Error('no page on screen');
    const texts = Array.from(root.querySelectorAll('*')).filter(
      (el) => !el.closest('.persona-chip') && visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()),
    );
    return {
      care: root.classList.contains('care'),
      texts: texts.length,
      small: texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 18).map((el) => el.textContent!.trim().slice(0, 12)),
      low: Array.from(root.querySelectorAll('taro-button-core'))
        .filter((el) => visible(el) && el.getBoundingClientRect().height < 48)
        .map((el) => (el.textContent ?? '').trim()),
    };
  });
}

/** Taps the button and answers with the file the browser downloads (the page's 下载文件). */
async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), shown(page).locator('taro-button-core', { hasText: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path!) };
}

test('孙丽 exports the month’s cases as Excel, sees it written, and downloads the workbook', async () => {
  const filed = await session.emu.invoke<{ ok: true; data: { petition: { id: string } } }>(
    'petition',
    { action: 'petition.create', payload: ramp, requestId: 'e2e-export-petition-1' },
    personas.wang,
  );
  expect(filed.ok).toBe(true);
  // Three thousand more cases of the same morning, written straight into the store: the export takes a few
  // polls (a page of 1000 each), long enough to see it being written.
  const db = databaseOf(session.emu);
  const { data: model } = await db.collection('petitions').doc(filed.data.petition.id).get();
  for (let i = 0; i < 3000; i += 500) {
    const docs = Array.from({ length: 500 }, (_, k) => ({ ...model, _id: `e2e-bulk-${String(i + k).padStart(5, '0')}` }));
    await db.collection('petitions').add({ data: docs });
  }
  await app.open('/pages/me/index');
  await withScreenshot(page, 'export-sun', async () => {
    await app.actAs('孙丽');
    await shown(page).locator('.cell', { hasText: '数据导出' }).click();
    await shown(page).locator('.export .choice-chips--what').waitFor();
    await app.shot('export-1-form');

    await shown(page).locator('.choice-chips--what .choice-chips__chip', { hasText: '诉求与心愿' }).click();
    await shown(page).locator('taro-button-core', { hasText: '开始导出' }).click();
    const running = shown(page).locator('.export__job--running', { hasText: '已写入' });
    await running.waitFor();
    await running.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artefacts, 'export-2-running.png') });
    await expect(shown(page).locator('taro-button-core', { hasText: '正在导出…' }).count()).resolves.toBe(1);
    const done = shown(page).locator('.export__job--done');
    await done.waitFor({ timeout: 60_000 });
    await done.scrollIntoViewIfNeeded();
    await app.shot('export-3-done');
    await expect(done.textContent()).resolves.toContain('共 3001 行');

    const file = await download('下载文件');
    expect(file.name).toMatch(/^梧桐社区诉求与心愿_.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('诉求与心愿')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('类型');
    expect(sheet.rowCount).toBe(3002);
    const ids = (sheet.getColumn(2).values as unknown[]).slice(2);
    expect(ids).toContain(filed.data.petition.id);
    expect(ids).toContain('e2e-bulk-02999');
  });
});

test('in care mode, 孙丽 exports postings as CSV, readable at a glance', async () => {
  await session.emu.invoke('user', { action: 'user.setPrefs', payload: { careMode: true }, requestId: 'e2e-export-care-1' }, personas.sun);
  await session.emu.invoke(
    'points',
    {
      action: 'points.award',
      payload: { openid: personas.wang, asset: 'volunteer', amount: 5, reason: '参加社区活动' },
      requestId: 'e2e-export-award-1',
    },
    personas.sun,
  );
  await app.open('/pages/me/index');
  await withScreenshot(page, 'export-care', async () => {
    await app.actAs('孙丽');
    await shown(page).locator('.page.care').waitFor();
    await shown(page).locator('.cell', { hasText: '数据导出' }).click();
    await shown(page).locator('.page.care .choice-chips--what').waitFor();
    await shown(page).locator('.choice-chips--format .choice-chips__chip', { hasText: 'CSV 文件' }).click();
    await shown(page).locator('.choice-chips--what .choice-chips__chip', { hasText: '积分流水' }).click();
    await app.shot('export-4-care-form');
    await shown(page).locator('taro-button-core', { hasText: '开始导出' }).click();
    const done = shown(page).locator('.export__job--done');
    await done.waitFor();
    await done.scrollIntoViewIfNeeded();
    await app.shot('export-5-care-done');
    const m = await tooSmall(page);
    expect(m.texts).toBeGreaterThan(10);
    expect(m).toMatchObject({ care: true, small: [], low: [] });
    const file = await download('下载文件');
    expect(file.name).toMatch(/积分流水_.*\.csv$/);
    const text = file.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('参加社区活动');
    expect(text).toContain('王秀英,138****1001');
  });
});
