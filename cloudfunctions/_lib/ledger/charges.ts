import { HOLD_MS, chargeIdOf, refundable, type Charge, type ChargeStatus } from '../../../src/shared/domain/merchant-charge';
import { chargeMode, shopDay, type ShopDay, type ShopDesk } from '../../../src/shared/domain/merchant';
import { account } from '../../../src/shared/domain/ledger';
import { DomainError } from '../../../src/shared/domain/errors';
import { assertUnused, withUsed, type CodeClaims } from '../../../src/shared/domain/points-code';
import { customer, nameFor } from '../../../src/shared/domain/privacy';
import { dayCst } from '../../../src/shared/domain/time';
import { balanceId, type BalanceDoc, type MerchantDay, type PostOptions } from '.';
import type { Notice } from '../platform/outbox';
import { _, collections } from '../platform/runtime';
import { assertOpen, deskIn, saveDeskIn, type DeskRead } from './shop-desk';
import { merchantRules } from './shops';
import { templates, thing, time } from '../platform/templates';
import { table, tableIn, type Tx } from '../platform/typed-db';

export const charges = () => table(collections.merchantCharges);

/** A resident's day at merchants as their virtue balance keeps it (nothing yet, or an earlier day's: zero). */
export function residentDay(doc: Pick<BalanceDoc, 'merchantDay' | 'merchantDays'> | null | undefined, day: string): MerchantDay {
  const kept = doc?.merchantDays?.[day];
  if (kept) return { day, total: kept.total, count: kept.count };
  return doc?.merchantDay?.day === day ? doc.merchantDay : { day, total: 0, count: 0 };
}

/** The day `charge` moves by `sign`: its points and one charge more or less. */
const moved = (day: MerchantDay, charge: Charge, sign: 1 | -1): MerchantDay => ({
  ...day,
  total: day.total + sign * charge.points,
  count: day.count + sign,
});

/**
 * Moves the day's totals of the shop (kept on its desk, for its history page and scans to read) and of the
 * resident (kept on their virtue balance, which a charge reads and writes anyway) back by one charge that did
 * not stand (refused, rejected, expired, refunded), inside the caller's transaction. Totals of an earlier day
 * are left alone: only today's are kept.
 */
export async function countIn(tx: Tx, charge: Charge, sign: 1 | -1): Promise<void> {
  const shop = await deskIn(tx, charge.shopId);
  if ((shop.desk.today?.day ?? charge.day) === charge.day) {
    const day = shopDay(shop.desk, charge.day);
    const today: ShopDay = { ...day, total: day.total + sign * charge.points, count: day.count + sign };
    await saveDeskIn(tx, shop, { ...shop.desk, today }, false);
  }
  const balances = tableIn(tx, collections.balances);
  const id = balanceId(account.user(charge.residentId), 'virtue');
  const resident = await balances.get(id);
  const kept = resident?.merchantDays?.[charge.day];
  if (kept) {
    const { total, count } = moved({ day: charge.day, ...kept }, charge, sign);
    await balances.change(id, { [`merchantDays.${charge.day}`]: _.set({ total, count }) });
  } else if (resident?.merchantDay?.day === charge.day) await balances.change(id, { merchantDay: _.set(moved(resident.merchantDay, charge, sign)) });
}

export interface ChargeRequest {
  /** The scanned code, its seal and expiry already checked (points-code.ts openCode). */
  code: CodeClaims;
  shopId: string;
  merchantId: string;
  points: number;
  note: string;
  /** The call's requestId: the charge is its own retry record (a retry finds it by the code and this). */
  requestId: string | null;
}

/** What reserveIn found and decided: the charge, the resident's payment, and the shop's desk as it will be. */
export interface Reserved {
  charge: Charge;
  resident: NonNullable<PostOptions['debited']>;
  shop: { read: DeskRead; desk: ShopDesk };
}

/**
 * Takes the code and counts the charge against both daily caps, inside the caller's transaction (which pays
 * and records the charge, and writes the shop's desk). The code is taken on the resident's virtue balance, which
 * the payment writes anyway: two merchants scanning the same code conflict on it, and the retry of the loser
 * finds it used.
 */
export async function reserveIn(tx: Tx, req: ChargeRequest, now: Date): Promise<Reserved> {
  const { code } = req;
  if (code.openid === req.merchantId) throw new DomainError('MERCHANT_OWN_CODE');
  // Read (and written) in the transaction, so a suspension landing meanwhile makes this charge retry and be refused.
  const shop = await deskIn(tx, req.shopId);
  assertOpen(shop.desk);
  if (code.communityId !== shop.desk.communityId) throw new DomainError('MERCHANT_OTHER_COMMUNITY');
  const day = dayCst(now);
  // The resident's balance is read here for the code and their day's total, and not again by the payment (chargeNow).
  const residentDoc = await tableIn(tx, collections.balances).get(balanceId(account.user(code.openid), 'virtue'));
  assertUnused(residentDoc?.usedCodes, code.codeId);
  const residentTally = residentDay(residentDoc, day);
  const shopTally = shopDay(shop.desk, day);
  const rules = await merchantRules(shop.desk.communityId);
  const mode = chargeMode(req.points, rules, { shop: shopTally.total, resident: residentTally.total });
  const charge = newCharge(req, shop.desk.name, mode, day, now);
  const desk: ShopDesk = { ...shop.desk, today: { ...shopTally, total: shopTally.total + req.points, count: shopTally.count + 1 } };
  // Today's spending kept by day (the other days dropped), as a charge without a transaction keeps it.
  const { total, count } = moved(residentTally, charge, 1);
  const also = { merchantDay: null, merchantDays: { [day]: { total, count } }, usedCodes: withUsed(residentDoc?.usedCodes, code, now) };
  return { charge, resident: { doc: residentDoc, also }, shop: { read: shop, desk } };
}

/** The charge a request makes, as its payment is still to be made (`reserved`, with ledger work owed). */
export function newCharge(req: ChargeRequest, shopName: string, mode: Charge['mode'], day: string, now: Date): Charge {
  const { code } = req;
  return {
    _id: chargeIdOf(code.codeId),
    codeId: code.codeId,
    shopId: req.shopId,
    shopName,
    merchantId: req.merchantId,
    residentId: code.openid,
    residentName: code.name,
    communityId: code.communityId,
    points: req.points,
    note: req.note,
    mode,
    status: 'reserved',
    pending: true,
    day,
    holdUntil: null,
    refundReason: null,
    requestId: req.requestId,
    createdAt: now,
    updatedAt: now,
  };
}

/** The resident is asked to confirm a held charge (subscribe message; the points page lists it too). */
export function holdNotice(charge: Charge, holdUntil: Date): Notice {
  return {
    touser: charge.residentId,
    templateId: templates.pointsHold,
    page: 'pages/points/index?tab=holds',
    data: { thing1: thing(charge.shopName), number2: String(charge.points), time3: time(holdUntil), thing4: thing(charge.note || '积分消费') },
  };
}

/** The status a paid charge moves to, and the hold's deadline. */
export function afterPayment(charge: Charge, now: Date): { status: ChargeStatus; holdUntil: Date | null } {
  return charge.mode === 'direct' ? { status: 'posted', holdUntil: null } : { status: 'awaiting', holdUntil: new Date(now.getTime() + HOLD_MS) };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const chargeView = (c: Charge, now: Date) => ({
  id: c._id,
  residentName: nameFor(c.residentName, customer),
  points: c.points,
  note: c.note,
  mode: c.mode,
  status: c.status,
  createdAt: new Date(c.createdAt).toISOString(),
  holdUntil: iso(c.holdUntil),
  refundable: refundable(c, now),
});

export const holdView = (c: Charge) => ({
  id: c._id,
  shopName: c.shopName,
  points: c.points,
  note: c.note,
  status: c.status,
  createdAt: new Date(c.createdAt).toISOString(),
  holdUntil: iso(c.holdUntil),
});
