import { dayCst } from '../../src/shared/domain/time';
import { clearOfMidnight, ok, RACING, useEmulator } from './call';
import { chargeDocs, merchantKit } from './merchant-helpers';
import { chen, li, members, merchant, sun, wang, zhang } from './personas';
import { lotsHeld, pointsKit, rid } from './points-helpers';

// A credit made without reading the balance pushes a lot, each charge paid to a shop pushes one onto its desk, and a
// resident's first charge of a day keys that day's spending: the ledger's ten-minute timer compacts a balance once it
// has grown by 32 such entries (cloudfunctions/points/compact.ts). These tests grow balances through real calls, let
// the timer compact them, and check that nothing a person or the books can see has moved.
const env = useEmulator({ env: RACING.env });
const { call } = env;
const { award, balanceOf, balanceDoc, expectLotsAgree, expectReconciled } = pointsKit(env);
const { charge, codeOf, giveVirtue, takenBy, virtueOf } = merchantKit(env);
const { residentDoc, deskDoc, desksMoved, expectNoMarks } = chargeDocs(env);
const DAY = 24 * 60 * 60 * 1000;

async function compact(): Promise<{ compacted: number; busy: number }> {
  const [firing] = (await env.emu.fireTrigger('points', 'reproof')) as any[];
  expect(firing).toMatchObject({ ok: true });
  return firing.result.compaction;
}

/** What a person or the books see of a balance: what compaction must leave exactly as it was. */
const seen = (doc: any) => ({ balance: doc.balance, lifetimeIn: doc.lifetimeIn, spendable: lotsHeld(doc), lapsesAt: doc.lapsesAt });

describe('the ledger timer compacts the balances that grew', () => {
  beforeEach(() => clearOfMidnight(env.emu));

  it('40 credits to one person: their 40 lots become one, and the balance, its history and the books are as they were', async () => {
    for (let i = 0; i < 40; i++) await award(wang, 1 + (i % 3));
    ok(await call(sun, 'points.deduct', { openid: wang, asset: 'volunteer', amount: 7, reason: '兑换物品' }, rid('compact-spend', 1)));
    const before = await balanceDoc(wang);
    expect(before.lots.length).toBeGreaterThan(30);
    expect(before.growth).toBeGreaterThanOrEqual(32);
    const history = ok(await call(wang, 'points.history', { asset: 'volunteer' }));

    expect(await compact()).toEqual({ compacted: 1, busy: 0 });
    const after = await balanceDoc(wang);
    expect(seen(after)).toEqual(seen(before));
    expect(after.lots).toHaveLength(1);
    expect({ unsettled: after.unsettled, growth: after.growth, pendingCount: after.pendingCount }).toEqual({
      unsettled: 0,
      growth: 0,
      pendingCount: 0,
    });
    expect(ok(await call(wang, 'points.history', { asset: 'volunteer' }))).toEqual(history);
    await expectReconciled();
    // Compacted once: the next run finds nothing, and the balance is spent and credited as before.
    expect(await compact()).toEqual({ compacted: 0, busy: 0 });
    const left = await balanceOf(wang);
    ok(await call(sun, 'points.deduct', { openid: wang, asset: 'volunteer', amount: left, reason: '兑换物品' }, rid('compact-spend', 2)));
    await award(wang, 5);
    expect(await balanceOf(wang)).toBe(5);
    await expectReconciled();
  }, 120_000);

  it("a shop paid 33 times and its regular charged over three days: the desk's lots become one, the days before yesterday go", async () => {
    await desksMoved();
    await giveVirtue(wang, 200);
    const pay = async (n: number) => {
      for (let i = 0; i < n; i++) ok(await charge(merchant, await codeOf(wang), 1));
    };
    await pay(3);
    const firstDay = dayCst(new Date((await env.emu.clock()).now));
    await env.emu.clock({ advanceMs: DAY });
    await pay(3);
    await env.emu.clock({ advanceMs: DAY });
    await clearOfMidnight(env.emu);
    await pay(27);
    const now = new Date((await env.emu.clock()).now).getTime();
    const [today, yesterday] = [dayCst(new Date(now)), dayCst(new Date(now - DAY))];
    const [desk, resident] = [await deskDoc('shop-zhouji'), await residentDoc(wang)];
    expect(desk.lots.length).toBeGreaterThan(32);
    expect(Object.keys(resident.merchantDays)).toContain(firstDay);
    const taken = await takenBy(merchant);

    expect(await compact()).toEqual({ compacted: 2, busy: 0 });
    const [deskAfter, residentAfter] = [await deskDoc('shop-zhouji'), await residentDoc(wang)];
    expect(seen(deskAfter)).toEqual(seen(desk));
    expect(deskAfter.lots).toHaveLength(1);
    expect(deskAfter.desk).toEqual(desk.desk);
    expect(seen(residentAfter)).toEqual(seen(resident));
    expect(Object.keys(residentAfter.merchantDays).sort()).toEqual(
      Object.keys(resident.merchantDays)
        .filter((day) => day >= yesterday)
        .sort(),
    );
    expect(residentAfter.merchantDays).not.toHaveProperty(firstDay);
    expect(residentAfter.merchantDays[today]).toEqual(resident.merchantDays[today]);
    expect(residentAfter.usedCodes).toEqual(resident.usedCodes);
    expect(await takenBy(merchant)).toBe(taken);
    // Today's cap still counts today's charges, and a used code is still used.
    expect(await virtueOf(wang)).toBe(200 - 33);
    await pay(1);
    expect((await residentDoc(wang)).merchantDays[today]).toEqual({ total: 28, count: 28 });
    await expectNoMarks([wang]);
    await expectReconciled();
  }, 120_000);

  it('compacting while 30 spends and 10 credits hit the balance: every reply is true of the data, and the lots agree', async () => {
    for (let i = 0; i < 36; i++) await award(wang, 5);
    const deductOf = (i: number) =>
      call(sun, 'points.deduct', { openid: wang, asset: 'volunteer', amount: 4, reason: '兑换物品' }, rid('compact-race', i));
    const creditOf = (i: number) =>
      call(sun, 'points.award', { openid: wang, asset: 'volunteer', amount: 2, reason: '邻里互助' }, rid('compact-credit', i));
    const [deducts, credits, compaction] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, (_, i) => deductOf(i))),
      Promise.all(Array.from({ length: 10 }, (_, i) => creditOf(i))),
      compact(),
    ]);
    expect(deducts.filter((r) => !r.ok)).toEqual([]);
    expect(credits.filter((r) => !r.ok)).toEqual([]);
    expect(compaction.compacted + compaction.busy).toBe(1);
    expect((await balanceDoc(wang)).balance).toBe(180 - 120 + 20);
    await expectLotsAgree(wang);
    await expectReconciled();
    // Whatever the race left, the next runs finish it.
    while ((await balanceDoc(wang)).growth >= 32) await compact();
    expect(lotsHeld(await balanceDoc(wang))).toBe(80);
    await expectReconciled();
  }, 120_000);

  it("compacting a shop's desk while 8 residents are charged there: every charge is paid and credited once", async () => {
    await desksMoved();
    await giveVirtue(wang, 100);
    for (let i = 0; i < 32; i++) ok(await charge(merchant, await codeOf(wang), 1));
    const crowd = [li, zhang, chen, ...members.slice(2)].slice(0, 8);
    for (const who of crowd) await giveVirtue(who, 20);
    const tokens = await Promise.all(crowd.map((who) => codeOf(who)));
    const taken = await takenBy(merchant);
    const [charges, compaction] = await Promise.all([Promise.all(tokens.map((token) => charge(merchant, token, 5))), compact()]);
    expect(charges.filter((r) => !r.ok)).toEqual([]);
    expect(compaction.compacted + compaction.busy).toBeGreaterThanOrEqual(1);
    expect(await takenBy(merchant)).toBe(taken + 5 * crowd.length);
    for (const who of crowd) expect(await virtueOf(who)).toBe(15);
    const desk = await deskDoc('shop-zhouji');
    expect({ held: lotsHeld(desk), today: desk.desk.today.total }).toEqual({ held: desk.balance, today: 1 + 32 + 5 * crowd.length });
    await expectNoMarks([wang, ...crowd]);
    await expectReconciled();
  }, 120_000);
});
