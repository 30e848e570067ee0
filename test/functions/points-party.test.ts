import { ok, useEmulator } from './call';
import { admin, chen, sun, wang, zhang } from './personas';
import { expectCovered, pointsKit, rid } from './points-helpers';

const env = useEmulator();
const { call } = env;
const { balanceOf, expectReconciled } = pointsKit(env);
const huang = 'demo-member-huang';
const ma = 'demo-member-ma';
const yang = 'demo-member-yang';
const DAY = 24 * 60 * 60 * 1000;

const evidence = { text: '社区活动签到表、居民反馈', photos: [] };
let serial = 0;
const entry = (openid: string, itemId: string, extra: Record<string, unknown> = {}, requestId = rid('party', ++serial)) =>
  call(sun, 'points.partyEntry', { openid, itemId, reason: '按月录入', evidence, ...extra }, requestId);

/** Beijing month of the emulator's "now". */
async function thisMonth(): Promise<string> {
  const { now } = await env.emu.clock();
  return new Date(new Date(now).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 7);
}

/** A month's entries: 张建国 70, 陈静 65, 马丽华 60, 黄志刚 55, 杨帆 −10. */
async function enterMonth() {
  for (const member of [zhang, chen, huang, ma]) ok(await entry(member, 'party-base'));
  ok(await entry(zhang, 'party-brave'));
  ok(await entry(chen, 'party-volunteer'));
  ok(await entry(huang, 'party-absent'));
  return ok(await entry(yang, 'party-conduct', { points: 10, reason: '多次无故缺席' }));
}

const table = (ranking: any) => ranking.members.map((m: any) => [m.rank, m.name, m.points, m.star]);

describe('党员积分 "1+1−1" entries', () => {
  it('records base, bonus and deduction as party postings, and keeps the evidence for review', async () => {
    const { fileID } = await env.emu.upload(sun, Buffer.from('photo of the rescue'), 'brave');
    expect(ok(await entry(zhang, 'party-base'))).toMatchObject({ points: 60, replayed: false, belowZero: false, month: await thisMonth() });
    const brave = { points: 30, reason: '河边救起落水儿童', evidence: { text: '派出所证明', photos: [fileID] } };
    expect(ok(await entry(zhang, 'party-brave', brave))).toMatchObject({ points: 30 });
    expect(ok(await entry(zhang, 'party-absent'))).toMatchObject({ points: -5, belowZero: false });
    expect(await balanceOf(zhang, 'party')).toBe(85);
    const history = ok(await call(zhang, 'points.history', { asset: 'party' })).items;
    expect(history.map((h: any) => [h.amount, h.reason])).toEqual([
      [-5, '无故缺席组织生活：按月录入'],
      [30, '见义勇为：河边救起落水儿童'],
      [60, '月度基础分：按月录入'],
    ]);
    const entries = ok(await call(sun, 'points.partyEntries')).items;
    expect(entries.map((e: any) => [e.memberName, e.kind, e.points, e.byName])).toEqual([
      ['张建国', 'deduction', -5, '孙丽'],
      ['张建国', 'bonus', 30, '孙丽'],
      ['张建国', 'base', 60, '孙丽'],
    ]);
    expect(entries[1].evidence).toEqual({ text: '派出所证明', photos: [{ fileID, url: expect.stringMatching(/^http/) }] });
    await expectCovered(env.emu);
  });

  it('evidence photos must be the entering staff’s own uploads: another person’s is refused and nothing is posted', async () => {
    const { fileID } = await env.emu.upload(zhang, Buffer.from('a photo of 张建国'), 'selfie');
    const brave = { points: 30, reason: '河边救起落水儿童', evidence: { text: '照片', photos: [fileID] } };
    expect(await entry(zhang, 'party-brave', brave)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await balanceOf(zhang, 'party')).toBe(0);
  });

  it('a deduction is recorded in full even when the member has fewer points: the balance goes below zero, as an override', async () => {
    ok(await entry(yang, 'party-volunteer'));
    expect(ok(await entry(yang, 'party-conduct'))).toMatchObject({ points: -10, belowZero: true });
    expect(await balanceOf(yang, 'party')).toBe(-5);
    await expectReconciled();
  });

  it('posts once per submission, and checks who, which item and how much', async () => {
    const first = ok(await entry(chen, 'party-base', {}, 'party-once-0001'));
    expect(ok(await entry(chen, 'party-base', {}, 'party-once-0001')).postingId).toBe(first.postingId);
    expect(await balanceOf(chen, 'party')).toBe(60);
    expect(await entry(wang, 'party-base')).toMatchObject({ ok: false, code: 'MEMBER_NOT_FOUND' });
    expect(await entry(chen, 'virtue-brave')).toMatchObject({ ok: false, code: 'POINT_ITEM_NOT_FOUND' });
    expect(await entry(chen, 'party-brave', { points: 51 })).toMatchObject({ ok: false, code: 'POINTS_INVALID', message: '「见义勇为」最多 50 分' });
    expect(await entry(chen, 'party-base', { evidence: { text: '' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await call(sun, 'points.partyEntry', { openid: chen, itemId: 'party-base', reason: '按月录入', evidence })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
  });

  it('party points move only through entries: points.award and points.deduct refuse them, so nobody else tops the ranking', async () => {
    ok(await entry(zhang, 'party-base'));
    const adjust = (action: string, asset: string) =>
      call(sun, action, { openid: admin, asset, amount: 100_000, reason: '测试发放' }, rid(`adjust-${asset}`, ++serial));
    for (const action of ['points.award', 'points.deduct'])
      for (const asset of ['party', 'shop'])
        expect(await adjust(action, asset)).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [expect.objectContaining({ path: 'asset' })] });
    expect(await balanceOf(admin, 'party')).toBe(0);
    expect(table(ok(await call(wang, 'points.ranking')))).toEqual([[1, '张建国', 60, false]]);
  });

  it('lists the items staff pick from', async () => {
    const items = ok(await call(sun, 'points.partyItems')).items;
    expect(new Set(items.map((i: any) => i.kind))).toEqual(new Set(['base', 'bonus', 'deduction']));
    expect(items.find((i: any) => i.id === 'party-brave')).toMatchObject({ name: '见义勇为', points: 10, maxPoints: 50 });
  });
});

describe('monthly ranking and close', () => {
  it('ranks the open month live for anyone registered, without stars yet', async () => {
    await enterMonth();
    const ranking = ok(await call(wang, 'points.ranking'));
    expect(ranking).toMatchObject({ month: await thisMonth(), closed: false, closedAt: null });
    expect(table(ranking)).toEqual([
      [1, '张建国', 70, false],
      [2, '陈静', 65, false],
      [3, '马丽华', 60, false],
      [4, '黄志刚', 55, false],
      [5, '杨帆', -10, false],
    ]);
    expect(
      ok(await call(zhang, 'points.ranking'))
        .members.filter((m: any) => m.me)
        .map((m: any) => m.name),
    ).toEqual(['张建国']);
    await expectCovered(env.emu);
  });

  it('refuses to close a month that is not over', async () => {
    expect(await call(sun, 'points.closeMonth', { month: await thisMonth() }, 'close-open-01')).toMatchObject({
      ok: false,
      code: 'PARTY_MONTH_OPEN',
    });
  });

  it('closing freezes the ranking and names the top three 明星党员; closing again, even at once, returns the same', async () => {
    await enterMonth();
    const month = await thisMonth();
    await env.emu.clock({ advanceMs: 32 * DAY });
    const closes = await Promise.all([1, 2, 3, 4, 5].map((n) => call(sun, 'points.closeMonth', { month }, rid('close', n))));
    const results = closes.map(ok);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify({ ...r, replayed: null })))).toHaveProperty('size', 1);
    expect(
      table(results[0])
        .filter((row: any[]) => row[3])
        .map((row: any[]) => row[1]),
    ).toEqual(['张建国', '陈静', '马丽华']);

    // A correction after the close lands in the open month; the closed one reads from its snapshot.
    const bonus = ok(await call(zhang, 'points.history', { asset: 'party' })).items.find((h: any) => h.amount === 10);
    ok(await call(sun, 'points.reverse', { postingId: bonus.id, reason: '录入有误' }, 'reverse-bonus-1'));
    const closed = ok(await call(wang, 'points.ranking', { month }));
    expect(closed).toMatchObject({ closed: true, closedAt: results[0].closedAt });
    expect(table(closed)).toEqual(table(results[0]));
    expect(table(ok(await call(wang, 'points.ranking')))).toEqual([[1, '张建国', -10, false]]);
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('an empty month closes with an empty ranking', async () => {
    const month = await thisMonth();
    await env.emu.clock({ advanceMs: 32 * DAY });
    expect(ok(await call(sun, 'points.closeMonth', { month }, 'close-empty-1'))).toMatchObject({ closed: true, members: [], replayed: false });
  });
});
