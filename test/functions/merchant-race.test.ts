import { ok, RACING, useEmulator, clearOfMidnight } from './call';
import { merchantKit } from './merchant-helpers';
import { admin, chen, fang, li, merchant, sun, wang, zhang } from './personas';
import { expectCovered, pointsKit, rid } from './points-helpers';

const env = useEmulator(RACING);
// Their charges are counted by the shop's China-time day: no test may start just before it turns.
beforeEach(() => clearOfMidnight(env.emu));
const { call } = env;
const { giveVirtue, codeOf, charge, virtueOf, takenBy } = merchantKit(env);
const { expectReconciled } = pointsKit(env);

describe('races through real calls', () => {
  it('two merchants racing the same code: exactly one charge wins, the other is told the code is used', async () => {
    await giveVirtue(wang, 200);
    for (let round = 0; round < 3; round++) {
      const token = await codeOf(wang);
      const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => charge(i % 2 ? fang : merchant, token, 10, '', rid(`race-${round}`, i))));
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
      expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(5).fill('POINTS_CODE_USED'));
    }
    expect(await virtueOf(wang)).toBe(170);
    expect((await takenBy(merchant)) + (await takenBy(fang))).toBe(30);
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('two codes spent at once beyond the balance: the ledger lets one through and refuses the other whole', async () => {
    await giveVirtue(li, 50);
    const [a, b] = [await codeOf(li), await codeOf(li)];
    const replies = await Promise.all([charge(merchant, a, 40, '', 'spend-a-0001'), charge(fang, b, 40, '', 'spend-b-0001')]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    expect(await virtueOf(li)).toBe(10);
    const taken = [ok(await call(merchant, 'merchant.history')).today.points, ok(await call(fang, 'merchant.history')).today.points];
    expect(taken.sort()).toEqual([0, 40]);
    await expectReconciled();
  });
});

describe('a suspension racing charges', () => {
  it('lands whole: once it has answered, the shop and what charges read agree, and no charge passes', async () => {
    for (const who of [wang, li, zhang]) await giveVirtue(who, 100);
    // 方记 has never charged: its first charges move its day onto its desk while the suspension lands.
    for (const [round, shopId, owner] of [
      [0, 'shop-fangji', fang],
      [1, 'shop-zhouji', merchant],
    ] as const) {
      ok(await charge(owner === fang ? merchant : fang, await codeOf(wang), 1));
      const tokens = await Promise.all([wang, li, zhang, wang, li, zhang].map((who) => codeOf(who)));
      const suspension = call(sun, 'merchant.suspend', { shopId, reason: '抽查不合格' }, rid('race-suspend', round));
      const replies = await Promise.all(tokens.map((token, i) => charge(owner, token, 2, '', rid(`race-susp-${round}`, i))));
      expect(ok(await suspension).shop.status).toBe('suspended');
      expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(replies.filter((r) => !r.ok).map(() => 'MERCHANT_SUSPENDED'));
      expect(await charge(owner, await codeOf(li), 2)).toMatchObject({ ok: false, code: 'MERCHANT_SUSPENDED' });
      expect(await call(owner, 'merchant.history')).toMatchObject({ ok: false, code: 'MERCHANT_SUSPENDED' });
      ok(await call(sun, 'merchant.suspend', { shopId, suspend: false, reason: '已整改' }, rid('race-resume', round)));
      expect(ok(await charge(owner, await codeOf(li), 2)).charge.status).toBe('posted');
    }
    await expectReconciled();
  });
});

describe('daily caps (configurable)', () => {
  it('refuse what would pass the resident’s or the shop’s day, take nothing, and leave the code usable', async () => {
    expect(ok(await call(admin, 'merchant.setRules', { residentDaily: 60, shopDaily: 100 }, 'rules-0001'))).toEqual({
      perCharge: 50,
      shopDaily: 100,
      residentDaily: 60,
    });
    await giveVirtue(wang, 200);
    await giveVirtue(li, 200);
    ok(await charge(merchant, await codeOf(wang), 40));
    const token = await codeOf(wang);
    expect(ok(await call(merchant, 'merchant.scan', { token })).dailyLeft).toBe(20);
    expect(await charge(merchant, token, 30)).toMatchObject({ ok: false, code: 'MERCHANT_CAP_RESIDENT', message: '该居民今日还可使用 20 分' });
    ok(await charge(merchant, token, 20));
    ok(await charge(merchant, await codeOf(li), 40));
    expect(await charge(merchant, await codeOf(li), 30)).toMatchObject({ ok: false, code: 'MERCHANT_CAP_SHOP' });
    expect(ok(await charge(fang, await codeOf(li), 20)).charge.status).toBe('posted');
    expect([await virtueOf(wang), await virtueOf(li)]).toEqual([140, 140]);
  });

  it('a refund gives the day’s allowance back; the next day starts afresh', async () => {
    ok(await call(admin, 'merchant.setRules', { residentDaily: 60 }, 'rules-0002'));
    await giveVirtue(wang, 200);
    const first = ok(await charge(merchant, await codeOf(wang), 50)).charge;
    expect(await charge(merchant, await codeOf(wang), 20)).toMatchObject({ ok: false, code: 'MERCHANT_CAP_RESIDENT' });
    ok(await call(merchant, 'merchant.refund', { chargeId: first.id, reason: '顾客退货' }, 'refund-cap-01'));
    ok(await charge(merchant, await codeOf(wang), 20));
    await env.emu.clock({ advanceMs: 24 * 60 * 60 * 1000 });
    ok(await charge(merchant, await codeOf(wang), 50));
  });
});

describe('a crash half-way', () => {
  it('kill -9 during a burst of charges: the sweep finishes every charge, and charges, tallies and points agree', async () => {
    const residents = [wang, li, zhang, chen];
    for (const who of residents) await giveVirtue(who, 100);
    const tokens = (await Promise.all(residents.flatMap((who) => [1, 2, 3, 4, 5].map(() => codeOf(who))))).flat();
    const calls = tokens.map((token, i) => charge(i % 2 ? fang : merchant, token, 10, '', rid('crash', i)));
    // Killed as soon as the first charge answers: the others are somewhere between taking the code and paying.
    await Promise.race(calls);
    await env.emu.kill('SIGKILL');
    await Promise.allSettled(calls);
    await env.emu.restart();
    // Both sweeps: the merchant's (every minute: charges, desks) and the ledger's (every ten: residents' reserved points).
    const { fired } = await env.emu.clock({ advanceMs: 11 * 60 * 1000 });
    expect(fired?.some((f) => f.function === 'merchant')).toBe(true);
    expect(fired?.some((f) => f.function === 'points')).toBe(true);
    const charges = [
      ...ok(await call(merchant, 'merchant.history', { limit: 50 })).items,
      ...ok(await call(fang, 'merchant.history', { limit: 50 })).items,
    ];
    expect(charges.filter((c: any) => c.status === 'reserved')).toEqual([]);
    const posted = charges.filter((c: any) => c.status === 'posted').length;
    const spent = 400 - (await Promise.all(residents.map(virtueOf))).reduce((a, b) => a + b, 0);
    expect(spent).toBe(posted * 10);
    expect((await takenBy(merchant)) + (await takenBy(fang))).toBe(posted * 10);
    const today = [ok(await call(merchant, 'merchant.history')).today.points, ok(await call(fang, 'merchant.history')).today.points];
    expect(today[0] + today[1]).toBe(posted * 10);
    await expectReconciled();
  });
});
