// 热线对接 in a real browser: the district admin (吴磊, made the district's for this test: the seed has none) replaces
// the 12345 hotline's key on 系统设置 → 热线对接 — the key is shown once, with its copy button, and works through the
// Open311 path at once — then adds a partner, and a street admin is told the page is not theirs. Needs
// `npm run build:h5` and chromium. Screens go to test-results/hotline-*.png.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { databaseOf } from '../functions/ledger-fixture';
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
  emu = await startEmulator({ h5Dir: join(repoRoot, 'dist/h5') });
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

const adminScope = (scope: 'street' | 'district') =>
  databaseOf(emu)
    .collection('users')
    .doc('demo-admin-wu')
    .update({ data: { adminScope: scope } });

async function openAsWu() {
  await app.open('/package-admin/settings-hotline/index');
  await app.actAs('吴磊');
}

test('the district admin replaces the hotline’s key: shown once, copied, at work at once; then adds a partner', async () => {
  await adminScope('district');
  await openAsWu();
  const hotline = shown(page).locator('.o311-partner', { hasText: '12345热线' });
  await expect(hotline.locator('.o311-partner__line').nth(1).textContent()).resolves.toContain('尾号 -key');
  await app.shot('hotline-list');

  // Replacing asks first (the old key stops working), then shows the new key once: one key, one log line.
  await hotline.locator('.btn', { hasText: '更换密钥' }).click();
  const modal = page.locator('.taro-modal__content', { hasText: '旧密钥将在 1 分钟内失效' });
  await modal.waitFor();
  await modal.locator('.taro-model__confirm').click();
  const card = shown(page).locator('.o311-key');
  await card.waitFor();
  const key = (await card.locator('.o311-key__value').textContent())!.trim();
  expect(key).toMatch(/^o311_[\w-]{32}$/);
  await expect(card.locator('.o311-key__warn').textContent()).resolves.toContain('离开本页后无法再次查看');
  await expect(hotline.locator('.o311-partner__line').nth(1).textContent()).resolves.toContain(`尾号 ${key.slice(-4)}`);
  expect(await hotline.locator('.o311-partner__log', { hasText: '发放密钥' }).count()).toBe(1);
  await app.shot('hotline-key');
  await card.locator('.btn', { hasText: '复制密钥' }).click();
  await card.locator('.btn', { hasText: '我已复制' }).click();
  await card.waitFor({ state: 'detached' });

  const res = await fetch(`${emu.url}/open311/v2/requests.json?api_key=${key}`);
  expect(res.status).toBe(200);

  // A partner added: named, its intake community picked; it waits for its key.
  await shown(page).locator('.form-field', { hasText: '名称' }).locator('input').fill('区数字城管平台');
  await shown(page).locator('.admin-picker').click();
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  await shown(page).locator('.admin-picker', { hasText: '青石街道 梧桐社区' }).waitFor();
  await shown(page).locator('.btn', { hasText: '新增对接方' }).click();
  const added = shown(page).locator('.o311-partner', { hasText: '区数字城管平台' });
  await expect(added.locator('.o311-partner__line').nth(1).textContent()).resolves.toContain('尚未发放密钥');
  await expect(shown(page).locator('.admin-done__title').textContent()).resolves.toContain('已新增“区数字城管平台”');
});

test('a street admin is told the partners are the district admin’s', async () => {
  await adminScope('street');
  await openAsWu();
  await shown(page).locator('.state-view--empty', { hasText: '只有区级管理员可以管理热线对接' }).waitFor();
  expect(await shown(page).locator('.o311-partner').count()).toBe(0);
});
