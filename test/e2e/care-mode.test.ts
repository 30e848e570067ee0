// 关怀模式 (care mode) in the browser: on by default for an elderly resident, switched on 我的 by anyone, and
// then every main page reads at 18 px or more with buttons at least 48 px tall. The screens stay in
// test-results/care-*.png (and normal-*.png for the same pages out of care mode). Needs `npm run build` and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(240_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ page, app } = session);
  await page.setViewportSize({ width: 375, height: 812 });
});

/** What the page on screen offers an old eye: text smaller than 18 px, buttons and switches lower than 48 px. */
async function measure(p: Page) {
  return p.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // Taro keeps earlier pages of the stack in the DOM, hidden: only the page on screen counts.
    const onScreen = Array.from(document.querySelectorAll('.taro_page')).find(visible);
    const root = onScreen?.querySelector('.page');
    if (!root) throw new Error('no page on screen');
    const texts = Array.from(root.querySelectorAll('*')).filter(
      (el) => !el.closest('.persona-chip') && visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()),
    );
    const small = texts
      .map((el) => ({ text: el.textContent!.trim().slice(0, 12), px: parseFloat(getComputedStyle(el).fontSize) }))
      .filter((t) => t.px < 18);
    const targets = Array.from(root.querySelectorAll('taro-button-core, .btn, [role="switch"]')).filter(visible);
    const low = targets
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 12), px: el.getBoundingClientRect().height }))
      .filter((t) => t.px < 48);
    return { care: root.classList.contains('care'), texts: texts.length, small, targets: targets.length, low };
  });
}

/** Opens a page, waits for `ready` on it, keeps its screen and checks it is readable in care mode. */
async function checkPage(route: string, ready: string, name: string) {
  await app.open(route);
  await shown(page).locator(ready).first().waitFor();
  await app.shot(name);
  const m = await measure(page);
  expect({ page: name, care: m.care, small: m.small, low: m.low }).toEqual({ page: name, care: true, small: [], low: [] });
  expect(m.texts).toBeGreaterThan(0);
  return m;
}

test('an elderly resident sees every main page in care mode from the first screen', async () => {
  const wishId = await app.postedWish('陪我去社区医院复查');
  await petitionDriver(page, session.emu).filed();
  await app.open('/pages/wall/index');
  await withScreenshot(page, 'care-wang', async () => {
    await app.actAs('王秀英');
    await shown(page).locator('.page.care').waitFor();
    let buttons = 0;
    const pages: [string, string, string][] = [
      ['/pages/wall/index', '.wish-card', 'care-wall'],
      [`/pages/wish-detail/index?id=${wishId}`, '.wish-detail', 'care-wish-detail'],
      ['/pages/wish-mine/index', '.wish-card', 'care-wish-mine'],
      ['/pages/wish-new/index', '.wish-new__textarea', 'care-wish-new'],
      ['/pages/petition-new/index', 'taro-button-core', 'care-petition-new'],
      ['/pages/petition-mine/index', '.petition-card', 'care-petition-mine'],
      ['/pages/points/index', '.points', 'care-points'],
      ['/pages/points-code/index', '.points-code', 'care-points-code'],
      ['/pages/mall/index', '.mall', 'care-mall'],
      ['/pages/shops/index', '.shops', 'care-shops'],
      ['/pages/me/index', '.care-switch', 'care-me'],
    ];
    for (const [route, ready, name] of pages) buttons += (await checkPage(route, ready, name)).targets;
    expect(buttons).toBeGreaterThan(5);
  });
});

test('a member switches care mode on from 我的 with one call, and it holds on the 任务 page and after a reload', async () => {
  const wishId = await app.postedWish('帮忙修一下厨房水龙头');
  expect(await app.invokeWish('wish.claim', { wishId }, personas.zhang)).toMatchObject({ ok: true });
  await app.open('/pages/me/index');
  await withScreenshot(page, 'care-zhang', async () => {
    await app.actAs('张建国');
    const toggle = shown(page).locator('.care-switch');
    await toggle.waitFor();
    await app.shot('normal-me');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    const before = await measure(page);
    expect(before.care).toBe(false);
    expect(before.small.length).toBeGreaterThan(0); // normal mode keeps its small secondary text

    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/__emulator/invoke/')) calls.push(r.postDataJSON().action);
    });
    await toggle.dblclick();
    await shown(page).locator('.page.care').waitFor();
    await page.waitForLoadState('networkidle');
    expect(calls).toEqual(['user.setPrefs']);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await checkPage('/pages/me/index', '.care-switch', 'care-me-member');

    await app.open('/pages/tasks/index');
    await shown(page).locator('.page.care').waitFor();
    await checkPage('/pages/tasks/index', '.wish-card', 'care-tasks');

    // The choice is the person's: the server has it too.
    const me = await session.emu.invoke<{ ok: true; data: { careMode: unknown } }>('user', { action: 'user.me', payload: {} }, personas.zhang);
    expect(me.data.careMode).toEqual({ choice: true, byDefault: false });

    await app.open('/pages/me/index');
    await shown(page).locator('.care-switch[aria-checked="true"]').waitFor();
    await toggle.click();
    await shown(page).locator('.page:not(.care) .care-switch[aria-checked="false"]').waitFor();
  });
});

test('normal mode is unchanged for a younger resident', async () => {
  await app.open('/pages/wall/index');
  await app.actAs('李明');
  await shown(page).locator('.page').first().waitFor();
  await page.waitForLoadState('networkidle');
  for (const [route, name] of [
    ['/pages/wall/index', 'normal-wall'],
    ['/pages/points/index', 'normal-points'],
    ['/pages/mall/index', 'normal-mall'],
  ]) {
    await app.open(route);
    await shown(page).locator('.page').first().waitFor();
    await app.shot(name);
    expect((await measure(page)).care).toBe(false);
  }
});
