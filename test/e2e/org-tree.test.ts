// 组织架构 in a real browser (issue 12): the admin 吴磊 builds a new community with 2 grids and 4 buildings
// through the tree and the unit form, then opens the first grid's printable sheet of building codes. Needs
// `npm run build:cloud && npm run build:h5` and chromium. Screens go to test-results/.
import type { Page } from 'playwright-core';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { orgTreeDriver } from './org-kit';

jest.setTimeout(240_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
let tree: ReturnType<typeof orgTreeDriver>;
beforeEach(() => {
  ({ page, app } = session);
  tree = orgTreeDriver(page);
});

test('the admin builds a community with 2 grids and 4 buildings and prints a grid’s building codes', async () => {
  await withScreenshot(page, 'org-1-tree', async () => {
    await app.open('/package-admin/tree/index');
    await app.actAs('吴磊');
    await tree.unit('青石街道').waitFor();
    await tree.expand('青石街道');
    await tree.unit('梧桐社区').waitFor();
    await tree.expand('梧桐社区');
    await tree.unit('第一网格').waitFor();
    expect(await tree.unit('第一网格').locator('> .org-node__counts').textContent()).toMatch(/居民 \d+ 人 · 未办结 \d+ 件/);
    await app.shot('org-1-tree');
  });

  await withScreenshot(page, 'org-2-build', async () => {
    await tree.add('青石街道', '社区', '新河社区');
    await tree.expand('新河社区');
    await tree.add('新河社区', '网格', '新河第一网格');
    await tree.add('新河社区', '网格', '新河第二网格');
    await tree.expand('新河第一网格');
    await tree.add('新河第一网格', '楼栋', '新河1号楼', 3);
    await tree.add('新河第一网格', '楼栋', '新河2号楼', 2);
    await tree.expand('新河第二网格');
    await tree.add('新河第二网格', '楼栋', '新河3号楼', 2);
    await tree.add('新河第二网格', '楼栋', '新河4号楼', 1);
    expect(await tree.unit('新河1号楼').locator('> .org-node__detail').textContent()).toBe('3 个单元');
    await app.shot('org-2-built');
  });

  // The same tree as the server has it: two grids under the new community, two buildings under each.
  const children = async (parentId: string) => {
    const reply = await session.emu.invoke<any>('org', { action: 'org.tree', payload: { parentId } }, 'demo-admin-wu');
    return reply.data.items as { id: string; name: string }[];
  };
  const community = (await children('street-qingshi')).find((c) => c.name === '新河社区')!;
  const grids = await children(community.id);
  expect(grids.map((g) => g.name)).toEqual(['新河第一网格', '新河第二网格']);
  expect(await Promise.all(grids.map(async (g) => (await children(g.id)).map((b) => b.name)))).toEqual([
    ['新河1号楼', '新河2号楼'],
    ['新河3号楼', '新河4号楼'],
  ]);

  await withScreenshot(page, 'org-3-print', async () => {
    await tree.action('新河第一网格', '打印楼栋码').click();
    const sheet = shown(page).locator('.codes--sheet');
    await sheet.waitFor();
    await expect(sheet.locator('.code-card__name').allTextContents()).resolves.toEqual(['新河1号楼', '新河2号楼']);
    // Every code is a loaded PNG, not a broken image.
    const images = sheet.locator('.code-card__image img');
    await expect(images.count()).resolves.toBe(2);
    for (let i = 0; i < 2; i++) {
      const img = await images.nth(i).elementHandle();
      await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 200, img);
    }
    await app.shot('org-3-print-sheet');
  });
});

test('a community’s 人口台账 is offered to who may read it: its staff, not the street’s read-only staff', async () => {
  await withScreenshot(page, 'org-4-roster-link', async () => {
    await app.open('/package-admin/tree/index');
    await app.actAs('孙丽');
    await tree.unit('梧桐社区').waitFor();
    await app.shot('org-4-staff-tree');
    await tree.action('梧桐社区', '人口台账').click();
    await shown(page).getByText('还没有导入人口台账').waitFor();
  });
  await withScreenshot(page, 'org-5-street-staff', async () => {
    await app.open('/package-admin/tree/index');
    await app.actAs('钱伟');
    await tree.expand('青石街道');
    await tree.unit('梧桐社区').waitFor();
    await expect(tree.unit('梧桐社区').locator('> .org-node__actions .btn').count()).resolves.toBe(0);
    await app.shot('org-5-street-staff-tree');
  });
});
