import { newWish, ok, useEmulator } from './call';
import { chen, liu, sun, wang, zhang } from './personas';

const env = useEmulator();
const { call } = env;

const HOUR = 60 * 60 * 1000;
const volunteer = async (openid: string) => ok(await call(openid, 'points.balance')).balances.find((b: any) => b.asset === 'volunteer').balance;

/** A wish by `resident`, approved with `points`, served by `member` for `hours`, up to done. */
async function served(opts: { resident?: string; member?: string; points?: number; categoryId?: string; hours?: number } = {}) {
  const { resident = wang, member = zhang, points = 10, categoryId = 'repair', hours = 1 } = opts;
  const id = ok(await call(resident, 'wish.create', { ...newWish, categoryId })).wish.id;
  ok(await call(resident === wang ? liu : sun, 'wish.approve', { wishId: id, points }));
  ok(await call(member, 'wish.claim', { wishId: id }));
  ok(await call(member, 'wish.checkIn', { wishId: id }));
  await env.emu.clock({ advanceMs: hours * HOUR });
  ok(await call(member, 'wish.complete', { wishId: id, proof: '已完成服务，居民满意' }));
  return id;
}

describe('volunteer points for a confirmed wish', () => {
  it('pays the offer plus the 5-star bonus once, however often the confirmation is retried', async () => {
    const id = await served({ points: 10 });
    const confirm = () => call(wang, 'wish.confirm', { wishId: id, rating: 5, comment: '很好' }, 'confirm-award-01');
    const first = ok(await confirm());
    expect(first.wish.award).toEqual({
      status: 'posted',
      amount: 12,
      note: null,
      breakdown: '完成服务 10 分，五星好评 +2 分，共 12 分（报价 10 分）',
    });
    // The confirmation is its own record (its history line carries the requestId): a retry is answered with the
    // wish, the same as the first reply; another submission is refused by the wish's state.
    expect(ok(await confirm())).toEqual(first);
    expect(await call(wang, 'wish.confirm', { wishId: id, rating: 4, comment: '再评一次' }, 'confirm-award-02')).toMatchObject({ ok: false });
    await env.emu.fireTrigger('wish');
    expect(await volunteer(zhang)).toBe(12);
    const history = ok(await call(zhang, 'points.history')).items;
    expect(history).toEqual([expect.objectContaining({ amount: 12, reason: '微心愿「帮忙换灯泡」', ref: id })]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('tells the member before claiming how an hourly wish is counted, and after confirming why it paid less than offered', async () => {
    const id = ok(await call(wang, 'wish.create', { ...newWish, categoryId: 'elderly' })).wish.id;
    expect(ok(await call(wang, 'wish.get', { wishId: id })).wish.offer).toBeNull();
    ok(await call(liu, 'wish.approve', { wishId: id, points: 15 }));
    const offer = {
      mode: 'hourly',
      points: 15,
      perHour: 10,
      bonus: 2,
      text: '按服务时长计：每小时 10 分（按半小时折算），最多 15 分；五星好评另加 2 分；每人每天最多 60 分',
    };
    expect(ok(await call(zhang, 'wish.listWall', {})).items.find((w: any) => w.id === id).offer).toEqual(offer);
    expect(ok(await call(zhang, 'wish.get', { wishId: id })).wish.offer).toEqual(offer);
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    ok(await call(zhang, 'wish.checkIn', { wishId: id }));
    await env.emu.clock({ advanceMs: HOUR / 2 });
    ok(await call(zhang, 'wish.complete', { wishId: id, proof: '陪老人聊天半小时' }));
    ok(await call(wang, 'wish.confirm', { wishId: id, rating: 5 }));
    const breakdown = '服务 0.5 小时 × 每小时 10 分 = 5 分，五星好评 +2 分，共 7 分（报价 15 分）';
    for (const viewer of [zhang, wang]) {
      expect(ok(await call(viewer, 'wish.get', { wishId: id })).wish.award).toEqual({ status: 'posted', amount: 7, note: null, breakdown });
    }
    expect(await volunteer(zhang)).toBe(7);
  });

  it('pays the offer without bonus when the sweep confirms after 7 days', async () => {
    const id = await served({ points: 8 });
    await env.emu.clock({ advanceMs: 7 * 24 * HOUR + 60_000 });
    await env.emu.fireTrigger('wish');
    expect(ok(await call(wang, 'wish.get', { wishId: id })).wish.award).toMatchObject({ status: 'posted', amount: 8 });
    expect(await volunteer(zhang)).toBe(8);
  });

  it('counts hours for hourly categories and holds a large award for staff, who may lower it', async () => {
    const short = await served({ categoryId: 'elderly', points: 30, hours: 1 });
    expect(ok(await call(wang, 'wish.confirm', { wishId: short, rating: 4 })).wish.award).toMatchObject({ status: 'posted', amount: 10 });
    const id = await served({ categoryId: 'elderly', points: 30, hours: 4 });
    const confirmed = ok(await call(wang, 'wish.confirm', { wishId: id, rating: 5 })).wish;
    expect(confirmed.award).toMatchObject({ status: 'review', amount: 32 });
    expect(await volunteer(zhang)).toBe(10);
    const pending = ok(await call(sun, 'points.pendingAwards')).items;
    expect(pending).toEqual([expect.objectContaining({ wishId: id, memberName: '张建国', residentName: '王秀英', amount: 32 })]);
    expect(ok(await call(sun, 'points.approveAward', { wishId: id, approve: true, amount: 25, note: '按实际陪诊时长' }, 'approve-award-1'))).toEqual({
      status: 'posted',
      amount: 25,
    });
    expect(await volunteer(zhang)).toBe(35);
    expect(ok(await call(sun, 'points.pendingAwards')).items).toEqual([]);
    expect(ok(await call(sun, 'points.approveAward', { wishId: id, approve: false }, 'approve-award-2'))).toEqual({ status: 'posted', amount: 25 });
  });

  it('turning a held award down pays nothing and says so', async () => {
    const id = await served({ categoryId: 'elderly', points: 30, hours: 5 });
    expect(ok(await call(wang, 'wish.confirm', { wishId: id, rating: 5 })).wish.award).toMatchObject({ status: 'review', amount: 32 });
    expect(ok(await call(sun, 'points.approveAward', { wishId: id, approve: false, note: '时长不实' }, 'reject-award-1'))).toEqual({
      status: 'rejected',
      amount: 0,
    });
    expect(ok(await call(zhang, 'wish.get', { wishId: id })).wish.award).toMatchObject({ status: 'rejected', note: '时长不实' });
    expect(await volunteer(zhang)).toBe(0);
  });

  it('caps a member at 60 points a day and flags a resident–member pair that recurs', async () => {
    // Each service takes an hour of the clock: start in the morning (China time) so the three stay in one day.
    await env.emu.clock({ set: '2026-03-02T01:00:00.000Z' });
    for (const _ of [1, 2]) ok(await call(wang, 'wish.confirm', { wishId: await served({ points: 20 }), rating: 5 }));
    const third = await served({ points: 20 });
    expect(ok(await call(wang, 'wish.confirm', { wishId: third, rating: 5 })).wish.award).toMatchObject({
      status: 'posted',
      amount: 16,
      breakdown: '完成服务 20 分，五星好评 +2 分，共 22 分（报价 20 分）；已达每日上限 60 分，本次 16 分',
    });
    expect(await volunteer(zhang)).toBe(60);
    await env.emu.clock({ advanceMs: 24 * HOUR });
    const fourth = await served({ points: 10 });
    const flagged = ok(await call(wang, 'wish.confirm', { wishId: fourth, rating: 5 })).wish.award;
    expect(flagged.status).toBe('review');
    expect(flagged.note).toContain('同一居民与党员');
    const other = await served({ resident: 'demo-resident-li', member: chen, points: 10 });
    expect(ok(await call('demo-resident-li', 'wish.confirm', { wishId: other, rating: 5 })).wish.award).toMatchObject({
      status: 'posted',
      amount: 12,
    });
  });
});
