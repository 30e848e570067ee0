// Issue 15's whole story in a real browser, each person on their own pages: 王秀英's broken ramp waits at her grid;
// it turns 黄牌督办 (on her page and at the top of 刘芳's 督办优先 queue) while she urges (催办, once a China day),
// then 红牌督办 (宋嘉 sees it red on her 督办台); the deadline moves it up to the community, where 孙丽 takes it and
// asks for more time (申请延期), the street (钱伟) approves, and the timer leaves it alone past the ladder's deadline;
// 孙丽 resolves it, 刘芳 verifies it on site with a photo, and 王秀英 rates it — 已办结. Only the clock and the timer
// are moved through the emulator; each step is checked on the page and in the data (petition.get).
// Screens at 375×812: test-results/story-*.png (王秀英's in care mode, the staff's in normal mode).
// Needs dist/h5 (`npm run build:h5`), dist/ functions and chromium.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(150_000);

const song = 'demo-supervisor-song';
const HOUR = 3_600_000;
const CST = 8 * HOUR;
/** A one-pixel PNG: the site photo the grid worker takes. */
const sitePhoto = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

interface Case {
  id: string;
  status: string;
  level: string;
  dueAt: string | null;
  extendedUntil: string | null;
  urgeCount: number;
  urge: 'open' | 'done' | null;
  card: { color: 'yellow' | 'red'; reason: string; note: string } | null;
  timeline: { event: string; automatic: boolean; note: string | null }[];
}

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let app: Session['app'];
let petitions: ReturnType<typeof petitionDriver>;
beforeEach(async () => {
  ({ emu, page, app } = session);
  petitions = petitionDriver(page, emu);
  await page.setViewportSize({ width: 375, height: 812 });
  // The people of the story hold phones set to China time: the pages say the hours the story's days are told in.
  await (await page.context().newCDPSession(page)).send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Shanghai' });
});

/** The case as stored, read by 孙丽 (community staff: every step of it, the extension request too). */
async function stored(id: string): Promise<Case> {
  const reply = await emu.invoke<{ ok: boolean; data: { petition: Case }; message?: string }>(
    'petition',
    { action: 'petition.get', payload: { petitionId: id } },
    personas.sun,
  );
  if (!reply.ok) throw new Error(`petition.get failed: ${reply.message}`);
  return reply.data.petition;
}
/** A call the app's screens have their own tests for, made as `openid` to set the scene. */
async function act(openid: string, action: string, payload: object): Promise<void> {
  const reply = await emu.invoke<{ ok: boolean; message?: string }>('petition', { action, payload }, openid);
  if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
}
const eventsOf = (p: Case) => p.timeline.map((s) => s.event);

/** Moves the emulator's clock to `at` (the timers that fell due run with it) and runs the petition timer once more. */
async function clockTo(at: number) {
  await emu.clock({ set: new Date(at).toISOString() });
  await emu.fireTrigger('petition');
}

/** The China day of an instant: `{ day: 7, month: 12 }`. */
function chinaDay(at: number): { day: number; month: number } {
  const d = new Date(at + CST);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1 };
}

/**
 * The story's first evening: the next 21:00 China time at least an hour ahead of the emulator's clock, such that the
 * community's deadline (about five days on) leaves three more days in its month for the extension to pick.
 */
async function evening(): Promise<number> {
  const now = Date.parse((await emu.clock()).now);
  const day = Math.floor((now + CST) / (24 * HOUR)) * 24 * HOUR - CST;
  let at = day + 21 * HOUR;
  if (at < now + HOUR) at += 24 * HOUR;
  while (chinaDay(at + 5 * 24 * HOUR).day > 27) at += 24 * HOUR;
  return at;
}

/**
 * Turns a column of the picker on screen (0: year, 1: month, 2: day) `lines` rows on, as a finger drags it: once the
 * picker has slid up into the screen (its rows are 34 px high).
 */
async function turnPicker(column: number, lines: number) {
  await page.waitForFunction(() => {
    const groups = Array.from(document.querySelectorAll('.weui-picker__group')).map((g) => g.getBoundingClientRect());
    return groups.some((r) => r.height > 0 && r.bottom <= window.innerHeight);
  });
  const box = (await page.locator('.weui-picker__group:visible').nth(column).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - lines * 34, { steps: 8 });
  await page.mouse.up();
}

/**
 * The room between the times under neighbouring rungs of the ladder on screen (px, from the glyphs' own boxes): a
 * date under one rung must not read on into the next one's.
 */
async function rungTimeGaps(): Promise<number[]> {
  return shown(page)
    .locator('.ladder')
    .evaluate((ladder) => {
      const extents = Array.from(ladder.querySelectorAll('.ladder__rung')).map((rung) => {
        const boxes: DOMRect[] = [];
        const walker = document.createTreeWalker(rung.querySelector('.ladder__when') ?? document.createElement('i'), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          boxes.push(...Array.from(range.getClientRects()));
        }
        return boxes.length ? { left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)) } : null;
      });
      const gaps: number[] = [];
      for (let i = 1; i < extents.length; i++) {
        const [a, b] = [extents[i - 1], extents[i]];
        if (a && b) gaps.push(Math.round(b.left - a.right));
      }
      return gaps;
    });
}

/** 王秀英's case page, fresh. */
async function wangOpens(id: string) {
  await app.open(`/pages/petition-detail/index?id=${id}`);
  await petitions.ladder().waitFor();
}

const urgeBar = () => shown(page).locator('.petition-bar');

test('a case turns yellow then red while the resident urges, gets an extension, is resolved, verified on site and closed', async () => {
  // Day 1, 21:00 China time: 王秀英 has filed her ramp (the filing form has its own test) at her grid.
  const t0 = await evening();
  await emu.clock({ set: new Date(t0).toISOString() });
  const id = await petitions.filed();
  await emu.clock({ set: new Date(t0 + HOUR / 2).toISOString() });

  await withScreenshot(page, 'story-1-urge', async () => {
    await app.open('/pages/me/index');
    await app.actAs('王秀英');
    await wangOpens(id);
    await shown(page).locator('.page.care').waitFor();
    expect(await petitions.status().textContent()).toBe('待受理');
    expect(await shown(page).locator('.p-body__card').count()).toBe(0);
    await urgeBar().locator('.btn', { hasText: '催办' }).click();
    await urgeBar().getByText('今天已催办（共 1 次）').waitFor();
    // Once a China day: no second button today.
    expect(await urgeBar().locator('.btn', { hasText: '催办' }).count()).toBe(0);
  });
  let p = await stored(id);
  expect(p).toMatchObject({ status: 'pending', level: 'grid', urgeCount: 1, card: null });
  expect(eventsOf(p)).toEqual(['create', 'urge']);

  // Day 2, 08:00: two more cases wait at the grid, filed since — one the 督办员 has carded red by hand.
  await emu.clock({ set: new Date(t0 + 11 * HOUR).toISOString() });
  const light = await petitions.filed({ categoryId: 'facilities', description: '2号楼楼道的灯坏了，晚上看不清台阶' });
  const bins = await petitions.filed({ categoryId: 'garbage', description: '2号楼门口的垃圾桶满了没人清运' });
  await act(song, 'petition.issueCard', { petitionId: bins, color: 'red', comment: '垃圾堆了两天，请立即清运' });

  // Day 2, 09:30: half of the grid's day to take it has gone — 黄牌督办.
  await clockTo(t0 + 12.5 * HOUR);
  p = await stored(id);
  expect(p).toMatchObject({ status: 'pending', level: 'grid', card: { color: 'yellow', reason: 'accept' } });
  expect(eventsOf(p)).toEqual(['create', 'urge', 'card']);

  await withScreenshot(page, 'story-2-yellow-resident', async () => {
    await wangOpens(id);
    const card = shown(page).locator('.p-body__card');
    await card.locator('.tag', { hasText: '黄牌督办' }).waitFor();
    expect(await card.getAttribute('data-card')).toBe('yellow');
    // A new China day: she may urge again.
    await urgeBar().locator('.btn', { hasText: '催办' }).click();
    await urgeBar().getByText('今天已催办（共 2 次）').waitFor();
    await app.shot('story-yellow-resident-care');
  });
  p = await stored(id);
  expect(p).toMatchObject({ urgeCount: 2, card: { color: 'yellow' } });
  expect(eventsOf(p)).toEqual(['create', 'urge', 'card', 'urge']);

  await withScreenshot(page, 'story-3-yellow-queue', async () => {
    await app.actAs('刘芳');
    await app.open('/package-petition/queue/index?level=grid');
    await shown(page).locator('.p-queue__title', { hasText: '网格待办 · 第一网格' }).waitFor();
    await shown(page).locator('.tabs__tab', { hasText: '督办优先' }).click();
    await shown(page).locator('.section-title', { hasText: '红牌、黄牌督办的在前' }).waitFor();
    const mine = shown(page).locator(`.petition-card[data-petition-id="${id}"]`);
    await mine.locator('.tag--card-yellow', { hasText: '黄牌督办' }).waitFor();
    // 督办优先: the red card, then her yellow one, then the case that holds none (按时限 puts hers, due first, on top).
    const order = () =>
      shown(page)
        .locator('.petition-card')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-petition-id')));
    // The list is loaded again for the order picked, and the list of the order before stays on screen until it is:
    // three cards do not say which list they are, but the case on top does (the two orders put different cases
    // first): wait (a while) for three cards led by it, then check the order.
    const listed = (first: string) =>
      page
        .waitForFunction((want) => {
          const cards = document.querySelectorAll('.taro_page:not([style*="display: none"]) .petition-card');
          return cards.length === 3 && cards[0].getAttribute('data-petition-id') === want;
        }, first)
        .catch(() => undefined);
    await listed(bins);
    expect(await order()).toEqual([bins, id, light]);
    await app.shot('story-yellow-queue');
    await shown(page).locator('.tabs__tab', { hasText: '按时限' }).click();
    await shown(page).locator('.section-title', { hasText: '按办理时限排序' }).waitFor();
    await listed(id);
    expect((await order())[0]).toBe(id);
  });

  // Day 2, 15:30: three quarters gone — 红牌督办; the street's 督办员 sees it red.
  await clockTo(t0 + 18.5 * HOUR);
  p = await stored(id);
  expect(p).toMatchObject({ status: 'pending', level: 'grid', card: { color: 'red', reason: 'accept' } });
  expect(eventsOf(p)).toEqual(['create', 'urge', 'card', 'urge', 'card']);

  await withScreenshot(page, 'story-4-red-supervisor', async () => {
    await app.actAs('宋嘉');
    await app.open('/package-petition/supervise/index');
    const mine = shown(page).locator(`.petition-card[data-petition-id="${id}"]`);
    await mine.locator('.tag--card-red', { hasText: '红牌督办' }).waitFor();
    await app.shot('story-red-supervise');
  });

  await withScreenshot(page, 'story-5-red-resident', async () => {
    await app.actAs('王秀英');
    await wangOpens(id);
    await shown(page).locator('.p-body__card[data-card="red"]').getByText('红牌督办').waitFor();
    // Urged already today (day 2): the button waits for tomorrow.
    await urgeBar().getByText('今天已催办（共 2 次）').waitFor();
    await app.shot('story-red-resident-care');
  });

  // Day 2, 21:30: nobody took it within the day — the timer moves it up to the community, with a fresh clock.
  await clockTo(t0 + 24.5 * HOUR);
  p = await stored(id);
  expect(p).toMatchObject({ status: 'pending', level: 'community', card: null });
  expect(p.timeline.at(-1)).toMatchObject({ event: 'escalate', automatic: true });

  // Day 3, 08:30: 孙丽 takes it and asks for more time; the ladder gives the community 72 hours from now.
  await clockTo(t0 + 35.5 * HOUR);
  await withScreenshot(page, 'story-6-ask-extension', async () => {
    await app.actAs('孙丽');
    await app.open(`/package-petition/handle/index?id=${id}`);
    await petitions.step('受理');
    await petitions.status().filter({ hasText: '办理中' }).waitFor();
    const card = shown(page).locator('[data-testid="extension-card"]');
    await card.locator('.btn', { hasText: '申请延期' }).click();
    const sheet = shown(page).locator('.sheet');
    // The picker opens on the day of the ladder's deadline; she turns it three days on (the weekend).
    await sheet.locator('[data-testid="extension-day"]').click();
    await turnPicker(2, 3);
    await app.shot('story-extension-picker');
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    const due = chinaDay(Date.parse((await stored(id)).dueAt!));
    await sheet.locator('.btn', { hasText: `申请延至 ${due.month}月${due.day + 3}日` }).waitFor();
    await sheet.locator('textarea').fill('坡道要整体重新浇筑，施工队排期在周末');
    await sheet.locator('.btn', { hasText: '申请延至' }).click();
    await card.locator('.extension__status', { hasText: '待审批' }).waitFor();
    await app.shot('story-extension-asked');
  });
  p = await stored(id);
  const ladderDue = Date.parse(p.dueAt!);
  expect(p).toMatchObject({ status: 'accepted', level: 'community', extendedUntil: null });
  expect(p.timeline.at(-1)).toMatchObject({ event: 'extendRequest' });

  await withScreenshot(page, 'story-7-approve-extension', async () => {
    await app.actAs('钱伟');
    await app.open(`/package-petition/handle/index?id=${id}`);
    await shown(page).getByText('社区申请了延期，请在下方审批。').waitFor();
    const card = shown(page).locator('[data-testid="extension-card"]');
    await card.locator('.btn', { hasText: '同意延期' }).click();
    await shown(page).locator('.sheet textarea').fill('同意，请按新期限办结');
    await app.shot('story-extension-approve');
    await shown(page).locator('.sheet .btn', { hasText: '确认同意' }).click();
    await card.locator('.extension__status', { hasText: '已同意' }).waitFor();
  });
  p = await stored(id);
  const until = Date.parse(p.extendedUntil!);
  expect(until).toBeGreaterThan(ladderDue);
  expect(p.dueAt).toBe(p.extendedUntil);
  expect(eventsOf(p).slice(-3)).toEqual(['accept', 'extendRequest', 'extend']);

  await withScreenshot(page, 'story-8-resident-sees-extension', async () => {
    await app.actAs('王秀英');
    await wangOpens(id);
    await shown(page)
      .locator('[data-testid="extended-until"]')
      .getByText(/已批准延期，办理期限延至/)
      .waitFor();
    await app.shot('story-extended-resident-care');
  });

  // Past the ladder's own deadline, before the new one: the timer does not move it up.
  await clockTo(ladderDue + HOUR / 2);
  expect(until).toBeGreaterThan(ladderDue + HOUR / 2);
  p = await stored(id);
  expect(p).toMatchObject({ status: 'accepted', level: 'community', dueAt: p.extendedUntil });
  expect(eventsOf(p).filter((e) => e === 'escalate')).toHaveLength(1);
  // Nor does the card clock: its limits moved with the deadline, and half the new time has not gone yet.
  expect(p.card).toBeNull();

  await withScreenshot(page, 'story-9-resolve', async () => {
    await app.actAs('孙丽');
    await app.open(`/package-petition/handle/index?id=${id}`);
    await petitions.status().filter({ hasText: '办理中' }).waitFor();
    await petitions.bar().locator('.btn', { hasText: '办结反馈' }).click();
    await shown(page).locator('.resolve__feedback textarea').fill('施工队已重新浇筑坡道并加装扶手，轮椅可以通行');
    await shown(page).locator('.sheet .btn', { hasText: '提交办理结果' }).click();
    await petitions.status().filter({ hasText: '待验证' }).waitFor();
  });
  expect(await stored(id)).toMatchObject({ status: 'verifying', level: 'community' });

  await withScreenshot(page, 'story-10-verify', async () => {
    await app.actAs('刘芳');
    await app.open('/package-petition/queue/index?level=verify');
    await shown(page).locator('.p-queue__title', { hasText: '待验证' }).waitFor();
    await shown(page).locator(`.petition-card[data-petition-id="${id}"]`).click();
    await petitions.ladder().waitFor();
    await petitions.step('现场验证');
    const sheet = shown(page).locator('.sheet');
    await sheet.locator('.choice-chips--result [data-value="resolved"]').click();
    await sheet.locator('.verify__note textarea').fill('到现场看过，坡道已重新浇筑，轮椅试过能推上去');
    const chooser = page.waitForEvent('filechooser');
    await sheet.locator('.photo-picker__add').click();
    await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: sitePhoto });
    await sheet.locator('.photo-picker__item').waitFor();
    await sheet.locator('.photo-picker__state').first().waitFor({ state: 'detached' });
    await app.shot('story-verify-sheet');
    await sheet.locator('.btn', { hasText: '提交验证结果' }).click();
    await petitions.status().filter({ hasText: '待评价' }).waitFor();
    expect(await shown(page).locator('.p-result').textContent()).toContain('现场验证已解决');
  });
  p = await stored(id);
  expect(p).toMatchObject({ status: 'resolved', level: 'community' });
  expect(p.timeline.at(-1)).toMatchObject({
    event: 'verify',
    automatic: false,
    note: '现场验证：已解决。到现场看过，坡道已重新浇筑，轮椅试过能推上去',
  });

  await withScreenshot(page, 'story-11-rate', async () => {
    await app.actAs('王秀英');
    await wangOpens(id);
    await petitions.step('评价办理结果');
    await shown(page).locator('.choice-chips--rating [data-value="satisfied"]').click();
    await shown(page).locator('.sheet .btn', { hasText: '提交评价' }).click();
    await petitions.status().filter({ hasText: '已办结' }).waitFor();
    expect(await shown(page).locator('.p-result__rating').textContent()).toBe('满意');
    // Two dates under neighbouring rungs (关怀模式's large text) keep apart: 12月5日 and 12月6日 do not read as one.
    expect((await rungTimeGaps()).filter((gap) => gap < 4)).toEqual([]);
    await app.shot('story-closed-resident-care');
  });
  p = await stored(id);
  expect(p).toMatchObject({ status: 'closed', level: 'community', card: null });
  expect(eventsOf(p)).toEqual([
    'create',
    'urge',
    'card',
    'urge',
    'card',
    'escalate',
    'accept',
    'extendRequest',
    'extend',
    'resolve',
    'verify',
    'rate',
  ]);
});
