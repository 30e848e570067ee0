import { ok, useEmulator } from './call';
import { merchantKit } from './merchant-helpers';
import { fang, merchant, wang } from './personas';
import { expectCovered, pointsKit } from './points-helpers';

const env = useEmulator();
const { call } = env;
const { giveVirtue, codeOf, charge, virtueOf, takenBy } = merchantKit(env);
const { expectReconciled } = pointsKit(env);

describe('refunds', () => {
  it('a same-day refund reverses the charge; twice is refused; another shop cannot touch it', async () => {
    await giveVirtue(wang, 100);
    const done = ok(await charge(merchant, await codeOf(wang), 30, '牛奶')).charge;
    expect(await call(fang, 'merchant.refund', { chargeId: done.id, reason: '不是我的' })).toMatchObject({ ok: false, code: 'CHARGE_NOT_FOUND' });
    const refunded = ok(await call(merchant, 'merchant.refund', { chargeId: done.id, reason: '顾客退货' }, 'refund-0001')).charge;
    expect(refunded).toMatchObject({ status: 'refunded', refundable: false });
    expect([await virtueOf(wang), await takenBy(merchant)]).toEqual([100, 0]);
    const history = ok(await call(wang, 'points.history', { asset: 'virtue' })).items;
    expect(history[0]).toMatchObject({ amount: 30, reason: '「周记便利店」退还：顾客退货', reversal: true });
    expect(history[1]).toMatchObject({ amount: -30, reversed: true });
    expect(await call(merchant, 'merchant.refund', { chargeId: done.id, reason: '再退一次' })).toMatchObject({ ok: false, code: 'CHARGE_STATE' });
    await expectReconciled();
  });

  it('a confirmed hold is refunded through its escrow; a charge of yesterday is not refundable', async () => {
    await giveVirtue(wang, 200);
    const held = ok(await charge(merchant, await codeOf(wang), 80)).charge;
    expect(await call(merchant, 'merchant.refund', { chargeId: held.id, reason: '还没确认' })).toMatchObject({
      ok: false,
      code: 'CHARGE_NOT_REFUNDABLE',
    });
    ok(await call(wang, 'points.confirmHold', { chargeId: held.id }, 'confirm-ref-01'));
    ok(await call(merchant, 'merchant.refund', { chargeId: held.id, reason: '商品缺货' }, 'refund-0002'));
    expect([await virtueOf(wang), await takenBy(merchant)]).toEqual([200, 0]);
    const old = ok(await charge(merchant, await codeOf(wang), 10)).charge;
    await env.emu.clock({ advanceMs: 24 * 60 * 60 * 1000 });
    expect(await call(merchant, 'merchant.refund', { chargeId: old.id, reason: '隔天来退' })).toMatchObject({
      ok: false,
      code: 'CHARGE_NOT_REFUNDABLE',
    });
    expect(ok(await call(merchant, 'merchant.history', { scope: 'today' })).items).toEqual([]);
    expect(ok(await call(merchant, 'merchant.history', { scope: 'all' })).items.map((c: any) => c.status)).toEqual(['posted', 'refunded']);
    await expectReconciled();
    await expectCovered(env.emu);
  });
});
