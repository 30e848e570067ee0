// The petition ladder in a real browser, each role by its demo persona: a resident reports a broken
// accessibility ramp, the grid worker blows the whistle (吹哨), community staff accept and resolve it, the grid
// worker verifies it on site (现场验证), the resident rates 满意; a neighbour backs an open case (我也遇到) instead of filing it twice; a case nobody
// takes climbs by itself. Needs `npm run build` and chromium. Every new page is kept in test-results/.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { databaseOf } from '../functions/ledger-fixture';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(180_000);

const { wang, liu, sun, zhang } = personas;
/** A one-pixel PNG: the site photo the grid worker takes. */
const sitePhoto = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');
const HOUR = 3600 * 1000;

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
let petitions: ReturnType<typeof petitionDriver>;
beforeEach(() => {
  ({ emu, page, app } = session);
  petitions = petitionDriver(page, emu);
});

test('a resident reports a broken ramp, the grid escalates, the community resolves it, the grid verifies it, the resident rates 满意', async () => {
  const { ladder, currentRung, status, bar, step } = petitions;
  await app.open('/pages/me/index');

  const id = await withScreenshot(page, 'petition-1-report', async () => {
    await app.actAs('王秀英');
    await shown(page).getByText('反映问题', { exact: true }).click();
    const form = shown(page).locator('.petition-new');
    await form.locator('.choice-chips--category [data-value="accessibility"]').click();
    await form.locator('.petition-new__textarea textarea').fill('无障碍坡道坏了：2号楼门口的坡道塌了一块，轮椅推不上去');
    // 王秀英's own building comes picked; the spot within it is optional.
    await form.locator('.choice-chips--building .choice-chips__chip.is-on', { hasText: '2号楼' }).waitFor();
    await form.locator('.petition-new__detail input').fill('1单元门口');
    await app.shot('petition-new');
    await petitions.submitButton().click();
    await app.answerConsent('接收诉求进度通知？', true);
    await currentRung().and(page.locator('[data-level="grid"]')).waitFor();
    expect(await status().textContent()).toBe('待受理');
    expect(await ladder().locator('.ladder__holder').textContent()).toContain('第一网格');
    expect(await ladder().locator('.ladder__promise').textContent()).toMatch(/还剩 6天23小时|还剩 7天/);
    await app.shot('petition-detail-submitted');
    return new URL(page.url().replace('#', '')).searchParams.get('id')!;
  });

  await withScreenshot(page, 'petition-2-grid-escalates', async () => {
    await app.actAs('刘芳');
    await app.open('/pages/me/index');
    await shown(page).getByText('诉求待办', { exact: true }).click();
    await shown(page).locator('.p-queue__title', { hasText: '网格待办 · 第一网格' }).waitFor();
    await app.shot('petition-queue-grid');
    await petitions.openCard('无障碍坡道坏了');
    // The grid's handler sees the reporter's contacts, and exactly the grid's steps.
    expect(await shown(page).locator('.p-body').textContent()).toContain('13800001001');
    const buttons = await bar().locator('.btn').allTextContents();
    expect(buttons).toEqual(['受理', '吹哨上报', '不予受理']);
    await app.shot('petition-handle-grid');
    await step('吹哨上报', { fill: '坡道需要整体重新浇筑，网格处理不了', confirm: '确认吹哨上报' });
    await currentRung().and(page.locator('[data-level="community"]')).waitFor();
    await shown(page).locator('.handle__elsewhere', { hasText: '梧桐社区' }).waitFor();
    expect(await bar().count()).toBe(0);
  });

  await withScreenshot(page, 'petition-3-community-resolves', async () => {
    await app.actAs('孙丽');
    await app.open('/pages/me/index');
    await shown(page).getByText('诉求待办', { exact: true }).click();
    await petitions.openCard('无障碍坡道坏了');
    await step('受理');
    await status().filter({ hasText: '办理中' }).waitFor();
    expect(await ladder().locator('.ladder__holder').textContent()).toContain('承办人 孙丽');
    await bar().locator('.btn', { hasText: '办结反馈' }).click();
    await shown(page).locator('.resolve__feedback textarea').fill('已联系施工队重新浇筑坡道并加装扶手，轮椅可以通行');
    await app.shot('petition-handle-resolve-sheet');
    await shown(page).locator('.sheet .btn', { hasText: '提交办理结果' }).click();
    await status().filter({ hasText: '待验证' }).waitFor();
    expect(await shown(page).locator('.p-result').textContent()).toContain('重新浇筑坡道');
    // Her part is done: the case waits for the grid's site check (or the resident's answer), not for her.
    await shown(page).locator('.handle__elsewhere', { hasText: '等待网格员现场验证' }).waitFor();
    expect(await bar().count()).toBe(0);
    await app.shot('petition-handle-verifying');
  });

  await withScreenshot(page, 'petition-3b-grid-verifies', async () => {
    await app.actAs('刘芳');
    await app.open('/package-petition/queue/index?level=verify');
    await shown(page).locator('.p-queue__title', { hasText: '待验证' }).waitFor();
    await app.shot('petition-queue-verify');
    await petitions.openCard('无障碍坡道坏了');
    await shown(page).locator('.handle__elsewhere', { hasText: '请到现场查看' }).waitFor();
    await step('现场验证');
    const sheet = shown(page).locator('.sheet');
    await sheet.locator('.choice-chips--result [data-value="resolved"]').click();
    await sheet.locator('.verify__note textarea').fill('到现场看过，坡道已重新浇筑，轮椅试过能推上去');
    const chooser = page.waitForEvent('filechooser');
    await sheet.locator('.photo-picker__add').click();
    await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: sitePhoto });
    await sheet.locator('.photo-picker__item').waitFor();
    await sheet.locator('.photo-picker__state').first().waitFor({ state: 'detached' });
    await app.shot('petition-verify-sheet');
    await sheet.locator('.btn', { hasText: '提交验证结果' }).click();
    await status().filter({ hasText: '待评价' }).waitFor();
    expect(await shown(page).locator('.p-result').textContent()).toContain('现场验证已解决');
    await app.shot('petition-handle-verified');
  });

  await withScreenshot(page, 'petition-4-resident-rates', async () => {
    await app.actAs('王秀英');
    await app.open('/pages/petition-mine/index');
    await shown(page).locator('.petition-card', { hasText: '无障碍坡道坏了' }).locator('.petition-status', { hasText: '待评价' }).waitFor();
    await app.shot('petition-mine');
    await petitions.openCard('无障碍坡道坏了');
    await step('评价办理结果');
    await shown(page).locator('.choice-chips--rating [data-value="satisfied"]').click();
    await app.shot('petition-rate-sheet');
    await shown(page).locator('.sheet .btn', { hasText: '提交评价' }).click();
    await status().filter({ hasText: '已办结' }).waitFor();
    expect(await shown(page).locator('.p-result__rating').textContent()).toBe('满意');
    expect(await ladder().locator('.ladder__promise').textContent()).toContain('已于');
    expect(await petitions.events()).toEqual(['rate', 'verify', 'resolve', 'accept', 'escalate', 'create']);
    await app.shot('petition-detail-closed');
  });

  const final = await petitions.invoke('petition.get', { petitionId: id }, sun);
  expect(final).toMatchObject({ ok: true, data: { petition: { status: 'closed', level: 'community', rating: { value: 'satisfied' } } } });
  // 王秀英 accepted progress notices once: she heard of the first step after filing (the 吹哨), not of her own rating.
  const toWang = (await emu.outbox()).filter((m) => m.touser === wang);
  expect(toWang).toHaveLength(1);
  expect(JSON.stringify(toWang[0])).toContain('已上报');
  // Her yes on the filing tap went with the case (petition.create `accepted`), not to notify.subscribe: spent by the 吹哨.
  const db = databaseOf(emu);
  expect((await db.collection('petitions').doc(id).get()).data.progressConsent).toEqual({ reporter: 0, filer: null });
  expect(
    (
      await db
        .collection('subscriptions')
        .where({ _id: `${wang}:petition-progress` })
        .get()
    ).data,
  ).toEqual([]);
  expect((await emu.outbox()).filter((m) => m.touser === liu).length).toBeGreaterThan(0);
});

test('an empty report names every problem and asks no consent; once fixed the errors go and it is filed', async () => {
  await app.open('/pages/petition-new/index');
  await withScreenshot(page, 'petition-bad-input', async () => {
    await app.actAs('王秀英');
    const form = shown(page).locator('.petition-new');
    const submit = petitions.submitButton();
    await submit.click();
    const banner = shown(page).locator('.form-error-banner');
    await banner.waitFor();
    expect(await banner.locator('.form-error-banner__item').count()).toBe(2);
    expect(await form.locator('.form-field.has-error .form-field__error').allTextContents()).toEqual(['请选择问题类别', '问题描述至少 5 个字']);
    // Nothing was sent: no consent question, and no similar cases step.
    expect(await page.locator('.consent-dialog').count()).toBe(0);
    await app.shot('petition-new-empty-submit');

    await form.locator('.choice-chips--category [data-value="accessibility"]').click();
    await form.locator('.petition-new__textarea textarea').fill('楼下的无障碍坡道裂了');
    await form.locator('.form-field__count', { hasText: '10/500' }).waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(await form.locator('.form-field.has-error').count()).toBe(0);
    await app.shot('petition-new-fixed');

    await submit.click();
    await app.answerConsent('接收诉求进度通知？', false);
    await petitions.currentRung().waitFor();
  });
});

test('a neighbour reporting the same problem is shown the open case and backs it (我也遇到) instead of filing twice', async () => {
  const id = await petitions.filed();
  await app.open('/pages/petition-new/index');
  await withScreenshot(page, 'petition-similar', async () => {
    await app.actAs('张建国');
    const form = shown(page).locator('.petition-new');
    await form.locator('.choice-chips--category [data-value="accessibility"]').click();
    await form.locator('.petition-new__textarea textarea').fill('2号楼那边的无障碍坡道塌了，推婴儿车也过不去');
    await petitions.submitButton().click();
    const similar = shown(page).locator('.similar');
    await similar.locator('.similar__title', { hasText: '附近已有 1 条同类问题' }).waitFor();
    // The neighbour sees the case, but not who reported it.
    expect(await similar.locator('.petition-card').textContent()).toContain('无障碍坡道坏了');
    await app.shot('petition-new-similar');
    await similar.locator('.petition-card .btn', { hasText: '我也遇到' }).click();
    await app.answerConsent('接收诉求进度通知？', true);
    await shown(page).locator('.p-body', { hasText: '1 位邻居附议（含你）' }).waitFor();
    expect(await petitions.bar().count()).toBe(0);
    await app.shot('petition-detail-cosigned');
  });
  const got = await petitions.invoke('petition.get', { petitionId: id }, wang);
  expect(got).toMatchObject({ ok: true, data: { petition: { cosignCount: 1 } } });
  // Nothing new was filed: the only case in the grid is 王秀英's.
  const mine = await emu.invoke<{ data: { items: unknown[] } }>('petition', { action: 'petition.listMine', payload: {} }, zhang);
  expect(mine.data.items).toEqual([]);
});

test('a case nobody takes climbs by itself: the timeline shows 自动升级 and the countdown runs on the server clock', async () => {
  const id = await petitions.filed();
  await emu.clock({ advanceMs: 24 * HOUR + 60_000 });
  await emu.fireTrigger('petition');
  await app.open(`/pages/petition-detail/index?id=${id}`);
  await withScreenshot(page, 'petition-auto-escalated', async () => {
    await app.actAs('王秀英');
    const { currentRung, ladder } = petitions;
    await currentRung().and(page.locator('[data-level="community"]')).waitFor();
    expect(await currentRung().locator('.ladder__auto').textContent()).toBe('自动升级');
    const latest = shown(page).locator('.timeline__item.is-latest');
    expect(await latest.getAttribute('data-event')).toBe('escalate');
    expect(await latest.locator('.timeline__badge').textContent()).toBe('自动升级');
    expect(await latest.textContent()).toContain('超时自动上报 → 社区');
    expect(await latest.textContent()).not.toContain('吹哨');
    expect(await latest.textContent()).toContain('网格超时未受理，自动上报');
    // A day of the week promised for feedback has gone by on the server, whatever the phone's clock says.
    expect(await ladder().locator('.ladder__promise').textContent()).toContain('还剩 5天23小时');
    await app.shot('petition-detail-auto-escalated');
  });
  await withScreenshot(page, 'petition-auto-queue', async () => {
    await app.actAs('孙丽');
    await app.open('/package-petition/queue/index');
    await shown(page).locator('.petition-card', { hasText: '无障碍坡道坏了' }).waitFor();
    await app.shot('petition-queue-community');
  });
});
