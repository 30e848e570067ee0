import { DomainError } from '../../../src/shared/domain/errors';
import { account, NEVER_LAPSES, pendingField, type Lot, type Posting } from '../../../src/shared/domain/ledger';
import { assertUnused } from '../../../src/shared/domain/points-code';
import { chargeMode, shopDay, type MerchantRules } from '../../../src/shared/domain/merchant';
import { chargeIdOf, chargePostingIds, paymentOf, type Charge } from '../../../src/shared/domain/merchant-charge';
import { dayCst } from '../../../src/shared/domain/time';
import { _, collections } from '../platform/runtime';
import { fieldsOf } from '../platform/transact';
import { table, type Query } from '../platform/typed-db';
import {
  balanceId,
  clearPending,
  findPosting,
  givePendingBack,
  insertReserved,
  PENDING_STALE_MS,
  reserveDebit,
  type BalanceDoc,
  type HeldCharge,
} from '.';
import { charges, newCharge, residentDay, type ChargeRequest } from './charges';
import { overdraws } from './balances';
import { assertOpen, deskId } from './shop-desk';
import { merchantRules } from './shops';

/** A resident's used codes kept by a charge without a transaction: far more than can be live (a code lives 60 s). */
const USED_KEPT = 20;

const deskMarkOf = (chargeId: string) => `deskPending.${pendingField(chargeId)}`;
const balances = () => table(collections.balances);

/**
 * 核销 without a transaction, as nearly every charge goes: a direct charge (within the per-charge cap) at a shop
 * whose desk is on its balance. The desk is read (the shop's name for the payment, and what refuses at once: a
 * suspension, another community, the shop's cap), then
 * 1. the resident's points are reserved (the ledger's reserveDebit) with what the charge moves on their balance in
 *    the same conditional update: today's spending within their cap, and the code, which must not have been used;
 * 2. the shop's desk counts the charge (still open, today's total within its cap) and marks it held;
 * 3. the payment's posting is inserted by its id (the code's), which decides: before it everything goes back, after
 *    it the charge stands;
 * 4. the charge is written, then the shop is credited as its mark goes, and the resident's mark is cleared.
 * What refuses is said from what was read: the desk (a suspension, another community, the shop's cap) before
 * anything is taken, the resident's balance (too few points, their day spent, the code used) once their reservation
 * took nothing (whyNot). Null otherwise (the desk changed since its read, a shop or a balance not kept this way, a
 * lapse due): whatever was taken goes back, and the transaction (charge-ledger.ts chargeNow) decides and answers —
 * a charge held for the resident's confirmation always goes there.
 *
 * Cut short, a refusal still means nothing was posted:
 * - the payment was posted before (another merchant's charge of this code, or this call's first attempt): both go
 *   back, and the code is answered as used (the handler answers a retry with its charge);
 * - the call dies after a reservation: the marks stay and the reply is an error. The ledger's sweep gives the
 *   resident's points and day back unless the payment is in; the merchant sweep (sweepDeskMarks) writes the charge
 *   and credits the shop if it is, and gives the shop's day back if not. A retry meanwhile finds the code used and
 *   its charge not yet there: it is told to try again (chargeInFlight).
 */
export async function chargeReserved(req: ChargeRequest, now: Date): Promise<Charge | null> {
  const { code } = req;
  if (code.openid === req.merchantId) throw new DomainError('MERCHANT_OWN_CODE');
  // The code's community must be the shop's (refused below otherwise): its rules are the charge's.
  const rules = await merchantRules(code.communityId);
  // A charge above the per-charge cap is held for the resident's confirmation: the transaction's (its escrow, notice).
  if (req.points > rules.perCharge) return null;
  const read = (await balances().get(deskId(req.shopId)))?.desk;
  if (!read?.name) return null;
  const desk = assertOpen(read);
  if (code.communityId !== desk.communityId) throw new DomainError('MERCHANT_OTHER_COMMUNITY');
  const day = dayCst(now);
  const today = shopDay(desk, day);
  // The resident's cap is the reservation's condition; the shop's is refused here first, and held by the desk's.
  if (chargeMode(req.points, rules, { shop: today.total, resident: 0 }) !== 'direct') return null;
  // Written once paid, as a direct charge then stands.
  const charge: Charge = { ...newCharge(req, desk.name, 'direct', day, now), status: 'posted', pending: false };
  const spent = `merchantDays.${day}`;
  const reserved = await reserveDebit(paymentOf(charge), {
    where: [
      // A document still keeping today's spending the old way is charged in a transaction, which moves it.
      { 'usedCodes.id': _.neq(code.codeId), 'merchantDay.day': _.neq(day) },
      _.or([{ [`${spent}.total`]: _.lte(rules.residentDaily - req.points) }, { [spent]: _.exists(false) }]),
    ],
    changes: {
      [`${spent}.total`]: _.inc(req.points),
      [`${spent}.count`]: _.inc(1),
      usedCodes: _.push({ each: [{ id: code.codeId, until: code.expiresAt }], slice: -USED_KEPT }),
    },
    debit: { merchantDay: day, codeId: code.codeId },
  }).catch((error: unknown) => {
    // A document the update cannot apply to (a null where it pushes), or an answer lost: the transaction decides (and
    // finds this charge's code taken, if the update did land: its call is told to try again, chargeInFlight).
    console.warn('[merchant] reservation failed, charging in a transaction', error);
    return null;
  });
  if (!reserved) return whyNot(charge, rules, now);
  const { posting, balanceId, debit } = reserved;
  if (!(await holdOnDesk(charge, desk.today?.day === day, rules.shopDaily))) {
    await givePendingBack(balanceId, debit);
    return null;
  }
  const paidBefore = await insertReserved(posting, async () => {
    await Promise.all([givePendingBack(balanceId, debit), giveDeskBack(charge)]);
  });
  if (paidBefore) throw new DomainError('POINTS_CODE_USED');
  await insertCharge(charge);
  // Charged: the reply is a success whatever happens to the marks (left standing, the sweeps finish them).
  await Promise.all([creditShop(charge, posting.at), clearPending(balanceId, debit)]).catch((error: unknown) =>
    console.warn('[merchant] marks left to the sweeps', charge._id, error),
  );
  return charge;
}

/**
 * The reservation found nothing to take: most often the resident cannot pay, has spent their day or showed a code
 * already used — their balance as it is now says so and refuses, without a transaction. Null otherwise (a lapse
 * due, a balance in an older shape): the transaction decides.
 */
async function whyNot(charge: Charge, rules: MerchantRules, now: Date): Promise<null> {
  const doc = await balances().get(balanceId(account.user(charge.residentId), 'virtue'));
  assertUnused(doc?.usedCodes, charge.codeId);
  chargeMode(charge.points, rules, { shop: 0, resident: residentDay(doc, charge.day).total });
  const payment: Posting = { reversalOf: null, override: null, expiresAt: null, ...paymentOf(charge), at: now };
  if (overdraws(doc, payment)) throw new DomainError('POINTS_INSUFFICIENT');
  return null;
}

/** Counts the charge on the shop's desk, still open and in the community, within today's cap, with its mark. */
async function holdOnDesk(charge: Charge, sameDay: boolean, shopDaily: number): Promise<boolean> {
  const mark = deskMarkOf(charge._id);
  const open = { _id: deskId(charge.shopId), 'desk.status': 'active', 'desk.communityId': charge.communityId, [mark]: _.exists(false) };
  const held: HeldCharge = { charge, at: charge.createdAt };
  const counted = sameDay
    ? [
        { 'desk.today.day': charge.day, 'desk.today.total': _.lte(shopDaily - charge.points) },
        { 'desk.today.total': _.inc(charge.points), 'desk.today.count': _.inc(1) },
      ]
    : [{ 'desk.today.day': _.neq(charge.day) }, { 'desk.today': _.set({ day: charge.day, total: charge.points, count: 1, checks: 0 }) }];
  const updated = await balances()
    .where({ ...open, ...counted[0] } as Query<BalanceDoc>)
    .update({ ...counted[1], [mark]: held, deskPendingCount: _.inc(1) });
  return updated === 1;
}

/** The charge is paid: the shop is credited as its mark goes (once: only while the mark is there). */
async function creditShop(charge: Charge, at: Date): Promise<void> {
  const mark = deskMarkOf(charge._id);
  const lot: Lot = { postingId: chargePostingIds(charge._id).pay, remaining: charge.points, expiresAt: null };
  await balances()
    .where({ _id: deskId(charge.shopId), [mark]: _.exists(true) })
    .update({
      balance: _.inc(charge.points),
      lifetimeIn: _.inc(charge.points),
      lots: _.push([lot]),
      lapsesAt: _.min(NEVER_LAPSES),
      [mark]: _.remove(),
      deskPendingCount: _.inc(-1),
      updatedAt: at,
    });
}

/** The charge will not be paid: the shop's day counts it no more (if it is still today's), and its mark goes. */
async function giveDeskBack(charge: Charge): Promise<void> {
  const mark = deskMarkOf(charge._id);
  const base = { _id: deskId(charge.shopId), [mark]: _.exists(true) };
  const release = { [mark]: _.remove(), deskPendingCount: _.inc(-1) };
  const sameDay = await balances()
    .where({ ...base, 'desk.today.day': charge.day })
    .update({ ...release, 'desk.today.total': _.inc(-charge.points), 'desk.today.count': _.inc(-1) });
  if (sameDay === 0) await balances().where(base).update(release);
}

/** Writes a paid charge (the sweep may have written it already: then it is there, which is what counts). */
async function insertCharge(charge: Charge): Promise<void> {
  try {
    await charges().add({ _id: charge._id, ...fieldsOf(charge) });
  } catch (error) {
    if (!(await charges().get(charge._id))) throw error;
  }
}

/**
 * Whether this code's charge is on its way (its payment's points held on the resident's balance) though not written
 * yet: a retry or a second merchant arriving then must not be told the code is used when the charge may yet fail.
 */
export async function chargeInFlight(residentId: string, codeId: string): Promise<boolean> {
  const doc = await balances().get(balanceId(account.user(residentId), 'virtue'));
  return Boolean(doc?.pending?.[pendingField(chargePostingIds(chargeIdOf(codeId)).pay)]);
}

/** Marks live for milliseconds: a thousand desks marked at once is far beyond any crowd (index desk_pending_count). */
const PAGE = 1000;

/**
 * What the merchant's minute timer does first: it finishes the charges whose call died between counting them on
 * the desk and crediting the shop (chargeReserved). Decided by the payment, as the ledger's sweep decides the
 * resident's points: paid, the charge is written (if it is not) and the shop credited; not paid, the shop's day
 * counts it no more. Reads only the desks that carry a mark.
 */
export async function sweepDeskMarks(): Promise<Record<string, number>> {
  const now = Date.now();
  const tally = { desks: 0, kept: 0, returned: 0 };
  const marked = await balances()
    .where({ deskPendingCount: _.gt(0) })
    .limit(PAGE)
    .get();
  for (const doc of marked) {
    tally.desks += 1;
    for (const held of Object.values(doc.deskPending ?? {})) {
      if (now - new Date(held.at).getTime() < PENDING_STALE_MS) continue;
      const charge: Charge = { ...held.charge, createdAt: new Date(held.charge.createdAt), updatedAt: new Date(held.charge.updatedAt) };
      const payment = await findPosting(chargePostingIds(charge._id).pay);
      if (payment) {
        await insertCharge(charge);
        await creditShop(charge, new Date(payment.at));
        tally.kept += 1;
      } else {
        await giveDeskBack(charge);
        tally.returned += 1;
      }
    }
  }
  return tally;
}
