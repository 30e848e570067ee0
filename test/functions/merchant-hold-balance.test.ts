import { sealedClaims } from '../../cloudfunctions/_lib/ledger/points-code';
import { pendingField } from '../../src/shared/domain/ledger';
import { chargeIdOf, chargePostingIds, type Charge } from '../../src/shared/domain/merchant-charge';
import { dayCst } from '../../src/shared/domain/time';
import { clearOfMidnight, ok, RACING, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { chargeDocs, merchantKit } from './merchant-helpers';
import { chen, fang, li, members, merchant, tang, wang, zhang } from './personas';
import { expectCovered, pointsKit, rid } from './points-helpers';

// A charge above the per-charge cap is held for the resident on their balance, as a two-phase payment: the desk counts
// it, the resident's points wait under a mark, the charge is written, and nothing is posted until they confirm
// (cloudfunctions/_lib/ledger/held-charge.ts holdOnBalance; decided by charge-ledger.ts decideHold). These tests
// follow it through each answer, race the answers and the charges, and cut it short as a crash would.
const env = useEmulator({ env: RACING.env });
beforeEach(() => clearOfMidnight(env.emu));
const { call } = env;
const { giveVirtue, codeOf, charge, virtueOf, takenBy, holdsOf } = merchantKit(env);
const { expectReconciled } = pointsKit(env);
const { docOf, residentDoc, deskDoc, expectNoMarks, desksMoved } = chargeDocs(env);
const MINUTE = 60_000;
// The emulator's functions seal codes with the development key; the test opens them with it to name their charges.
process.env.LINLI_CODE_SECRET = 'linli-dev-points-code-secret';

const db = () => databaseOf(env.emu);
const paymentId = (chargeId: string) => chargePostingIds(chargeId).pay;
const today = async () => dayCst(new Date((await env.emu.clock()).now));
const virtueEntry = async (openid: string) => ok(await call(openid, 'points.balance')).balances.find((b: any) => b.asset === 'virtue');

/** 周记 charges `points` (above the cap of 50) from the resident's fresh code: the hold as the merchant sees it. */
async function hold(openid = wang, points = 80) {
  const token = await codeOf(openid);
  const held = ok(await charge(merchant, token, points, '米面粮油')).charge;
  expect(held).toMatchObject({ id: chargeIdOf(sealedClaims(token).codeId), mode: 'hold', status: 'awaiting', refundable: false });
  return { held, token };
}

/** The merchant's minute timer (the desks, the holds past their deadline, the work left half-way). */
async function merchantSweep(): Promise<any> {
  const [run] = (await env.emu.fireTrigger('merchant', 'sweep')) as any[];
  expect(run).toMatchObject({ ok: true });
  return run.result;
}

describe('a hold kept on the resident’s balance', () => {
  it('waits under a mark with nothing posted, asks the resident, and once confirmed posts once, straight to the shop', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    ok(await call(wang, 'notify.subscribe', { accepted: ['points-hold'] }, 'consent-hold-bal'));
    const before = await takenBy(merchant);
    const { held } = await hold();

    expect(await virtueOf(wang)).toBe(40);
    expect(await docOf('postings', paymentId(held.id))).toBeNull();
    expect((await residentDoc(wang)).pending[pendingField(paymentId(held.id))]).toMatchObject({ amount: 80, merchantDay: await today() });
    expect((await deskDoc('shop-zhouji')).deskPendingCount).toBe(1);
    const notice = ((await env.emu.outbox()) as any[]).find((m) => m.touser === wang && m.templateId === 'points-hold');
    expect(notice).toMatchObject({ page: 'pages/points/index?tab=holds', data: { thing1: { value: '周记便利店' }, number2: { value: '80' } } });
    expect(ok(await call(wang, 'notify.messages')).items[0]).toMatchObject({ title: '积分消费待确认', page: '/pages/points/index?tab=holds' });
    expect(await holdsOf(wang)).toEqual([expect.objectContaining({ id: held.id, shopName: '周记便利店', points: 80, status: 'awaiting' })]);
    // The held points are still the resident's in the books: reserved, not posted.
    await expectReconciled();

    expect(await call(li, 'points.confirmHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_NOT_FOUND' });
    const confirmed = ok(await call(wang, 'points.confirmHold', { chargeId: held.id }, 'confirm-bal-1'));
    expect(confirmed.hold).toMatchObject({ id: held.id, status: 'confirmed' });
    expect(ok(await call(wang, 'points.confirmHold', { chargeId: held.id }, 'confirm-bal-1'))).toEqual(confirmed);
    expect([await virtueOf(wang), (await takenBy(merchant)) - before, (await holdsOf(wang)).length]).toEqual([40, 80, 0]);
    const [paid] = ok(await call(wang, 'points.history', { asset: 'virtue' })).items;
    expect(paid).toMatchObject({ id: paymentId(held.id), amount: -80, reason: '「周记便利店」消费：米面粮油', shopId: 'shop-zhouji' });
    // The reply carries the payment exactly as the history shows it, for 我的积分 to add without reading again.
    expect(confirmed.posted).toEqual(paid);
    expect(ok(await call(merchant, 'merchant.history')).items[0]).toMatchObject({ id: held.id, status: 'confirmed', refundable: true });
    expect(await call(wang, 'points.rejectHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    await expectNoMarks([wang, tang]);
    await expectReconciled();

    // A refund reverses the one posting there is.
    ok(await call(merchant, 'merchant.refund', { chargeId: held.id, reason: '商品缺货' }, 'refund-bal-1'));
    expect([await virtueOf(wang), (await takenBy(merchant)) - before]).toEqual([120, 0]);
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('refused, the points and the day come back with nothing posted, and the reply says what came back', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    const { held } = await hold();
    expect(ok(await call(merchant, 'merchant.history')).today).toMatchObject({ count: 2, points: 81 });

    const rejected = ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, 'reject-bal-1'));
    expect(rejected).toEqual({
      hold: expect.objectContaining({ id: held.id, status: 'rejected' }),
      returned: { balance: await virtueEntry(wang), posting: null },
    });
    expect(rejected.returned.balance).toMatchObject({ balance: 120, lifetime: 120 });
    expect(ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, 'reject-bal-1'))).toEqual(rejected);
    expect(await call(wang, 'points.confirmHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    expect(await docOf('postings', paymentId(held.id))).toBeNull();
    expect(ok(await call(wang, 'points.history', { asset: 'virtue' })).items.map((p: any) => p.amount)).toEqual([120]);
    expect(ok(await call(merchant, 'merchant.history')).today).toMatchObject({ count: 1, points: 1 });
    expect((await residentDoc(wang)).merchantDays[await today()]).toEqual({ total: 0, count: 0 });
    await expectNoMarks([wang, tang]);
    await expectReconciled();
  });

  it('left unanswered, neither the ledger’s sweep nor the minute timer touches it before its deadline; after, the points come back', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    const { held } = await hold();
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    const [ledger] = (await env.emu.fireTrigger('points', 'reproof')) as any[];
    expect(ledger).toMatchObject({ ok: true, result: { debits: { returned: 0 } } });
    expect(await merchantSweep()).toMatchObject({ desks: { returned: 0 } });
    expect([await virtueOf(wang), (await holdsOf(wang)).length]).toEqual([40, 1]);

    await env.emu.clock({ advanceMs: 2 * MINUTE + 30_000 });
    await merchantSweep();
    expect([await virtueOf(wang), (await holdsOf(wang)).length]).toEqual([120, 0]);
    expect(ok(await call(merchant, 'merchant.history')).items[0]).toMatchObject({ id: held.id, status: 'expired' });
    expect(await call(wang, 'points.confirmHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    expect(await virtueEntry(wang)).toMatchObject({ balance: 120, lifetime: 120 });
    await expectNoMarks([wang, tang]);
    await expectReconciled();
    await expectCovered(env.emu);
  });
});

describe('a hold kept on the resident’s balance, raced', () => {
  it('4 confirms and 4 refusals at once: one answer wins, every reply says which, and the data agrees', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    const before = await takenBy(merchant);
    const { held } = await hold();
    const asks = Array.from({ length: 8 }, (_, i) => (i % 2 ? 'points.rejectHold' : 'points.confirmHold'));
    const replies = await Promise.all(asks.map((action, i) => call(wang, action, { chargeId: held.id }, rid('hold-race', i))));
    const winner = replies.find((r) => r.ok)!.data.hold.status;
    expect(['confirmed', 'rejected']).toContain(winner);
    for (const [i, reply] of replies.entries()) {
      const asked = asks[i] === 'points.confirmHold' ? 'confirmed' : 'rejected';
      if (asked === winner) expect(reply).toMatchObject({ ok: true, data: { hold: { status: winner } } });
      else expect(reply).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    }
    const posted = await docOf('postings', paymentId(held.id));
    if (winner === 'confirmed') {
      expect(posted).toMatchObject({ amount: 80, to: 'shop:shop-zhouji' });
      expect([await virtueOf(wang), (await takenBy(merchant)) - before]).toEqual([40, 80]);
    } else {
      expect(posted).toBeNull();
      expect([await virtueOf(wang), (await takenBy(merchant)) - before]).toEqual([120, 0]);
    }
    await expectNoMarks([wang, tang]);
    await expectReconciled();
  });

  it('two merchants, one code, both above the cap: one hold, the other told the code is used, nothing counted twice', async () => {
    await desksMoved();
    await giveVirtue(wang, 200);
    const token = await codeOf(wang);
    const days = { zhou: ok(await call(merchant, 'merchant.history')).today, fang: ok(await call(fang, 'merchant.history')).today };
    const replies = await Promise.all([charge(merchant, token, 80, '', rid('two-hold', 1)), charge(fang, token, 80, '', rid('two-hold', 2))]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'POINTS_CODE_USED' });
    const won = replies[0].ok ? merchant : fang;
    const lost = won === merchant ? fang : merchant;
    expect(ok(await call(won, 'merchant.history')).today.count).toBe((won === merchant ? days.zhou : days.fang).count + 1);
    expect(ok(await call(lost, 'merchant.history')).today).toEqual(lost === merchant ? days.zhou : days.fang);
    expect([await virtueOf(wang), (await holdsOf(wang)).length]).toEqual([120, 1]);
    await expectReconciled();
  });

  it('8 holds at one shop at once: each within the 8 requests of the budget, every reply true to the data', async () => {
    await desksMoved();
    const residents = [wang, li, zhang, chen, ...members.slice(2, 6)];
    for (const who of residents) await giveVirtue(who, 100);
    const tokens = await Promise.all(residents.map((who) => codeOf(who)));
    const meterBefore = (await env.emu.meter()).length;
    const replies = await Promise.all(tokens.map((token, i) => charge(merchant, token, 60, '', rid('hold-crowd', i))));
    const meter = (await env.emu.meter()).slice(meterBefore).filter((r: any) => r.action === 'merchant.charge');
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    for (const [i, reply] of replies.entries()) {
      expect(reply.data.charge).toMatchObject({ id: chargeIdOf(sealedClaims(tokens[i]).codeId), status: 'awaiting', mode: 'hold' });
      expect((await residentDoc(residents[i])).pending[pendingField(paymentId(reply.data.charge.id))]).toMatchObject({ amount: 60 });
    }
    expect(meter).toHaveLength(8);
    // 7 each; the first read of the community's rules by an instance adds one.
    for (const record of meter) expect(record.dbRequests).toBeLessThanOrEqual(8);
    expect((await deskDoc('shop-zhouji')).deskPendingCount).toBe(8);
    await Promise.all(replies.map((r, i) => call(residents[i], 'points.confirmHold', { chargeId: r.data.charge.id }, rid('hold-crowd-ok', i))));
    for (const who of residents) expect(await virtueOf(who)).toBe(40);
    await expectNoMarks(residents);
    await expectReconciled();
  });
});

describe('a hold kept on the resident’s balance, cut short', () => {
  it('the call died before writing the charge: a retry is told to try again, and after the deadline both marks go back with the code', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    const token = await codeOf(wang);
    const requestId = rid('hold-die', 1);
    const { charge: held } = ok(await charge(merchant, token, 80, '', requestId));
    // What the call leaves if it dies between the reservation and the charge: both marks, and no charge.
    await db().collection('merchant_charges').doc(held.id).remove();
    expect(await charge(merchant, token, 80, '', requestId)).toMatchObject({ ok: false, code: 'POINTS_BUSY' });
    expect(await virtueOf(wang)).toBe(40);

    // The clock fires the minute timer as it passes; one more run finds nothing left.
    await env.emu.clock({ advanceMs: 5 * MINUTE + 30_000 });
    expect(await merchantSweep()).toMatchObject({ desks: { returned: 0 } });
    expect(await virtueOf(wang)).toBe(120);
    const resident = await residentDoc(wang);
    expect(resident.usedCodes.map((c: any) => c.id)).not.toContain(sealedClaims(token).codeId);
    expect(resident.merchantDays[dayCst(new Date(held.createdAt))]).toEqual({ total: 0, count: 0 });
    expect(await docOf('postings', paymentId(held.id))).toBeNull();
    await expectNoMarks([wang, tang]);
    await expectReconciled();
  });

  it('the desk counted it and the reservation never landed: a retry holds through escrow, and the sweep takes the stray count back', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    const token = await codeOf(wang);
    const claims = sealedClaims(token);
    const now = new Date((await env.emu.clock()).now);
    const day = dayCst(now);
    const desk = (await deskDoc('shop-zhouji')).desk;
    const before = ok(await call(merchant, 'merchant.history')).today;
    // What the call leaves if the reservation's request fails without landing: the desk's count and mark alone.
    const id = chargeIdOf(claims.codeId);
    const counted: Charge = {
      _id: id,
      codeId: claims.codeId,
      shopId: 'shop-zhouji',
      shopName: desk.name,
      merchantId: merchant,
      residentId: wang,
      residentName: claims.name,
      communityId: claims.communityId,
      points: 80,
      note: '',
      mode: 'hold',
      status: 'awaiting',
      pending: false,
      day,
      holdUntil: new Date(now.getTime() + 5 * MINUTE),
      refundReason: null,
      requestId: rid('hold-stray', 1),
      onBalance: true,
      createdAt: now,
      updatedAt: now,
    };
    const _ = db().command;
    await db()
      .collection('balances')
      .where({ _id: 'shop:shop-zhouji|virtue|0', 'desk.today.day': day })
      .update({
        data: {
          'desk.today.total': _.inc(80),
          'desk.today.count': _.inc(1),
          [`deskPending.${pendingField(id)}`]: { charge: counted, at: now },
          deskPendingCount: _.inc(1),
        },
      });
    const retried = ok(await charge(merchant, token, 80, '', rid('hold-stray', 1))).charge;
    expect(retried).toMatchObject({ id, status: 'awaiting', mode: 'hold' });
    expect(await docOf('postings', paymentId(id))).toMatchObject({ to: `hold:${id}` });

    await env.emu.clock({ advanceMs: 5 * MINUTE + 30_000 });
    await merchantSweep();
    expect(ok(await call(merchant, 'merchant.history')).today).toMatchObject({ count: before.count, points: before.points });
    expect(await virtueOf(wang)).toBe(120);
    await expectNoMarks([wang, tang]);
    await expectReconciled();
  });

  it('decided, and cut short before its ledger work: the timer finishes it as the call would have', async () => {
    await desksMoved();
    await giveVirtue(wang, 120);
    await giveVirtue(li, 120);
    const before = await takenBy(merchant);
    const { held: yes } = await hold(wang);
    const { held: no } = await hold(li);
    // What a decision leaves if its call dies right after moving the status (charge-ledger.ts moveHeld).
    const now = new Date((await env.emu.clock()).now);
    await db()
      .collection('merchant_charges')
      .doc(yes.id)
      .update({ data: { status: 'confirmed', pending: true, updatedAt: now } });
    await db()
      .collection('merchant_charges')
      .doc(no.id)
      .update({ data: { status: 'rejected', pending: true, updatedAt: now } });
    await expectReconciled();

    await env.emu.clock({ advanceMs: 90_000 });
    await merchantSweep();
    expect(await docOf('postings', paymentId(yes.id))).toMatchObject({ amount: 80, to: 'shop:shop-zhouji' });
    expect(await docOf('postings', paymentId(no.id))).toBeNull();
    expect([await virtueOf(wang), await virtueOf(li), (await takenBy(merchant)) - before]).toEqual([40, 120, 80]);
    expect((await docOf('merchant_charges', yes.id)).pending).toBe(false);
    expect((await docOf('merchant_charges', no.id)).pending).toBe(false);
    expect(ok(await call(merchant, 'merchant.history')).today).toMatchObject({ count: 2, points: 81 });
    await expectNoMarks([wang, li, tang]);
    await expectReconciled();
  });
});
