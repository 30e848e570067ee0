import { chargePostingIds } from '../../src/shared/domain/merchant-charge';
import { ok, useEmulator, clearOfMidnight } from './call';
import { databaseOf } from './ledger-fixture';
import { merchantKit } from './merchant-helpers';
import { li, merchant, wang } from './personas';
import { expectCovered, pointsKit } from './points-helpers';

const env = useEmulator();
// Their charges are counted by the shop's China-time day: no test may start just before it turns.
beforeEach(() => clearOfMidnight(env.emu));
const { call } = env;
const { giveVirtue, codeOf, charge, virtueOf, takenBy, holdsOf } = merchantKit(env);
const { expectReconciled } = pointsKit(env);
const minutes = (n: number) => n * 60 * 1000;

describe('above the per-charge cap: held until the resident confirms', () => {
  async function heldCharge(points = 80) {
    await giveVirtue(wang, 120);
    ok(await call(wang, 'notify.subscribe', { accepted: ['points-hold'] }, 'consent-hold-01'));
    const held = ok(await charge(merchant, await codeOf(wang), points, '米面粮油')).charge;
    expect(held).toMatchObject({ mode: 'hold', status: 'awaiting', refundable: false });
    expect([await virtueOf(wang), await takenBy(merchant)]).toEqual([120 - points, 0]);
    return held;
  }

  it('asks the resident (subscribe message + pending item); confirming pays the shop', async () => {
    const held = await heldCharge();
    const notice = ((await env.emu.outbox()) as any[]).find((m) => m.touser === wang);
    expect(notice).toMatchObject({
      templateId: 'points-hold',
      page: 'pages/points/index?tab=holds',
      data: { thing1: { value: '周记便利店' }, number2: { value: '80' } },
    });
    expect(await holdsOf(wang)).toEqual([
      expect.objectContaining({ id: held.id, shopName: '周记便利店', points: 80, note: '米面粮油', status: 'awaiting' }),
    ]);
    expect(await call(li, 'points.confirmHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_NOT_FOUND' });
    expect(ok(await call(wang, 'points.confirmHold', { chargeId: held.id }, 'confirm-hold-1')).hold.status).toBe('confirmed');
    expect([await virtueOf(wang), await takenBy(merchant), (await holdsOf(wang)).length]).toEqual([40, 80, 0]);
    expect(ok(await call(merchant, 'merchant.history')).items[0]).toMatchObject({ id: held.id, status: 'confirmed', refundable: true });
    expect(await call(wang, 'points.rejectHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it("names the shop of a held payment in the resident's history, so they can rate it; a refund names none", async () => {
    const held = await heldCharge();
    ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, 'reject-hold-shop'));
    const [back, paid] = ok(await call(wang, 'points.history', { asset: 'virtue' })).items;
    expect(paid).toMatchObject({ amount: -80, reason: '「周记便利店」消费（待确认）：米面粮油', shopId: 'shop-zhouji' });
    expect(back).toMatchObject({ amount: 80, shopId: null });
    await expectCovered(env.emu);
  });

  it('names the shop of a held payment made before payments named it, from its charge', async () => {
    const held = await heldCharge();
    const db = databaseOf(env.emu);
    const payment = chargePostingIds(held.id).pay;
    await db
      .collection('postings')
      .doc(payment)
      .update({ data: { shopId: db.command.remove() } });
    const [paid] = ok(await call(wang, 'points.history', { asset: 'virtue' })).items;
    expect(paid).toMatchObject({ id: payment, shopId: 'shop-zhouji' });
    await expectCovered(env.emu);
  });

  it('refusing gives the points back, and the reply says what came back: the balance and the posting 我的积分 shows', async () => {
    const held = await heldCharge();
    const rejected = ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, 'reject-hold-1'));
    expect(rejected.hold.status).toBe('rejected');
    expect([await virtueOf(wang), await takenBy(merchant)]).toEqual([120, 0]);
    const [back] = ok(await call(wang, 'points.history', { asset: 'virtue' })).items;
    expect(back).toMatchObject({ amount: 80, reason: '「周记便利店」扣分退回（你已拒绝）' });
    // Exactly what the page would read again: the history's newest posting and the balance's virtue entry.
    expect(rejected.returned).toEqual({
      posting: back,
      balance: ok(await call(wang, 'points.balance')).balances.find((b: { asset: string }) => b.asset === 'virtue'),
    });
    expect(ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, 'reject-hold-1'))).toEqual(rejected);
    expect(await call(wang, 'points.confirmHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    expect(ok(await call(merchant, 'merchant.history')).today).toMatchObject({ count: 0, points: 0 });
    await expectReconciled();
  });

  it('points that come back from a hold are not new credit: the virtue level stays where it was', async () => {
    const virtue = async () => ok(await call(wang, 'points.balance')).balances.find((b: any) => b.asset === 'virtue');
    const held = await heldCharge();
    const before = ok(await call(wang, 'points.balance')).virtueLevel;
    expect(await virtue()).toMatchObject({ balance: 40, lifetime: 120 });
    ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, 'reject-hold-level'));
    expect(await virtue()).toMatchObject({ balance: 120, lifetime: 120 });
    expect(ok(await call(wang, 'points.balance')).virtueLevel).toEqual(before);
    await expectReconciled();
  });

  it('left unanswered for 5 minutes, the timer gives the points back and the hold can no longer be confirmed', async () => {
    const held = await heldCharge();
    await env.emu.clock({ advanceMs: minutes(4) });
    expect(await holdsOf(wang)).toHaveLength(1);
    const { fired } = await env.emu.clock({ advanceMs: minutes(1) + 30_000 });
    expect(fired?.filter((f) => f.function === 'merchant' && f.ok)).not.toEqual([]);
    expect([await virtueOf(wang), await takenBy(merchant), (await holdsOf(wang)).length]).toEqual([120, 0, 0]);
    expect(ok(await call(wang, 'points.balance')).balances.find((b: any) => b.asset === 'virtue')).toMatchObject({ lifetime: 120 });
    expect(ok(await call(merchant, 'merchant.history')).items[0]).toMatchObject({ id: held.id, status: 'expired' });
    expect(await call(wang, 'points.confirmHold', { chargeId: held.id })).toMatchObject({ ok: false, code: 'POINTS_HOLD_CLOSED' });
    await expectReconciled();
    await expectCovered(env.emu);
  });
});
