// 待验证 in the browser (issue 15): a resolved case waits for the resident's answer. 王秀英 (care mode by default)
// answers on three large buttons — 已解决, then 满意 closes it in that one more tap; 李明 (normal mode) answers
// 部分解决 and the case goes back to the level that resolved it. Screens at 375×812 in test-results/.
// Needs `npm run build:h5` and chromium.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(180_000);

const li = 'demo-resident-li';
const zhao = 'demo-grid-zhao';
const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
let petitions: ReturnType<typeof petitionDriver>;
beforeEach(async () => {
  ({ emu, page, app } = session);
  petitions = petitionDriver(page, emu);
  await page.setViewportSize({ width: 375, height: 812 });
});

/** A case the grid passed to the community, resolved there by 孙丽: it waits to be verified. */
async function resolvedByCommunity(id: string, gridWorker: string): Promise<void> {
  for (const [action, payload, who] of [
    ['petition.escalate', { reason: '需要社区协调施工' }, gridWorker],
    ['petition.accept', {}, personas.sun],
    ['petition.resolve', { feedback: '已联系施工队重新浇筑坡道，轮椅可以通行' }, personas.sun],
  ] as const) {
    const reply = await petitions.invoke(action, { petitionId: id, ...payload }, who);
    if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
  }
}

/** Text under 18 px and buttons under 48 px on the page on screen (care mode promises neither). */
async function tooSmall(p: Page) {
  return p.evaluate(() => {
    const card = Array.from(document.querySelectorAll('.confirm-card')).find((el) => el.getBoundingClientRect().height > 0);
    if (!card) throw new Error('no confirm card on screen');
    const texts = Array.from(card.querySelectorAll('*')).filter((el) =>
      Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()),
    );
    const small = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 18).map((el) => el.textContent!.trim());
    const low = Array.from(card.querySelectorAll('.btn'))
      .filter((el) => el.getBoundingClientRect().height < 48)
      .map((el) => el.textContent!.trim());
    return { small, low };
  });
}

test('an older resident answers 已解决 and 满意 on large buttons, and the case closes with both on the timeline', async () => {
  const id = await petitions.filed();
  await resolvedByCommunity(id, personas.liu);
  await app.open(`/pages/petition-detail/index?id=${id}`);
  await withScreenshot(page, 'care-petition-confirm', async () => {
    await app.actAs('王秀英');
    await shown(page).locator('.page.care').waitFor();
    const card = shown(page).locator('.confirm-card');
    await card.locator('.confirm-card__ask', { hasText: '您反映的问题解决了吗？' }).waitFor();
    expect(await petitions.status().textContent()).toBe('待验证');
    expect(await card.locator('.btn').allTextContents()).toEqual(['已解决', '部分解决', '未解决']);
    expect(await tooSmall(page)).toEqual({ small: [], low: [] });
    await app.shot('care-petition-confirm');
    await card.locator('.btn', { hasText: '已解决' }).click();
    await card.locator('.confirm-card__ask', { hasText: '满意吗' }).waitFor();
    expect(await tooSmall(page)).toEqual({ small: [], low: [] });
    await app.shot('care-petition-confirm-rate');
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/__emulator/invoke/')) calls.push(r.postDataJSON().action);
    });
    await card.locator('.btn', { hasText: /^满意$/ }).dblclick();
    await petitions.status().filter({ hasText: '已办结' }).waitFor();
    expect(calls).toEqual(['petition.confirm']);
    expect(await shown(page).locator('.confirm-card').count()).toBe(0);
    expect(await shown(page).locator('.p-result__rating').textContent()).toBe('满意');
    expect(await shown(page).locator('.p-result').textContent()).toContain('居民确认已解决');
    // Both lines the tap wrote are on the timeline at once (the reply carries them), newest first, without a reload.
    expect((await petitions.events()).slice(0, 2)).toEqual(['rate', 'verify']);
    expect(calls).toEqual(['petition.confirm']);
    await app.shot('care-petition-confirmed');
  });
  const got = await petitions.invoke('petition.get', { petitionId: id }, personas.wang);
  expect(got).toMatchObject({ ok: true, data: { petition: { status: 'closed', rating: { value: 'satisfied' } } } });
  if (got.ok) expect(got.data.petition.timeline!.slice(-2).map((s) => s.event)).toEqual(['verify', 'rate']);
});

test('部分解决 with a word on what is left sends the case back to the community that resolved it', async () => {
  const id = (await petitions.invoke('petition.create', { ...ramp5 }, li)) as { ok: true; data: { petition: { id: string } } };
  await resolvedByCommunity(id.data.petition.id, zhao);
  await app.open(`/pages/petition-detail/index?id=${id.data.petition.id}`);
  await withScreenshot(page, 'normal-petition-confirm', async () => {
    await app.actAs('李明');
    const card = shown(page).locator('.confirm-card');
    await card.waitFor();
    expect(await page.locator('.page.care').count()).toBe(0);
    await app.shot('normal-petition-confirm');
    await card.locator('.btn', { hasText: '部分解决' }).click();
    await card.locator('.confirm-card__ask', { hasText: '诉求将退回原办理单位重新办理' }).waitFor();
    await card.locator('.confirm-card__note textarea').fill('扶手还没有装');
    await app.shot('normal-petition-confirm-partial');
    await card.locator('.btn', { hasText: '退回重新办理' }).click();
    await petitions.status().filter({ hasText: '办理中' }).waitFor();
    expect(await shown(page).locator('.p-result').textContent()).toContain('部分解决');
    await app.shot('normal-petition-reopened');
  });
});

/** 李明's problem at 5号楼 (第二网格, 赵强's grid). */
const ramp5 = {
  categoryId: 'accessibility',
  description: '无障碍坡道坏了：5号楼门口的坡道塌了一块',
  location: { kind: 'building', buildingId: 'building-5', detail: '楼下' },
};
