import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { file, HOUR, sent } from './petition-fixtures';
import { gao, liu, song, sun, wang, zheng } from './personas';

const env = useEmulator();
const { call } = env;

const get = async (id: string, who = wang) => ok(await call(who, 'petition.get', { petitionId: id })).petition;
const cardLines = (timeline: any[]) => timeline.filter((s) => s.event === 'card').map((s) => [s.level, s.note, s.automatic]);
/** Who was told of a card (the assigned-work notices whose note names it), in the order sent. */
const toldOf = async (label: string) =>
  (await sent(env.emu, 'petition-assigned')).filter((m) => m.data.thing4.value.startsWith(label)).map((m) => m.touser);
/** Who got an in-app message of a card (a timer's notices are written to `messages` in its transaction). */
const messagedOf = async (label: string): Promise<string[]> => {
  const res = await databaseOf(env.emu).collection('messages').limit(100).get();
  return res.data.filter((m: any) => m.title.includes(label)).map((m: any) => m.recipient);
};
const tick = async (ms: number) => {
  await env.emu.clock({ advanceMs: ms });
  await env.emu.fireTrigger('petition');
};

/** 督办员s (the role the 督办员 work adds): 青石街道's, the district's (no street), and another street's. */
/**
 * The admin's 督办 limits for 青石街道 (petition_settings `ladder.cardLimits`), past the minute a warm instance keeps
 * them — and past what an earlier test of the file left in it with its clock run ahead (a reset puts the clock back,
 * the instances stay warm): each call moves the clock a month further than the one before.
 */
let settingsMoves = 0;
async function cardLimits(limits: Record<string, unknown>): Promise<void> {
  const settings = databaseOf(env.emu).collection('petition_settings');
  const { _id, ...kept } = (await settings.doc('street-qingshi').get()).data ?? { _id: null };
  await settings.doc('street-qingshi').set({ data: { ...kept, ladder: { ...(kept.ladder ?? {}), cardLimits: limits } } });
  settingsMoves += 1;
  await env.emu.clock({ advanceMs: settingsMoves * 30 * 24 * HOUR });
}

async function supervisors(): Promise<void> {
  const users = databaseOf(env.emu).collection('users');
  const person = (name: string, streetId: string, supervisorScope: 'street' | 'district' = 'street') => ({
    name,
    phone: '13900000000',
    roles: ['supervisor'],
    streetId,
    supervisorScope,
  });
  await users.doc('sup-street').set({ data: person('街道督办员', 'street-qingshi') });
  // The district's 督办员 keeps the street they live in: their scope, not their street, makes them the district's.
  await users.doc('sup-district').set({ data: person('区督办员', 'street-other', 'district') });
  await users.doc('sup-elsewhere').set({ data: person('别的街道督办员', 'street-other') });
}

describe('督办 cards by the clock', () => {
  it('marks a drifting case yellow at half its time and red at three quarters, once each, telling the right people', async () => {
    await env.emu.clock({ set: '2026-03-02T01:00:00.000Z' });
    await supervisors();
    const id = await file(call);
    // The grid has 24 h to take it: yellow at 12 h, red at 18 h.
    await tick(11 * HOUR);
    expect((await get(id)).card).toBeNull();

    await env.emu.clock({ advanceMs: HOUR + 60_000 });
    // Two runs of the timer at once (a retry overlapping the next run): one card.
    await Promise.all([env.emu.fireTrigger('petition'), env.emu.fireTrigger('petition')]);
    await env.emu.fireTrigger('petition');
    const yellow = await get(id);
    expect(yellow.card).toMatchObject({ color: 'yellow', reason: 'accept', note: '黄牌督办：网格受理用时超过黄牌时限' });
    expect((await get(id, liu)).card).toMatchObject({ color: 'yellow' });
    expect(cardLines(yellow.timeline)).toEqual([['grid', '黄牌督办：网格受理用时超过黄牌时限', true]]);
    // Yellow: the grid's workers who hold it, and the community above; no 督办员 yet.
    expect(new Set(await toldOf('黄牌督办'))).toEqual(new Set([liu, sun]));
    expect(await toldOf('黄牌督办')).toHaveLength(2);

    await tick(6 * HOUR);
    await env.emu.fireTrigger('petition');
    const red = await get(id);
    expect(red.card).toMatchObject({ color: 'red', reason: 'accept', note: '红牌督办：网格受理用时超过红牌时限' });
    expect(cardLines(red.timeline).map(([, note]) => note)).toEqual(['黄牌督办：网格受理用时超过黄牌时限', '红牌督办：网格受理用时超过红牌时限']);
    // Red: the level above and the 督办员s of the street and the district (not another street's), and whoever holds it
    // (the seed's 宋嘉 of 青石街道 and 郑和平 of the district among them).
    expect(new Set(await toldOf('红牌督办'))).toEqual(new Set([liu, sun]));
    const redTold = await messagedOf('红牌督办');
    expect(new Set(redTold)).toEqual(new Set([liu, sun, gao, song, zheng, 'sup-street', 'sup-district']));
    expect(redTold).toHaveLength(7);
    expect(new Set(await messagedOf('黄牌督办'))).toEqual(new Set([liu, sun, gao]));

    // Red stays red: nothing more in this step, however often the timer runs.
    await tick(5 * HOUR);
    expect(cardLines((await get(id)).timeline)).toHaveLength(2);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('every move clears the card and starts a fresh clock', async () => {
    await env.emu.clock({ set: '2026-03-02T01:00:00.000Z' });
    const id = await file(call);
    await tick(12 * HOUR + 60_000);
    expect((await get(id)).card).toMatchObject({ color: 'yellow' });
    expect(ok(await call(liu, 'petition.accept', { petitionId: id })).petition.card).toBeNull();
    // The grid has 72 h to settle it from now: yellow at 36 h.
    await tick(35 * HOUR);
    expect((await get(id)).card).toBeNull();
    await tick(HOUR + 60_000);
    expect((await get(id)).card).toMatchObject({ color: 'yellow', reason: 'resolve', note: '黄牌督办：网格办理用时超过黄牌时限' });
  });

  it('gives an open case filed before the clock (no cardAt) its time on the next run, and its card when due', async () => {
    await env.emu.clock({ set: '2026-03-02T01:00:00.000Z' });
    const old = await file(call);
    const closed = await file(call, wang, { description: '2号楼门口的坡道扶手松了，老人扶着很危险' });
    // As the case was stored before the 督办 clock came: no card, no rank, no cardAt — and a closed one likewise.
    const petitions = databaseOf(env.emu).collection('petitions');
    const _ = databaseOf(env.emu).command;
    const before = { card: _.remove(), cardRank: _.remove(), cardAt: _.remove() };
    await petitions.doc(old).update({ data: before });
    await petitions.doc(closed).update({ data: { ...before, status: 'closed' } });
    // The grid has 24 h to take it: yellow at 12 h.
    await tick(HOUR);
    const clocked = (await petitions.doc(old).get()).data;
    expect(new Date(clocked.cardAt).getTime() - new Date(clocked.createdAt).getTime()).toBe(12 * HOUR);
    // A closed case is left as it is (no clock runs there).
    expect((await petitions.doc(closed).get()).data).not.toHaveProperty('cardAt');
    await tick(11 * HOUR + 60_000);
    expect((await get(old)).card).toMatchObject({ color: 'yellow', reason: 'accept' });
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('runs on the limits the admin set for the category and level', async () => {
    await cardLimits({ accessibility: { grid: { accept: { yellow: 1, red: 2 } } } });
    const id = await file(call);
    await tick(HOUR + 60_000);
    expect((await get(id)).card).toMatchObject({ color: 'yellow' });
    await tick(HOUR);
    expect((await get(id)).card).toMatchObject({ color: 'red' });
    // Another category keeps the default shares: nothing yet two hours in.
    const other = await file(call, wang, { categoryId: 'streetlight', description: '2号楼前的路灯不亮了，晚上很黑' });
    await tick(2 * HOUR);
    expect((await get(other)).card).toBeNull();
  });
});

describe('督办优先: the queue by card', () => {
  it('lists red, then yellow, then the rest, each by deadline — one indexed page, the card on each row', async () => {
    // Street lights at the grid turn yellow an hour after they are taken (the admin's limit), to sort apart from the deadlines.
    await cardLimits({ streetlight: { grid: { resolve: { yellow: 1 } } } });
    const light = await file(call, wang, { categoryId: 'streetlight', description: '2号楼前的路灯不亮了，晚上很黑' });
    ok(await call(liu, 'petition.accept', { petitionId: light }));
    await tick(HOUR);
    const first = await file(call);
    await tick(HOUR);
    const second = await file(call, wang, { description: '2号楼门口的坡道扶手松了，老人扶着很危险' });
    await tick(10 * HOUR);
    const fresh = await file(call, wang, { description: '2号楼门口的坡道边上有块砖翘起来了，容易绊倒' });
    // 18.5 h after the first: it is red (18 h), the second yellow (12 h), the fresh one has none; the light is yellow.
    await tick(7.5 * HOUR);
    const queue = async (sort?: string) => ok(await call(liu, 'petition.listQueue', { level: 'grid', ...(sort ? { sort } : {}) })).items;
    const byDue = await queue();
    expect(byDue.map((p: any) => p.id)).toEqual([first, second, fresh, light]);
    const byCard = await queue('card');
    expect(byCard.map((p: any) => [p.id, p.card?.color ?? null])).toEqual([
      [first, 'red'],
      [second, 'yellow'],
      [light, 'yellow'],
      [fresh, null],
    ]);
    const [read] = (await env.emu.meter(5)).filter((r) => r.action === 'petition.listQueue').slice(-1);
    expect(read.dbRequests).toBeLessThanOrEqual(3);
    expect(read.uncovered).toEqual([]);
  });
});

describe('三次催办 mark the case yellow', () => {
  it('the third urge issues a yellow card when the step holds none; the clock then only turns it red', async () => {
    // A day apart: a new China day for each urge. (The clock is not set back here: a warm instance would keep the
    // settings it read at a later time.)
    // The grid's time to settle runs 72 h; its yellow limit is set past the three days of urging.
    await cardLimits({ '*': { grid: { resolve: { yellow: 60, red: 66 } } } });
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    ok(await call(wang, 'petition.urge', { petitionId: id }));
    await env.emu.clock({ advanceMs: 24 * HOUR });
    expect(ok(await call(wang, 'petition.urge', { petitionId: id }, 'urge-second')).petition.card).toBeNull();
    await env.emu.clock({ advanceMs: 24 * HOUR });
    const before = (await toldOf('黄牌督办')).length;
    const third = ok(await call(wang, 'petition.urge', { petitionId: id }, 'urge-third')).petition;
    expect(third).toMatchObject({ urgeCount: 3, card: { color: 'yellow', reason: 'urge', note: '黄牌督办：居民已催办 3 次' } });
    // The card costs the urge only whom to tell (the grid's workers, the community's staff: warm instances keep both).
    const urgeCosts = (await env.emu.meter(20)).filter((r) => r.action === 'petition.urge' && r.parentId === null).map((r) => r.dbRequests);
    expect(urgeCosts.at(-1)! - urgeCosts.at(-2)!).toBeLessThanOrEqual(2);
    // A retry of the tap answers the same and issues nothing more.
    expect(ok(await call(wang, 'petition.urge', { petitionId: id }, 'urge-third')).petition.card).toMatchObject({ reason: 'urge' });
    const detail = await get(id);
    expect(detail.timeline.slice(-2).map((s: any) => [s.event, s.note])).toEqual([
      ['urge', '第 3 次催办'],
      ['card', '黄牌督办：居民已催办 3 次'],
    ]);
    expect((await toldOf('黄牌督办')).slice(before).sort()).toEqual([liu, sun].sort());

    // Past the yellow limit (60 h) the step holds yellow already: nothing; red at 66 h.
    await tick(13 * HOUR);
    expect(cardLines((await get(id)).timeline)).toHaveLength(1);
    await tick(5 * HOUR);
    expect((await get(id)).card).toMatchObject({ color: 'red', reason: 'resolve' });
  });
});
