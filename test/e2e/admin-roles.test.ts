// The admin (吴磊) in a real browser: 我的 shows the admin's work, 角色任免 appoints 李明 grid worker of 第二网格
// and the record shows it; the settings pages open with the community's values and save. Needs `npm run
// build:h5` and chromium. Screens go to test-results/admin-*.png.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import * as cloud from 'wx-server-sdk';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(180_000);

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ emu, page, app } = session);
  // The phone the screens are checked at.
  await page.setViewportSize({ width: 375, height: 812 });
});

/** A real (tiny) PNG: the emulator's upload checks the bytes are an image. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const field = (label: string) => shown(page).locator('.form-field', { has: page.locator('.form-field__label', { hasText: label }) });
const done = () => shown(page).locator('.admin-done__title');

/** 我的 as 吴磊, picked from the demo personas listed on the page. */
async function asAdmin() {
  await app.open('/pages/me/index');
  await shown(page)
    .locator('.persona-list__item', { has: page.locator('.persona-list__name', { hasText: '吴磊' }) })
    .first()
    .click();
  await shown(page).locator('.persona-chip__name', { hasText: '吴磊' }).waitFor();
}

/** Every action the app sends from now on, in order. */
function actionsSent(): string[] {
  const sent: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/__emulator/invoke/'))
      sent.push((JSON.parse(req.postData() ?? '{}') as { action: string }).action);
  });
  return sent;
}

async function openFromMe(text: string) {
  await shown(page).locator('.cell', { hasText: text }).first().click();
}

test('the admin appoints 李明 grid worker of 第二网格 and sees it in the record', async () => {
  await withScreenshot(page, 'admin-me', async () => {
    await asAdmin();
    await shown(page).locator('.cells .cell__title', { hasText: '角色任免' }).waitFor();
    const entries = await shown(page).locator('.cells .cell__title').allTextContents();
    expect(entries).toEqual(expect.arrayContaining(['组织架构', '人口台账', '角色任免', '楼栋码', '系统设置']));
    expect(entries).not.toContain('我的积分');
    expect(entries).not.toContain('美德商铺');
    await shown(page).locator('.me__profile').scrollIntoViewIfNeeded();
    await app.shot('admin-me');
  });

  await withScreenshot(page, 'admin-roles', async () => {
    const sent = actionsSent();
    await openFromMe('角色任免');
    await shown(page).locator('[data-field="person"]').click();
    await shown(page).locator('.admin-search input').fill('李');
    await shown(page).locator('.admin-person[data-person="李明"]').click();
    await shown(page).locator('[data-field="person"]', { hasText: '李明' }).waitFor();
    await shown(page).locator('.choice-chips--role [data-value="grid_worker"]').click();
    await field('社区').locator('[data-value="community-wutong"]').click();
    await field('网格').locator('[data-value="grid-2"]').click();
    await field('任免原因').locator('input').fill('第二网格原网格员调任，经街道研究任命');
    const before = sent.length;
    await shown(page).getByText('确认任命为网格员').click();
    await done().filter({ hasText: '已任命李明为网格员（第二网格）' }).waitFor();
    // One call for the press; the page read where to appoint once per level.
    expect(sent.slice(before)).toEqual(['role.grant']);
    expect(sent.filter((a) => a === 'role.places')).toHaveLength(3);
    await app.shot('admin-roles');
  });

  await withScreenshot(page, 'admin-roles-log', async () => {
    await shown(page).locator('.tabs__tab', { hasText: '任免记录' }).click();
    const entry = shown(page).locator('.role-entry[data-entry="李明"]');
    await entry.waitFor();
    expect(await entry.locator('.role-entry__what').textContent()).toBe('李明 · 网格员（第二网格）');
    expect(await entry.locator('.role-entry__reason').textContent()).toBe('原因：第二网格原网格员调任，经街道研究任命');
    await app.shot('admin-roles-log');
  });

  const reply = await emu.invoke<any>('user', { action: 'role.people', payload: { query: '李明' } }, 'demo-admin-wu');
  expect(reply.data.items[0].roles).toEqual(['resident', 'grid_worker']);
});

test('a grid worker of two grids: the admin adds 第三网格 to 刘芳 and removes 第一网格, one call per press', async () => {
  await asAdmin();
  const sent = actionsSent();
  await openFromMe('角色任免');
  await shown(page).locator('[data-field="person"]').click();
  await shown(page).locator('.admin-search input').fill('刘');
  await shown(page).locator('.admin-person[data-person="刘芳"]').click();
  const held = () => shown(page).locator('.role-held__name').allTextContents();
  await shown(page).locator('.role-held__name', { hasText: '第一网格' }).waitFor();
  expect(await held()).toEqual(['网格员 · 第一网格']);

  await shown(page).locator('.choice-chips--role [data-value="grid_worker"]').click();
  await field('社区').locator('[data-value="community-wutong"]').click();
  await field('网格').locator('[data-value="grid-3"]').click();
  await field('任免原因').locator('input').fill('兼任第三网格网格员');
  let before = sent.length;
  await shown(page).getByText('确认增加所管网格').click();
  await done().filter({ hasText: '已任命刘芳为网格员（第三网格）' }).waitFor();
  expect(sent.slice(before)).toEqual(['role.grant']);
  expect(await held()).toEqual(['网格员 · 第一网格', '网格员 · 第三网格']);
  await app.shot('admin-roles-two-grids');

  await field('任免原因').locator('input').fill('第一网格另有网格员');
  before = sent.length;
  await withScreenshot(page, 'admin-roles-revoke-grid', async () => {
    await shown(page).locator('.role-held', { hasText: '第一网格' }).getByText('免去此网格').click();
    await done().filter({ hasText: '已免去刘芳的网格员职务（第一网格）' }).waitFor();
  });
  expect(sent.slice(before)).toEqual(['role.revoke']);
  expect(await held()).toEqual(['网格员 · 第三网格']);
  await app.shot('admin-roles-one-grid-left');

  const reply = await emu.invoke<any>('user', { action: 'role.people', payload: { query: '刘芳' } }, 'demo-admin-wu');
  expect(reply.data.items[0]).toMatchObject({ roles: ['grid_worker'], workGrids: [{ id: 'grid-3', name: '第三网格' }] });
});

test('the settings pages open with the community’s values and save them', async () => {
  await asAdmin();
  await openFromMe('系统设置');
  await shown(page).locator('.admin-settings').waitFor();
  await app.shot('admin-settings');

  await withScreenshot(page, 'admin-settings-rules', async () => {
    await shown(page).locator('.cell', { hasText: '积分有效期' }).click();
    await field('志愿服务积分').locator('input').fill('365');
    await shown(page).getByText('保存有效期').click();
    await done().filter({ hasText: '积分有效期已保存' }).waitFor();
    await app.shot('admin-settings-rules');
    await page.goBack();
  });

  await withScreenshot(page, 'admin-settings-mall', async () => {
    await shown(page).locator('.cell', { hasText: '积分超市货架' }).click();
    const first = shown(page).locator('.mall-row').first();
    const name = await first.getAttribute('data-item');
    await first.click();
    await field('库存').locator('input').fill('42');
    // A new picture: uploaded when chosen, so saving sends its file id only.
    const chooser = page.waitForEvent('filechooser');
    await shown(page).locator('.mall-photo__action', { hasText: '更换图片' }).click();
    await (await chooser).setFiles({ name: 'eggs.png', mimeType: 'image/png', buffer: png });
    await shown(page).locator('.mall-photo__img[src^="blob:"], .mall-photo__img img[src^="blob:"]').first().waitFor();
    await field('图片').locator('.form-field__hint', { hasText: '可选' }).waitFor();
    await shown(page).getByText('保存修改').click();
    await done()
      .filter({ hasText: `已修改“${name}”` })
      .waitFor();
    expect(await shown(page).locator(`.mall-row[data-item="${name}"] .cell__value`).textContent()).toContain('库存 42');
    const shelf = await emu.invoke<any>('mall', { action: 'mall.listItems', payload: {} }, 'demo-admin-wu');
    expect(shelf.data.items.find((i: any) => i.name === name).photo).toMatch(/^cloud:\/\/.+uploads\/demo-admin-wu\//);
    await app.shot('admin-settings-mall');
    await shown(page).locator('.mall-row').first().scrollIntoViewIfNeeded();
    await app.shot('admin-settings-mall-list');
    await page.goBack();
  });

  await withScreenshot(page, 'admin-settings-virtue', async () => {
    await shown(page).locator('.cell', { hasText: '美德信用目录' }).click();
    await field('名称').locator('input').fill('清扫楼道积雪');
    await field('分值').locator('input').fill('6');
    await shown(page).getByText('新增项目').click();
    await done().filter({ hasText: '已新增“清扫楼道积雪” 6 分' }).waitFor();
    await shown(page).locator('.virtue-row[data-item="清扫楼道积雪"]').waitFor();
    await app.shot('admin-settings-virtue');
    await page.goBack();
  });

  await withScreenshot(page, 'admin-settings-merchant', async () => {
    await shown(page).locator('.cell', { hasText: '商家核销上限' }).click();
    await field('单笔免确认上限').locator('input').fill('25');
    await shown(page).getByText('保存上限').click();
    await done().filter({ hasText: '商家核销上限已保存' }).waitFor();
    await app.shot('admin-settings-merchant');
  });
});

/** A district admin written through the real SDK, and the H5 app acting as them (the persona it remembers). */
async function asDistrictAdmin() {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${emu.url}/__tcb` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  cloud.init({ env: 'linli-local' });
  const openid = 'o-district-admin';
  const person = { name: '林区管', phone: '13900009002', roles: ['admin'], adminScope: 'district', streetId: '', communityId: '' };
  await cloud
    .database()
    .collection('users')
    .add({ data: { _id: openid, ...person, gridId: null, buildingId: null, room: null, birthYear: 1980 } });
  await app.open('/pages/me/index');
  const persona = { openid, name: person.name, roles: person.roles, orgUnits: [], note: '区级管理员' };
  await page.evaluate((p) => window.localStorage.setItem('linli.demoPersona', JSON.stringify(p)), persona);
  await app.open('/package-admin/settings-categories/index');
}

test('the district admin adds a wish category; a street admin only reads the lists', async () => {
  await withScreenshot(page, 'admin-categories', async () => {
    await asDistrictAdmin();
    await field('名称').locator('input').fill('园艺绿化');
    await field('最低积分').locator('input').fill('5');
    await field('最高积分').locator('input').fill('15');
    await shown(page).getByText('新增类别').click();
    await done().filter({ hasText: '已新增心愿类别“园艺绿化”' }).waitFor();
    expect(await shown(page).locator('.category-row[data-item="园艺绿化"] .cell__value').textContent()).toBe('5–15 分');
    await app.shot('admin-categories');
    await shown(page).locator('.tabs__tab', { hasText: '诉求类别' }).click();
    await shown(page).locator('.category-row.is-sub[data-item="垃圾清运"]').waitFor();
    await app.shot('admin-categories-petition');
  });

  await withScreenshot(page, 'admin-categories-street', async () => {
    await app.open('/pages/me/index');
    await page.evaluate(() => window.localStorage.removeItem('linli.demoPersona'));
    await asAdmin();
    await app.open('/package-admin/settings-categories/index');
    await shown(page).getByText('由区级管理员设置').waitFor();
    expect(await shown(page).locator('.admin-form-title').count()).toBe(0);
    await shown(page).locator('.category-row[data-item="园艺绿化"]').waitFor();
    await app.shot('admin-categories-street');
  });
});

test('staff reverse a posting from a person’s history, with a reason', async () => {
  const award = await emu.invoke<any>(
    'points',
    {
      action: 'points.award',
      payload: { openid: 'demo-resident-li', asset: 'volunteer', amount: 9, reason: '重复登记的活动' },
      requestId: 'e2e-reverse-1',
    },
    'demo-staff-gao',
  );
  expect(award.ok).toBe(true);
  await withScreenshot(page, 'staff-reverse', async () => {
    await app.open('/pages/me/index');
    await shown(page)
      .locator('.persona-list__item', { has: page.locator('.persona-list__name', { hasText: '孙丽' }) })
      .first()
      .click();
    await shown(page).locator('.persona-chip__name', { hasText: '孙丽' }).waitFor();
    await openFromMe('积分管理');
    await shown(page).locator('.cell', { hasText: '积分明细与冲正' }).click();
    await shown(page).locator('.person-field').click();
    await shown(page).locator('.person-search input').fill('李');
    await shown(page).locator('.person-option[data-person="李明"]').click();
    const row = shown(page).locator('.staff-posting[data-posting="重复登记的活动"]');
    await row.getByText('冲正').click();
    await page.locator('.reason-sheet textarea:visible').fill('重复发放，予以冲正');
    await page.locator('.sheet .btn', { hasText: '确认冲正' }).click();
    await shown(page).locator('.staff-done__title', { hasText: '已冲正：重复登记的活动' }).waitFor();
    await row.locator('.staff-posting__meta', { hasText: '已冲正' }).waitFor();
    await app.shot('staff-reverse');
  });
  const history = await emu.invoke<any>('points', { action: 'points.history', payload: {} }, 'demo-resident-li');
  expect(history.data.items.map((p: any) => [p.amount, p.reason])).toEqual([
    [-9, '重复发放，予以冲正'],
    [9, '重复登记的活动'],
  ]);
});
