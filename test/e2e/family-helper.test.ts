// 代办人 (issue 13) in the browser: 李明 asks on 我的 → 我的家庭 to be 王秀英's helper; 刘芳 sees the request in her
// grid; 王秀英 agrees (in care mode, as an elderly resident); 李明 files a wish for her from 我的家庭 and she sees it
// in 我的心愿. Screens at 375×812 in test-results/family-*.png (normal) and care-family-*.png. Needs dist/h5 and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(240_000);

const session = browserSession();
const li = 'demo-resident-li';
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ page, app } = session);
  await page.setViewportSize({ width: 375, height: 812 });
});

/** Back to the top (choosing a persona can leave the page scrolled), then the screen is kept. */
async function shotFromTop(name: string) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelectorAll('.taro_page').forEach((el) => el.scrollTo(0, 0));
  });
  await app.shot(name);
}

/** As `name` (chosen on the wall first: a form opened before a persona is chosen can stay loading), on `route`. */
async function visit(name: string, route: string) {
  await app.open('/pages/wall/index');
  await app.actAs(name);
  await app.open(route);
}

async function careMode(openid: string, on: boolean) {
  const reply = await session.emu.invoke<{ ok: boolean }>(
    'user',
    { action: 'user.setPrefs', payload: { careMode: on }, requestId: `care-${openid}-${on}` },
    openid,
  );
  expect(reply).toMatchObject({ ok: true });
}

test('a child binds as an elderly parent’s helper, files a wish for her, and she sees it', async () => {
  const family = () => shown(page).locator('.family');
  await withScreenshot(page, 'family-request', async () => {
    await visit('李明', '/package-family/home/index');
    await family().locator('.family__form').waitFor();
    const inputs = family().locator('.family__form input');
    await inputs.nth(0).fill('王秀英');
    await inputs.nth(1).fill('13800001001');
    await inputs.nth(2).fill('儿子');
    await family().locator('.family__actions .btn').click();
    await family().locator('.family-card', { hasText: '等待确认' }).waitFor();
    await shotFromTop('family-request');
  });

  // Her grid worker sees it to confirm for her (not pressed here).
  await withScreenshot(page, 'family-grid', async () => {
    await visit('刘芳', '/package-family/home/index');
    await family().locator('.family-card', { hasText: '申请为 王秀英 的代办人' }).waitFor();
    await shotFromTop('family-grid');
  });

  // 王秀英 (care mode by default: 80 years old) goes 我的 → 我的家庭 and agrees; one call for the press.
  await withScreenshot(page, 'care-family-parent', async () => {
    await visit('王秀英', '/pages/me/index');
    await shown(page).locator('.cell', { hasText: '我的家庭' }).click();
    const card = family().locator('.family-card', { hasText: '李明（儿子）' });
    await card.waitFor();
    await page.locator('.page.care').first().waitFor();
    const calls: string[] = [];
    page.on('request', (r) => r.url().includes('/__emulator/invoke/') && calls.push(r.url()));
    await card.locator('.btn', { hasText: /^同意$/ }).click();
    await card.locator('.family-card__line', { hasText: '本人确认：王秀英' }).waitFor();
    expect(calls).toHaveLength(1);
    await shotFromTop('care-family-parent');
  });

  // 李明 files a wish for her from 我的家庭: the form opens filing for her.
  await withScreenshot(page, 'family-wish-new', async () => {
    await visit('李明', '/package-family/home/index');
    await family().locator('.family-card', { hasText: '已绑定' }).locator('.btn', { hasText: '为TA发心愿' }).click();
    const form = shown(page).locator('.wish-new');
    await form.locator('.proxy-fields__switch-title', { hasText: '为家人代办' }).waitFor();
    await form.locator('.choice-chips__chip.is-on', { hasText: '王秀英' }).waitFor();
    await shotFromTop('family-wish-new');
    await app.fillWishForm('陪妈妈去医院复查', '周三上午妈妈要去社区医院复查，我在外地，想请志愿者陪同');
    await form.locator('.wish-new__actions .btn').click();
    // WeChat's subscription prompt (the H5 stand-in) comes first when the templates are known.
    const filed = shown(page).locator('.wish-mine .wish-card', { hasText: '陪妈妈去医院复查' });
    const dialog = page.locator('.consent-dialog');
    await dialog.or(filed).first().waitFor();
    if (await dialog.isVisible()) await app.answerConsent('接收进度通知？', true);
    await filed.waitFor();
    await shotFromTop('family-filed');
  });

  // She sees it as her own wish.
  await withScreenshot(page, 'care-family-her-wish', async () => {
    await visit('王秀英', '/pages/wish-mine/index');
    await shown(page).locator('.wish-card', { hasText: '陪妈妈去医院复查' }).waitFor();
    await shotFromTop('care-family-her-wish');
  });

  // The new pages in the other mode too: 李明 in care mode, 王秀英 out of it.
  await careMode(li, true);
  await careMode(personas.wang, false);
  // Through 我的, whose user.me tells the app the mode (我的家庭 itself does not ask who the caller is).
  await visit('李明', '/pages/me/index');
  await page.locator('.page.care').first().waitFor();
  await shown(page).locator('.cell', { hasText: '我的家庭' }).click();
  await family().locator('.family-card', { hasText: '已绑定' }).waitFor();
  await shotFromTop('care-family-helper');
  await family().locator('.btn', { hasText: '为TA发心愿' }).click();
  await shown(page).locator('.proxy-fields__switch-title').waitFor();
  await shotFromTop('care-family-wish-new');
  await visit('王秀英', '/package-family/home/index');
  await family().locator('.family-card', { hasText: '已绑定' }).waitFor();
  await shotFromTop('family-parent');
});

test('staff see the 代办 switch on the wish form and pick a resident from the roster', async () => {
  await visit('孙丽', '/pages/wish-new/index?proxy=1');
  await shown(page).locator('.proxy-fields__search').waitFor();
  await shotFromTop('family-staff-wish-proxy');
  await careMode('demo-staff-sun', true);
  await app.open('/pages/petition-new/index?proxy=1');
  await shown(page).locator('.proxy-fields__search').waitFor();
  await shotFromTop('care-family-staff-petition-proxy');
});

test('王秀英 makes a family code on 我的家庭; a newcomer joins with it and lands in her home', async () => {
  const family = () => shown(page).locator('.family');
  await careMode(personas.wang, false);
  let code = '';
  await withScreenshot(page, 'family-invite', async () => {
    await visit('王秀英', '/package-family/home/index');
    await family().locator('.invite__actions .btn', { hasText: '生成邀请码' }).click();
    const shownCode = family().locator('.invite-code__code').first();
    await shownCode.waitFor();
    code = ((await shownCode.textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await family().locator('.invite-code__line', { hasText: '前有效 · 已用 0/6 人' }).waitFor();
    await family().locator('.invite-member__name', { hasText: '王秀英（我）' }).waitFor();
    await shotFromTop('family-invite');
  });

  await withScreenshot(page, 'family-join-code', async () => {
    await app.open('/pages/wall/index');
    const prompt = shown(page).locator('.persona-prompt');
    const chip = shown(page).locator('.persona-chip');
    await prompt.or(chip).first().waitFor();
    if (!(await prompt.isVisible())) await chip.click();
    await shown(page).locator('.persona-list__visitor').click();
    await app.open('/pages/join/index');
    const join = shown(page).locator('.join');
    await join.locator('.join-family__code').waitFor();
    await shotFromTop('family-join-empty');
    // The same in 关怀模式 (kept on the phone per caller: a newcomer has no record to keep it on).
    await page.evaluate(() => {
      const raw = window.localStorage.getItem('linli.demoPersona') ?? '';
      const openid = /"openid":"([^"]+)"/.exec(raw)?.[1] ?? raw.replace(/"/g, '');
      const kept = JSON.stringify({ data: { choice: true, byDefault: false } });
      window.localStorage.setItem(`linli.careMode.${openid}`, kept);
    });
    await app.open('/pages/join/index');
    await page.locator('.page.care').first().waitFor();
    await join.locator('.join-family__code input').fill(code.toLowerCase());
    await join.locator('.join-family__hint').waitFor();
    await shotFromTop('care-family-join-code');
    await page.evaluate(() => {
      for (const key of Object.keys(window.localStorage)) if (key.startsWith('linli.careMode.')) window.localStorage.removeItem(key);
    });
    await app.open('/pages/join/index');
    await join.locator('.join-family__code input').fill(code.toLowerCase());
    // With a code, no building or room is asked.
    await join.locator('.join-family__hint').waitFor();
    expect(await join.locator('.join-form__room').count()).toBe(0);
    await join.locator('.join-family__name input').fill('王小军');
    await join.locator('.join-family__phone input').fill('13700006666');
    await join.locator('.join-form__agree').click();
    await shotFromTop('family-join-code');
    await join.locator('.join-form .btn', { hasText: '用邀请码加入' }).click();
    await join.locator('.join-done__title', { hasText: '你已加入社区' }).waitFor();
  });

  // She sees him in her home, invited by her; and the code's use counted.
  // In care mode (her default at 80), through 我的 → 我的家庭, where the app learns it.
  await careMode(personas.wang, true);
  await visit('王秀英', '/pages/me/index');
  await shown(page).locator('.cell', { hasText: '我的家庭' }).click();
  await family().locator('.invite-member', { hasText: '王小军' }).locator('.invite-member__line', { hasText: '王秀英 邀请' }).waitFor();
  await family().locator('.invite-code__line', { hasText: '已用 1/6 人' }).waitFor();
  // The page on top, not the first in the DOM: 我的, in care mode too, stays under it hidden.
  await shown(page).locator('.page.care').first().waitFor();
  await shotFromTop('care-family-invite');
});
