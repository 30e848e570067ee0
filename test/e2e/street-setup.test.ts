// Issue 12 as one story in a real browser: the admin 吴磊 builds 新河社区 with 2 grids and 4 buildings in 组织架构,
// opens its 人口台账 from the tree and imports an Excel roster for it, appoints 赵新民 grid worker of 新河第一网格
// in 角色任免, and prints that grid's building codes. Needs `node scripts/build-cloud.mjs`, `npm run build:h5`
// and chromium. Screens go to test-results/street-*.png.
import type { Page } from 'playwright-core';
import { database, residentHeader, xlsx } from '../functions/roster-kit';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { orgTreeDriver } from './org-kit';

jest.setTimeout(300_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
let tree: ReturnType<typeof orgTreeDriver>;
beforeEach(async () => {
  ({ page, app } = session);
  tree = orgTreeDriver(page);
  await page.setViewportSize({ width: 375, height: 812 });
});

const admin = 'demo-admin-wu';
const field = (label: string) => shown(page).locator('.form-field', { has: page.locator('.form-field__label', { hasText: label }) });
const buildings = ['新河1号楼', '新河2号楼', '新河3号楼', '新河4号楼'];

/** 24 residents of the new community, six to a building, every sixth living alone. */
const newRiverRoster = () =>
  Array.from({ length: 24 }, (_, i) => [
    `新河居民${i + 1}`,
    `137${String(i + 1).padStart(8, '0')}`,
    buildings[i % 4],
    '1',
    String(101 + Math.floor(i / 4)),
    i % 6 === 0 ? '独居老人' : '',
  ]);

/** A registered resident of the street not yet placed in a community: someone who may be appointed anywhere in it. */
async function registeredNewcomer() {
  await database(session.emu)
    .collection('users')
    .add({
      data: {
        _id: 'o-newcomer-zhao',
        name: '赵新民',
        phone: '13900007788',
        roles: ['resident'],
        streetId: 'street-qingshi',
        communityId: '',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: 1986,
      },
    });
}

const call = (fn: string, action: string, payload: object) => session.emu.invoke<any>(fn, { action, payload }, admin);

test('the admin sets up a new community: tree, roster, a grid worker and the grid’s building codes', async () => {
  await registeredNewcomer();

  await withScreenshot(page, 'street-1-tree', async () => {
    await app.open('/package-admin/tree/index');
    await app.actAs('吴磊');
    await tree.expand('青石街道');
    await tree.add('青石街道', '社区', '新河社区');
    await tree.expand('新河社区');
    await tree.add('新河社区', '网格', '新河第一网格');
    await tree.add('新河社区', '网格', '新河第二网格');
    await tree.expand('新河第一网格');
    await tree.add('新河第一网格', '楼栋', buildings[0], 2);
    await tree.add('新河第一网格', '楼栋', buildings[1], 2);
    await tree.expand('新河第二网格');
    await tree.add('新河第二网格', '楼栋', buildings[2], 1);
    await tree.add('新河第二网格', '楼栋', buildings[3], 1);
    await tree.unit('新河社区').locator('> .org-node__main').scrollIntoViewIfNeeded();
    await app.shot('street-1-tree');
  });
  const community = (await call('org', 'org.tree', { parentId: 'street-qingshi' })).data.items.find((c: any) => c.name === '新河社区');
  const grids = (await call('org', 'org.tree', { parentId: community.id })).data.items;
  expect(grids.map((g: any) => g.name)).toEqual(['新河第一网格', '新河第二网格']);

  await withScreenshot(page, 'street-2-roster', async () => {
    await tree.action('新河社区', '人口台账').click();
    await shown(page).getByText('还没有导入人口台账').waitFor();
    await shown(page).getByText('导入台账').last().click();
    await shown(page).locator('.roster-import').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await shown(page).locator('.roster-file').click();
    const file = await xlsx([residentHeader, ...newRiverRoster()]);
    await (
      await chooser
    ).setFiles({ name: '新河社区台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await shown(page).locator('.roster-file__name', { hasText: '新河社区台账.xlsx' }).waitFor();
    await shown(page).getByText('开始导入').click();
    await shown(page).getByText('人口台账导入完成').waitFor();
    await shown(page).getByText('查看人口台账').click();
    await shown(page).getByText('新河社区 · 共 24 人').waitFor();
    await app.shot('street-2-roster');
  });
  const listed = await call('roster', 'roster.list', { communityId: community.id, limit: 50 });
  expect(listed.data.items.map((e: any) => e.buildingName).sort()).toEqual(
    newRiverRoster()
      .map((r) => r[2])
      .sort(),
  );
  // Each resident placed in the grid of their building.
  const gridOf = Object.fromEntries(listed.data.items.map((e: any) => [e.buildingName, e.gridName]));
  expect(gridOf).toEqual({ 新河1号楼: '新河第一网格', 新河2号楼: '新河第一网格', 新河3号楼: '新河第二网格', 新河4号楼: '新河第二网格' });

  await withScreenshot(page, 'street-3-appoint', async () => {
    await app.open('/package-admin/roles/index');
    await shown(page).locator('[data-field="person"]').click();
    await shown(page).locator('.admin-search input').fill('赵新');
    await shown(page).locator('.admin-person[data-person="赵新民"]').click();
    await shown(page).locator('.choice-chips--role [data-value="grid_worker"]').click();
    await field('社区').locator(`[data-value="${community.id}"]`).click();
    await field('网格').locator(`[data-value="${grids[0].id}"]`).click();
    await field('任免原因').locator('input').fill('新河社区新建，任命第一网格网格员');
    await shown(page).getByText('确认任命为网格员').click();
    await shown(page).locator('.admin-done__title').filter({ hasText: '已任命赵新民为网格员（新河第一网格）' }).waitFor();
    await app.shot('street-3-appoint');
  });
  const zhao = await call('user', 'role.people', { query: '赵新民' });
  expect(zhao.data.items[0].roles).toEqual(['resident', 'grid_worker']);

  await withScreenshot(page, 'street-4-codes', async () => {
    await app.open('/package-admin/tree/index');
    await tree.expand('青石街道');
    await tree.expand('新河社区');
    await tree.action('新河第一网格', '打印楼栋码').click();
    const sheet = shown(page).locator('.codes--sheet');
    await sheet.waitFor();
    await expect(sheet.locator('.code-card__name').allTextContents()).resolves.toEqual(['新河1号楼', '新河2号楼']);
    const images = sheet.locator('.code-card__image img');
    await expect(images.count()).resolves.toBe(2);
    for (let i = 0; i < 2; i++) {
      const img = await images.nth(i).elementHandle();
      await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 200, img);
    }
    await app.shot('street-4-codes');
  });
});
