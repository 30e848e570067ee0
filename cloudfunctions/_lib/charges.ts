import { HOLD_MS, chargeIdOf, refundable, type Charge, type ChargeStatus } from '../../src/shared/domain/merchant-charge';
import { assertActive, chargeMode, shopDay, tallyId, type Shop, type ShopDay } from '../../src/shared/domain/merchant';
import { DomainError } from '../../src/shared/domain/errors';
import { assertUnused } from '../../src/shared/domain/points-code';
import { customer, nameFor } from '../../src/shared/domain/privacy';
import { dayCst } from '../../src/shared/domain/time';
import type { Notice } from './outbox';
import { _, collections } from './runtime';
import { merchantRules } from './shops';
import { templates, thing, time } from './templates';
import { table, tableIn, type Tx } from './typed-db';

export const charges = () => table(collections.merchantCharges);

async function tallyIn(tx: Tx, id: string): Promise<Totals> {
  return (await tableIn(tx, collections.merchantTallies).get(id)) ?? { total: 0, count: 0 };
}

type Totals = { total: number; count: number };

/**
 * Moves the day's totals of the shop (kept on the shop, for its history page and scans to read with it) and of
 * the resident (a tally of their own) by one charge, inside the caller's transaction. `known`: the shop and the
 * resident's totals as the caller already read them there, so they are not read twice. A charge of an earlier
 * day leaves the shop's totals alone: they are today's.
 */
export async function countIn(tx: Tx, charge: Charge, sign: 1 | -1, known?: { shop: Shop; resident: Totals }): Promise<void> {
  const shop = known?.shop ?? (await tableIn(tx, collections.shops).get(charge.shopId));
  if (shop && (shop.today?.day ?? charge.day) === charge.day) {
    const day = shopDay(shop, charge.day);
    const today: ShopDay = { ...day, total: day.total + sign * charge.points, count: day.count + sign };
    await tableIn(tx, collections.shops).change(shop._id, { today: _.set(today) });
  }
  const id = tallyId.resident(charge.residentId, charge.day);
  const tally = known?.resident ?? (await tallyIn(tx, id));
  await tableIn(tx, collections.merchantTallies).set(id, {
    total: tally.total + sign * charge.points,
    count: tally.count + sign,
    updatedAt: new Date(),
  });
}

export interface ChargeRequest {
  codeId: string;
  shopId: string;
  merchantId: string;
  points: number;
  note: string;
}

/**
 * Takes the code and counts the charge against both daily caps, inside the caller's transaction (which pays
 * and records the charge): two merchants scanning the same code conflict on it, and the retry of the loser
 * finds it used.
 */
export async function reserveIn(tx: Tx, req: ChargeRequest, now: Date): Promise<Charge> {
  // Read in the transaction, so a suspension landing meanwhile makes this charge retry and be refused.
  const shop = assertActive(await tableIn(tx, collections.shops).get(req.shopId));
  const codes = tableIn(tx, collections.pointsCodes);
  const code = assertUnused(await codes.get(req.codeId));
  if (code.openid === req.merchantId) throw new DomainError('MERCHANT_OWN_CODE');
  if (code.communityId !== shop.communityId) throw new DomainError('MERCHANT_OTHER_COMMUNITY');
  const day = dayCst(now);
  const residentTally = await tallyIn(tx, tallyId.resident(code.openid, day));
  const shopTally = shopDay(shop, day);
  const rules = await merchantRules(shop.communityId);
  const mode = chargeMode(req.points, rules, { shop: shopTally.total, resident: residentTally.total });
  const charge: Charge = {
    _id: chargeIdOf(code._id),
    codeId: code._id,
    shopId: shop._id,
    shopName: shop.name,
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
    createdAt: now,
    updatedAt: now,
  };
  await codes.change(code._id, { status: 'used', usedBy: shop._id, usedAt: now });
  await countIn(tx, charge, 1, { shop, resident: residentTally });
  return charge;
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
