// 入驻 in a real browser: a stranger opens the app and is welcomed (not shown an error), joins by a building code
// (`?scene=` on H5), the grid worker approves on 入驻审核, and the new resident posts a wish. A second newcomer
// the roster knows is a resident at once. Needs dist/h5, dist/cloudfunctions, dist/emulator and chromium.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { databaseOf } from '../functions/ledger-fixture';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(180_000);

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
beforeEach(() => ({ emu, page, app } = session));

/** Picks 新访客 (a fresh openid nobody registered) and answers the persona it became. */
async function becomeVisitor(): Promise<string> {
  const prompt = shown(page).locator('.persona-prompt');
  const chip = shown(page).locator('.persona-chip');
  await prompt.or(chip).first().waitFor();
  if (!(await prompt.isVisible())) await chip.click();
  await shown(page).locator('.persona-list__visitor').click();
  return (await page.evaluate(() => window.localStorage.getItem('linli.demoPersona'))) as string;
}

async function fillJoinForm(who: { name: string; unit: string; room: string; phone: string }) {
  const form = shown(page).locator('.join-form');
  await form.locator('.join-form__name input').fill(who.name);
  await form.locator('.join-form__unit input').fill(who.unit);
  await form.locator('.join-form__room input').fill(who.room);
  await form.locator('.join-form__phone input').fill(who.phone);
  await form.locator('.join-form__agree').click();
}

test('a stranger is welcomed, joins by a building code, the grid worker approves, and the new resident posts a wish', async () => {
  await app.open('/pages/wall/index');
  const visitor = await withScreenshot(page, 'join-1-welcome', async () => {
    const persona = await becomeVisitor();
    // The wall's NOT_REGISTERED sends a newcomer to the welcome page, not to an error.
    await shown(page).locator('.welcome__title').waitFor();
    expect(await page.locator('.state-view--error:visible').count()).toBe(0);
    await app.shot('join-1-welcome');
    // 先看看: the public wall stays open to them (read-only, with the way in), no longer sending them back.
    await shown(page).getByText('先看看心愿墙', { exact: true }).click();
    await shown(page).locator('.wall__guest', { hasText: '你还没有加入社区' }).waitFor();
    // Read-only: the wall offers no 发心愿 to someone who has not joined.
    expect(await page.locator('.wall__post').count()).toBe(0);
    await app.shot('join-1b-wall-as-guest');
    return persona;
  });

  await withScreenshot(page, 'join-2-form', async () => {
    // Scanning 2号楼's code opens the join page with the building as its scene.
    await app.open('/pages/join/index?scene=building-2');
    await shown(page).locator('.join-coded__place', { hasText: '梧桐社区 · 第一网格 · 2号楼' }).waitFor();
    await fillJoinForm({ name: '郑小红', unit: '3', room: '501', phone: '13700001234' });
    await app.shot('join-2-form');
    await shown(page).locator('.join-form .btn', { hasText: '加入社区' }).click();
    await shown(page).locator('.join-status', { hasText: '审核中' }).waitFor();
    expect(await shown(page).locator('.join-status').textContent()).toContain('第一网格的网格员会核实后通过');
    await app.shot('join-3-status-pending');
  });

  await withScreenshot(page, 'join-4-review', async () => {
    await app.actAs('刘芳');
    await app.open('/pages/me/index');
    const entry = shown(page).locator('.cell', { hasText: '入驻审核' });
    expect(await entry.locator('.me__badge').textContent()).toBe('1');
    await entry.click();
    const item = shown(page).locator('.join-item', { hasText: '郑小红' });
    await item.waitFor();
    expect(await item.textContent()).toContain('13700001234');
    await app.shot('join-4-review');
    await item.getByText('通过', { exact: true }).click();
    await shown(page).getByText('没有待审核的入驻申请').waitFor();
  });

  await withScreenshot(page, 'join-5-resident-posts', async () => {
    await page.evaluate((p) => window.localStorage.setItem('linli.demoPersona', p), visitor);
    await app.open('/pages/join/index');
    await shown(page).locator('.join-done__title', { hasText: '你已加入社区' }).waitFor();
    await app.shot('join-5-joined');
    await shown(page).getByText('发一个心愿', { exact: true }).click();
    await app.fillWishForm('想学用智能手机', '刚搬来，想请志愿者教我用手机挂号和视频通话');
    await shown(page).getByText('提交心愿').click();
    await app.answerConsent('接收进度通知？', true);
    await shown(page).locator('.wish-card', { hasText: '想学用智能手机' }).waitFor();
  });
});

test('a newcomer the roster knows (name + phone + building) picks the building by hand and is a resident at once', async () => {
  const db = databaseOf(emu);
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'e2e', rows: 1 } });
  await db.collection('roster_entries').add({
    data: {
      _id: 'roster-e2e',
      communityId: 'community-wutong',
      gridId: 'grid-2',
      buildingId: 'building-5',
      unit: '1',
      room: '202',
      name: '钱小梅',
      phone: '13700005555',
      tags: [],
      importId: 'e2e',
      userId: null,
    },
  });
  await app.open('/pages/join/index');
  await withScreenshot(page, 'join-6-roster', async () => {
    await becomeVisitor();
    await app.open('/pages/join/index');
    await shown(page).locator('.choice-chips__chip', { hasText: '梧桐社区' }).click();
    await shown(page).locator('.choice-chips__chip', { hasText: '第二网格' }).click();
    await shown(page).locator('.choice-chips__chip', { hasText: '5号楼' }).click();
    await fillJoinForm({ name: '钱小梅', unit: '1', room: '202', phone: '13700005555' });
    await app.shot('join-6-picked-by-hand');
    await shown(page).locator('.join-form .btn', { hasText: '加入社区' }).click();
    await shown(page).locator('.join-done__title', { hasText: '你已加入社区' }).waitFor();
  });
});

test('a resident corrects her room and asks to move to another building, which waits for that grid’s worker', async () => {
  await app.open('/pages/profile/index');
  await withScreenshot(page, 'join-7-profile', async () => {
    await app.actAs('王秀英');
    await shown(page).locator('.profile__name', { hasText: '王秀英' }).waitFor();
    await shown(page).locator('.profile__room input').fill('602');
    await shown(page).getByText('搬到了另一栋楼？').click();
    await shown(page).locator('.choice-chips__chip', { hasText: '梧桐社区' }).click();
    await shown(page).locator('.choice-chips__chip', { hasText: '第二网格' }).click();
    await shown(page).locator('.choice-chips__chip', { hasText: '5号楼' }).click();
    await shown(page).getByText('保存', { exact: true }).click();
    await shown(page).locator('.join-status', { hasText: '审核中' }).waitFor();
    expect(await shown(page).locator('.join-status').textContent()).toContain('第二网格的网格员核实后通过');
    // Until then she is still of 2号楼.
    expect(await shown(page).locator('.profile__line').first().textContent()).toContain('2号楼');
    await app.shot('join-7-profile-move');
  });
});
