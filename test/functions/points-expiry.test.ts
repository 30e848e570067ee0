import { ok, useEmulator } from './call';
import { admin, sun, wang, zhang } from './personas';
import { expectCovered, pointsKit } from './points-helpers';

const env = useEmulator();
const { call } = env;
const { award, expectReconciled } = pointsKit(env);
const DAY = 24 * 60 * 60 * 1000;

const volunteer = async (openid: string) => ok(await call(openid, 'points.balance')).balances.find((b: any) => b.asset === 'volunteer');
const deduct = (amount: number, requestId: string) =>
  call(sun, 'points.deduct', { openid: zhang, asset: 'volunteer', amount, reason: '兑换物品' }, requestId);
const expire = async () => {
  const [firing] = (await env.emu.fireTrigger('points', 'expire')) as any[];
  expect(firing).toMatchObject({ ok: true });
  return firing.result as { lots: number; points: number; failed: number };
};

describe('积分有效期 rules', () => {
  it('no kind of points lapses until the admin says so; staff may read the rules', async () => {
    expect(ok(await call(sun, 'points.rules'))).toEqual({ expiryDays: { volunteer: null, party: null, virtue: null, shop: null }, updatedAt: null });
    const set = ok(await call(admin, 'points.setRules', { expiryDays: { volunteer: 365 } }, 'rules-set-0001'));
    expect(set.expiryDays).toEqual({ volunteer: 365, party: null, virtue: null, shop: null });
    ok(await call(admin, 'points.setRules', { expiryDays: { virtue: 730 } }, 'rules-set-0002'));
    expect(ok(await call(sun, 'points.rules')).expiryDays).toEqual({ volunteer: 365, party: null, virtue: 730, shop: null });
    ok(await call(admin, 'points.setRules', { expiryDays: { volunteer: null } }, 'rules-set-0003'));
    expect(ok(await call(sun, 'points.rules')).expiryDays.volunteer).toBeNull();
    expect(await call(admin, 'points.setRules', { expiryDays: { volunteer: 0 } }, 'rules-set-0004')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});

describe('expiry by the daily timer (emulator clock)', () => {
  it('spends the soonest-lapsing points first, then returns what lapsed to the community, once', async () => {
    // Noon in Beijing, so the steps below cross the 00:10 timer only where the test means them to.
    await env.emu.clock({ set: '2026-03-02T04:00:00.000Z' });
    ok(await call(admin, 'points.setRules', { expiryDays: { volunteer: 30 } }, 'rules-exp-0001'));
    await award(zhang, 10);
    await env.emu.clock({ advanceMs: 10 * DAY });
    await award(zhang, 20);
    ok(await deduct(5, 'spend-early-01'));

    await env.emu.clock({ advanceMs: 20 * DAY - 60_000 });
    expect(await volunteer(zhang)).toMatchObject({ balance: 25, spendable: 25 });
    const { fired } = await env.emu.clock({ advanceMs: 2 * 60_000 });
    expect(fired?.filter((f) => f.trigger === 'expire')).toEqual([]);
    expect(await volunteer(zhang)).toMatchObject({ balance: 25, spendable: 20 });
    expect(await deduct(21, 'spend-late-001')).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(await expire()).toEqual({ lots: 1, points: 5, failed: 0 });
    expect(await expire()).toEqual({ lots: 0, points: 0, failed: 0 });
    expect(await volunteer(zhang)).toMatchObject({ balance: 20, spendable: 20, lifetime: 30 });
    expect(ok(await call(zhang, 'points.history')).items[0]).toMatchObject({ amount: -5, reason: '积分过期', byName: '系统' });

    const later = await env.emu.clock({ advanceMs: 10 * DAY });
    expect(later.fired?.some((f) => f.function === 'points' && f.trigger === 'expire')).toBe(true);
    expect(await volunteer(zhang)).toMatchObject({ balance: 0, spendable: 0 });
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('kinds without a rule never lapse', async () => {
    ok(await call(admin, 'points.setRules', { expiryDays: { volunteer: 1 } }, 'rules-exp-0002'));
    await award(wang, 8, 'virtue');
    await award(wang, 9);
    await env.emu.clock({ advanceMs: 3 * DAY });
    await expire();
    const balances = ok(await call(wang, 'points.balance')).balances;
    expect(balances.filter((b: any) => b.balance > 0).map((b: any) => [b.asset, b.balance])).toEqual([['virtue', 8]]);
  });
});
