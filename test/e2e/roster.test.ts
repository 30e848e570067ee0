// 人口台账 in a real browser: 孙丽 finds no roster yet, picks a sheet with bad rows and is told each one, picks
// the corrected sheet and imports it with its progress, then browses the roster by tag; 刘芳 sees her grid only.
// Needs `npm run build:h5`, `node scripts/build-cloud.mjs` and chromium. Screens go to test-results/.
import type { Page } from 'playwright-core';
import { residentHeader, residents, xlsx } from '../functions/roster-kit';
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

/** The persona list scrolls the page down; the roster screens are looked at from their top. */
const toTop = () => page.evaluate(() => document.querySelectorAll('.taro_page').forEach((p) => p.scrollTo(0, 0)));

/** Picks `data` as the file in the browser's dialog the import page opens. */
async function pickFile(name: string, data: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await shown(page).locator('.roster-file').click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: data });
  await shown(page).locator('.roster-file__name', { hasText: name }).waitFor();
}

test('staff import a roster: bad rows are named, the corrected file imports whole, the list filters by tag', async () => {
  await withScreenshot(page, 'roster-e2e', async () => {
    await app.open('/package-admin/roster/index');
    await app.actAs('孙丽');
    await toTop();
    await shown(page).getByText('还没有导入人口台账').waitFor();
    await app.shot('roster-01-empty');

    await shown(page).getByText('导入台账').last().click();
    await shown(page).locator('.roster-import').waitFor();
    const rows = residents(60);
    const bad = rows.map((r, i) => (i === 1 ? [r[0], '1380000', ...r.slice(2)] : i === 4 ? [r[0], r[1], '20号楼', ...r.slice(3)] : r));
    await pickFile('梧桐社区台账.xlsx', await xlsx([residentHeader, ...bad]));
    await app.shot('roster-02-import');
    await shown(page).getByText('开始导入').click();
    const errors = shown(page).locator('.roster-errors');
    await errors.waitFor();
    await errors.getByText('第 3 行：手机号应为 11 位数字').waitFor();
    await errors.getByText('第 6 行：楼栋“20号楼”不在本社区，请先导入楼栋表或检查楼栋名').waitFor();
    await app.shot('roster-03-errors');

    await pickFile('梧桐社区台账-改.xlsx', await xlsx([residentHeader, ...rows]));
    await shown(page).getByText('开始导入').click();
    await shown(page).getByText('人口台账导入完成').waitFor();
    await app.shot('roster-04-done');

    await shown(page).getByText('查看人口台账').click();
    await shown(page).getByText('梧桐社区 · 共 60 人').waitFor();
    await shown(page).locator('.roster-entry', { hasText: '居民1' }).first().getByText('139****0001').waitFor();
    await app.shot('roster-05-list');
    const download = page.waitForEvent('download');
    await shown(page).getByText('导出 Excel').click();
    expect((await download).suggestedFilename()).toBe('梧桐社区人口台账.xlsx');
    await shown(page).locator('.chip-filter__chip', { hasText: '独居老人' }).click();
    await shown(page).getByText('没有更多了').waitFor();
    expect(await shown(page).locator('.roster-entry').count()).toBe(6);
    await app.shot('roster-06-tag');
  });
});

test('a grid worker sees the roster of their grid, without import or export', async () => {
  const fileID = await session.emu.upload(personas.sun, await xlsx([residentHeader, ...residents(27)]), 'roster');
  const state = await session.emu.invoke<any>(
    'roster',
    {
      action: 'roster.import',
      payload: { fileID: fileID.fileID, communityId: 'community-wutong', kind: 'residents' },
    },
    personas.sun,
  );
  expect(state).toMatchObject({ ok: true, data: { status: 'done' } });
  await withScreenshot(page, 'roster-grid-e2e', async () => {
    await app.open('/package-admin/roster/index');
    await app.actAs('刘芳');
    await toTop();
    await shown(page).getByText('梧桐社区第一网格 · 共 9 人').waitFor();
    await shown(page).getByText('没有更多了').waitFor();
    expect(await shown(page).locator('.roster-entry').count()).toBe(9);
    expect(await shown(page).getByText('导出 Excel').count()).toBe(0);
    await app.shot('roster-07-grid');
  });
});
