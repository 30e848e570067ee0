import { ok, RACING, useEmulator } from './call';
import { li, sun, wang, zhang } from './personas';

const env = useEmulator(RACING);
const { call } = env;

const award = (openid: string, amount: number, requestId: string, asset = 'volunteer') =>
  call(sun, 'points.award', { openid, asset, amount, reason: '志愿服务' }, requestId);
const deduct = (openid: string, amount: number, requestId: string, asset = 'volunteer') =>
  call(sun, 'points.deduct', { openid, asset, amount, reason: '兑换物品' }, requestId);
const balanceOf = async (openid: string, asset = 'volunteer') =>
  ok(await call(openid, 'points.balance')).balances.find((b: any) => b.asset === asset).balance as number;
const reconcile = async () => ok(await call(sun, 'points.reconcile'));

/** Runs `n` calls with at most `width` in flight, like a crowd of clients. */
async function crowd<T>(n: number, width: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => one(i + j)))));
  return out;
}

describe('the ledger', () => {
  it('an award credits the person and shows in their history; balances start at zero', async () => {
    expect(await balanceOf(zhang)).toBe(0);
    const first = ok(await award(zhang, 30, 'award-zhang-0001'));
    expect(first).toMatchObject({ replayed: false, balance: 30 });
    const history = ok(await call(zhang, 'points.history'));
    expect(history.items).toEqual([
      expect.objectContaining({ asset: 'volunteer', amount: 30, reason: '志愿服务', byName: '孙丽', reversal: false, reversed: false }),
    ]);
    expect(ok(await call(zhang, 'points.balance')).virtueLevel).toEqual({ stars: 1, name: '一星' });
  });

  it('the same award replayed 1000 times posts once', async () => {
    const replies = await crowd(1000, 25, () => award(zhang, 5, 'award-replay-0001'));
    expect(replies.every((r) => r.ok || r.code === 'REQUEST_IN_PROGRESS')).toBe(true);
    expect(new Set(replies.filter((r) => r.ok).map((r) => r.data.postingId)).size).toBe(1);
    expect(await balanceOf(zhang)).toBe(5);
    expect(ok(await call(zhang, 'points.history')).items).toHaveLength(1);
    expect((await reconcile()).differences).toEqual([]);
  });

  it('200 concurrent spends against one balance never take it below zero, and it always equals its postings', async () => {
    ok(await award(wang, 100, 'award-wang-0100'));
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => deduct(wang, 1, `spend-${String(i).padStart(4, '0')}`)));
    const spent = replies.filter((r) => r.ok).length;
    const refused = replies.filter((r) => !r.ok);
    expect(refused.every((r) => r.code === 'POINTS_INSUFFICIENT' || r.code === 'POINTS_BUSY')).toBe(true);
    expect(spent).toBeLessThanOrEqual(100);
    expect(spent).toBeGreaterThan(0);
    const balance = await balanceOf(wang);
    expect(balance).toBe(100 - spent);
    expect(balance).toBeGreaterThanOrEqual(0);
    const report = await reconcile();
    expect(report.differences).toEqual([]);
    expect(report.postings).toBe(1 + spent);
    // One transaction per posting: the crowd commits one by one and the last may wait its full turn (15 s).
  }, 90_000);

  it('spending more than the balance is refused and changes nothing', async () => {
    ok(await award(li, 10, 'award-li-00010'));
    expect(await deduct(li, 11, 'spend-li-00011')).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT', message: '积分余额不足' });
    expect(await balanceOf(li)).toBe(10);
  });

  it('kinds of points are separate balances', async () => {
    ok(await award(li, 10, 'award-li-virtue', 'virtue'));
    expect(await deduct(li, 1, 'spend-li-volunteer')).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(await balanceOf(li, 'virtue')).toBe(10);
  });
});

describe('corrections by reversal', () => {
  it('reverses a posting once, refuses to reverse a reversal, and keeps both records', async () => {
    const { postingId } = ok(await award(zhang, 20, 'award-zhang-0020'));
    const reversal = ok(await call(sun, 'points.reverse', { postingId, reason: '录入错误' }, 'reverse-0001'));
    expect(reversal).toMatchObject({ postingId: `reversal:${postingId}`, replayed: false });
    expect(await balanceOf(zhang)).toBe(0);
    expect(ok(await call(sun, 'points.reverse', { postingId, reason: '再次冲正' }, 'reverse-0002'))).toMatchObject({ replayed: true });
    expect(await call(sun, 'points.reverse', { postingId: reversal.postingId, reason: '冲正的冲正' }, 'reverse-0003')).toMatchObject({
      ok: false,
      code: 'POINTS_REVERSAL_OF_REVERSAL',
    });
    const items = ok(await call(zhang, 'points.history')).items;
    expect(items.map((i: any) => [i.amount, i.reversal, i.reversed])).toEqual([
      [-20, true, false],
      [20, false, true],
    ]);
    expect((await reconcile()).differences).toEqual([]);
  });

  it('a reversal that would take a person below zero needs a recorded staff override', async () => {
    const { postingId } = ok(await award(zhang, 20, 'award-zhang-spent'));
    ok(await deduct(zhang, 15, 'spend-zhang-0015'));
    expect(await call(sun, 'points.reverse', { postingId, reason: '误发' }, 'reverse-short-1')).toMatchObject({
      ok: false,
      code: 'POINTS_INSUFFICIENT',
    });
    ok(await call(sun, 'points.reverse', { postingId, reason: '误发', override: '经社区会议同意追回' }, 'reverse-short-2'));
    expect(await balanceOf(zhang)).toBe(-15);
    expect((await reconcile()).differences).toEqual([]);
  });

  it('refuses unknown postings', async () => {
    expect(await call(sun, 'points.reverse', { postingId: 'nope', reason: '测试' }, 'reverse-none-1')).toMatchObject({
      ok: false,
      code: 'POINTS_NOT_FOUND',
    });
  });
});

describe('who may move points', () => {
  it('only staff award, and every award needs a requestId', async () => {
    expect(await call(zhang, 'points.award', { openid: zhang, asset: 'volunteer', amount: 5, reason: '自己给自己' }, 'self-award-01')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_ROLE',
    });
    expect(await call(sun, 'points.award', { openid: zhang, asset: 'volunteer', amount: 5, reason: '没有编号' })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    expect(await award('o-not-registered', 5, 'award-nobody-1')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('durability', () => {
  it('a kill -9 during a burst of postings, then restart: reconcile finds no difference', async () => {
    ok(await award(wang, 500, 'award-wang-0500'));
    const burst = Promise.allSettled(
      Array.from({ length: 120 }, (_, i) => (i % 3 ? deduct(wang, 1, `burst-spend-${i}`) : award(zhang, 2, `burst-award-${i}`))),
    );
    await new Promise((r) => setTimeout(r, 150));
    await env.emu.kill('SIGKILL');
    await burst;
    await env.emu.restart();
    const report = await reconcile();
    expect(report.differences).toEqual([]);
    expect(await balanceOf(wang)).toBeGreaterThanOrEqual(0);
    expect(await balanceOf(wang)).toBeLessThanOrEqual(500);
  });

  it('the daily timer reconciles every community and keeps the report', async () => {
    ok(await award(zhang, 7, 'award-zhang-0007'));
    const [firing] = (await env.emu.fireTrigger('points')) as any[];
    expect(firing).toMatchObject({ ok: true });
    expect(JSON.stringify(firing)).toContain('"differences":0');
  });
});
