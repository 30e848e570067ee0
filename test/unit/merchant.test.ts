import { HOLD_MS, assertChargeMove, holdOpen, paymentOf, refundable, settlementOf, type Charge } from '../../src/shared/domain/merchant-charge';
import { account, isSystemAccount, kindOf, mayGoNegative } from '../../src/shared/domain/ledger';
import { assertActive, assertMayApply, chargeMode, defaultMerchantRules, managesShops, type Shop } from '../../src/shared/domain/merchant';
import { dayCst } from '../../src/shared/domain/time';

const rules = defaultMerchantRules;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'ok';
};

describe('charge caps', () => {
  it('posts at once up to the per-charge cap (default 50) and holds above it', () => {
    expect(rules.perCharge).toBe(50);
    expect(chargeMode(1, rules, { shop: 0, resident: 0 })).toBe('direct');
    expect(chargeMode(50, rules, { shop: 0, resident: 0 })).toBe('direct');
    expect(chargeMode(51, rules, { shop: 0, resident: 0 })).toBe('hold');
  });

  it('refuses what would pass the resident’s or the shop’s daily cap, and says what is left', () => {
    const tight = { perCharge: 50, shopDaily: 100, residentDaily: 60 };
    expect(chargeMode(20, tight, { shop: 40, resident: 40 })).toBe('direct');
    expect(codeOf(() => chargeMode(21, tight, { shop: 40, resident: 40 }))).toBe('MERCHANT_CAP_RESIDENT');
    expect(codeOf(() => chargeMode(11, tight, { shop: 90, resident: 0 }))).toBe('MERCHANT_CAP_SHOP');
    expect(() => chargeMode(21, tight, { shop: 40, resident: 40 })).toThrow('该居民今日还可使用 20 分');
  });
});

const at = new Date('2026-11-20T02:00:00Z');
const charge = (over: Partial<Charge> = {}): Charge => ({
  _id: 'ch-x',
  codeId: 'x',
  shopId: 'shop-1',
  shopName: '周记便利店',
  merchantId: 'm1',
  residentId: 'u1',
  residentName: '王秀英',
  communityId: 'c1',
  points: 30,
  note: '酱油',
  mode: 'direct',
  status: 'posted',
  pending: false,
  day: dayCst(at),
  holdUntil: null,
  refundReason: null,
  createdAt: at,
  updatedAt: at,
  ...over,
});

describe('charge moves and postings', () => {
  it('allows only the moves of the charge machine', () => {
    expect(codeOf(() => assertChargeMove('reserved', 'posted'))).toBe('ok');
    expect(codeOf(() => assertChargeMove('awaiting', 'confirmed'))).toBe('ok');
    expect(codeOf(() => assertChargeMove('confirmed', 'refunded'))).toBe('ok');
    for (const [from, to] of [
      ['posted', 'confirmed'],
      ['rejected', 'confirmed'],
      ['expired', 'confirmed'],
      ['refunded', 'refunded'],
      ['refused', 'posted'],
      ['awaiting', 'refunded'],
    ] as const)
      expect(codeOf(() => assertChargeMove(from, to))).toBe('CHARGE_STATE');
  });

  it('a direct charge pays the shop; a held one pays escrow, which empties to the shop or back', () => {
    expect(paymentOf(charge())).toMatchObject({
      _id: 'charge:ch-x',
      from: 'user:u1',
      to: 'shop:shop-1',
      amount: 30,
      asset: 'virtue',
      reason: '「周记便利店」消费：酱油',
    });
    const held = charge({ mode: 'hold', points: 80 });
    expect(paymentOf(held)).toMatchObject({ from: 'user:u1', to: 'hold:ch-x', amount: 80, shopId: 'shop-1' });
    expect(paymentOf(charge()).shopId).toBeUndefined();
    expect(settlementOf({ ...held, status: 'confirmed' })).toMatchObject({ _id: 'charge:ch-x:paid', from: 'hold:ch-x', to: 'shop:shop-1' });
    expect(settlementOf({ ...held, status: 'rejected' })).toMatchObject({ _id: 'charge:ch-x:back', from: 'hold:ch-x', to: 'user:u1' });
    expect(settlementOf({ ...held, status: 'expired' })).toMatchObject({ _id: 'charge:ch-x:back', reason: '「周记便利店」扣分退回（超时未确认）' });
    expect(codeOf(() => settlementOf({ ...held, status: 'awaiting' }))).toBe('CHARGE_STATE');
  });

  it('escrow is an account of its own kind: never below zero, never sharded like the community’s', () => {
    expect(kindOf(account.hold('ch-x'))).toBe('hold');
    expect(isSystemAccount(account.hold('ch-x'))).toBe(false);
    expect(mayGoNegative(account.hold('ch-x'))).toBe(false);
  });

  it('a hold is open until its deadline', () => {
    const held = charge({ mode: 'hold', status: 'awaiting', holdUntil: new Date(at.getTime() + HOLD_MS) });
    expect(HOLD_MS).toBe(5 * 60 * 1000);
    expect(holdOpen(held, new Date(at.getTime() + HOLD_MS - 1))).toBe(true);
    expect(holdOpen(held, new Date(at.getTime() + HOLD_MS))).toBe(false);
    expect(holdOpen({ ...held, status: 'confirmed' }, at)).toBe(false);
  });

  it('refunds only the same day, only what reached the shop and has nothing left to post', () => {
    expect(refundable(charge(), at)).toBe(true);
    expect(refundable(charge({ status: 'confirmed', mode: 'hold' }), at)).toBe(true);
    expect(refundable(charge(), new Date(at.getTime() + 24 * 60 * 60 * 1000))).toBe(false);
    expect(refundable(charge({ status: 'awaiting' }), at)).toBe(false);
    expect(refundable(charge({ status: 'confirmed', pending: true }), at)).toBe(false);
    expect(refundable(charge({ status: 'refunded' }), at)).toBe(false);
  });
});

describe('onboarding rules', () => {
  it('one application at a time; a rejected one may be sent again', () => {
    expect(codeOf(() => assertMayApply(null, undefined))).toBe('ok');
    expect(codeOf(() => assertMayApply({ status: 'rejected' }, undefined))).toBe('ok');
    expect(codeOf(() => assertMayApply({ status: 'pending' }, undefined))).toBe('MERCHANT_ALREADY_APPLIED');
    expect(codeOf(() => assertMayApply(null, 'shop-1'))).toBe('MERCHANT_ALREADY_APPLIED');
  });

  it('a suspended shop, or none, refuses every merchant action', () => {
    const shop = { status: 'active' } as Shop;
    expect(assertActive(shop)).toBe(shop);
    expect(codeOf(() => assertActive({ ...shop, status: 'suspended' }))).toBe('MERCHANT_SUSPENDED');
    expect(codeOf(() => assertActive(null))).toBe('MERCHANT_NO_SHOP');
  });

  it('staff manage their community’s shops, the admin their street’s', () => {
    const place = { streetId: 's1', communityId: 'c1' };
    const person = (roles: string[], communityId = 'c1', streetId = 's1') => ({ roles, communityId, streetId, gridId: null }) as never;
    expect(managesShops(person(['staff']), place)).toBe(true);
    expect(managesShops(person(['staff'], 'c2'), place)).toBe(false);
    expect(managesShops(person(['admin'], 'c2'), place)).toBe(true);
    expect(managesShops(person(['admin'], 'c2', 's2'), place)).toBe(false);
    expect(managesShops(person(['grid_worker']), place)).toBe(false);
  });
});
