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
      // 消息: her wish went on the wall (the notice she never allowed WeChat to send is here).
      ['/pages/messages/index', '.messages__item', 'care-messages'],
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

/** Care mode switched on for a member of staff or a merchant, as 我的 does it (user.setPrefs). */
async function careFor(openid: string) {
  const reply = await session.emu.invoke<{ ok: boolean }>(
    'user',
    { action: 'user.setPrefs', payload: { careMode: true }, requestId: `care-${openid}` },
    openid,
  );
  expect(reply.ok).toBe(true);
}

/** Each page of a role's work, opened as that person in care mode: readable, with big enough targets, no sideways scroll. */
async function checkWorkPages(name: string, pages: [string, string, string][]) {
  // The persona as the demo picker stores it (switching through the chip again and again is not what is tested).
  await app.open('/pages/me/index');
  await page.evaluate(async (n) => {
    const all = (await (await fetch('/__emulator/personas')).json()) as { name: string }[];
    window.localStorage.setItem('linli.demoPersona', JSON.stringify(all.find((p) => p.name === n)));
  }, name);
  await app.open('/pages/me/index');
  await shown(page).locator('.page.care').waitFor();
  for (const [route, ready, shot] of pages) {
    await checkPage(route, ready, shot);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ page: shot, overflow }).toEqual({ page: shot, overflow: 0 });
  }
}

test('staff and merchants in care mode: their queues, reviews, 冲正, 岗位, the admin pages and the till read large', async () => {
  await app.postedWish('帮忙换一下楼道灯泡', { approve: false });
  // A case 刘芳 took and reported up, waiting in the community's queue; a newcomer's application waiting for her.
  const petitions = petitionDriver(page, session.emu);
  const petitionId = await petitions.filed();
  expect(await petitions.invoke('petition.accept', { petitionId }, personas.liu)).toMatchObject({ ok: true });
  expect(await petitions.invoke('petition.escalate', { petitionId, reason: '需要社区协调施工队' }, personas.liu)).toMatchObject({ ok: true });
  const applicant = {
    buildingId: 'building-2',
    unit: '1',
    room: '501',
    name: '赵新来',
    phone: '13900005501',
    privacyVersion: '2026-12-01',
    apply: true,
  };
  await session.emu.invoke('user', { action: 'user.join', payload: applicant, requestId: 'care-join' }, 'o-care-newcomer');
  const report = { category: '离退休', partyOrg: '青石机械厂退休党支部', skills: ['修水电'], freeTimes: '工作日上午' };
  await session.emu.invoke('report', { action: 'member.report', payload: report, requestId: 'care-report' }, personas.wang);
  for (const who of [personas.sun, personas.liu, 'demo-admin-wu', 'demo-merchant-zhou']) await careFor(who);

  await withScreenshot(page, 'care-staff', async () => {
    await checkWorkPages('刘芳', [
      ['/package-grid/queue/index', '.wish-card', 'care-grid-queue'],
      ['/package-grid/joins/index', '.joins taro-button-core', 'care-grid-joins'],
    ]);
    await checkWorkPages('孙丽', [
      ['/package-petition/queue/index', '.petition-card', 'care-petition-queue'],
      ['/package-staff/hub/index', '.staff-hub', 'care-staff-hub'],
      ['/package-staff/history/index', '.staff-history', 'care-staff-history'],
      ['/package-report/review/index', '.report-review', 'care-report-review'],
      ['/package-posts/manage/index', '.posts-manage', 'care-posts-manage'],
    ]);
    // 冲正: 孙丽 looks up 王秀英 and sees her postings, each with its 冲正 button.
    await session.emu.invoke(
      'points',
      {
        action: 'points.award',
        payload: { openid: personas.wang, asset: 'volunteer', amount: 20, reason: '楼道清扫志愿服务' },
        requestId: 'care-award',
      },
      personas.sun,
    );
    await app.open('/package-staff/history/index');
    await shown(page).locator('.person-field').click();
    await page.locator('.person-search__input input').fill('王');
    await page.locator('.person-option[data-person="王秀英"]').first().click();
    await shown(page).locator('.staff-posting taro-button-core').first().waitFor();
    await app.shot('care-staff-reverse');
    const reverse = await measure(page);
    expect({ small: reverse.small, low: reverse.low }).toEqual({ small: [], low: [] });

    await checkWorkPages('吴磊', [
      ['/package-admin/tree/index', '.org-tree', 'care-admin-tree'],
      ['/package-admin/roles/index', '.roles', 'care-admin-roles'],
    ]);
    await checkWorkPages('周海', [
      ['/package-merchant/scan/index', '.scan', 'care-merchant-scan'],
      ['/package-merchant/history/index', '.merchant-history', 'care-merchant-history'],
    ]);
  });
});
