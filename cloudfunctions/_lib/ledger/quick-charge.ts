import { DomainError } from '../../../src/shared/domain/errors';
import { account, NEVER_LAPSES, pendingField, type Lot, type Posting } from '../../../src/shared/domain/ledger';
import { assertUnused } from '../../../src/shared/domain/points-code';
import { chargeMode, shopDay, type MerchantRules } from '../../../src/shared/domain/merchant';
import { HOLD_MS, chargeIdOf, chargePostingIds, paymentOf, type Charge } from '../../../src/shared/domain/merchant-charge';
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
  type PendingDebit,
} from '.';
import type { ReserveAlso } from './reserved-debit';
import { charges, holdNotice, newCharge, residentDay, type ChargeRequest } from './charges';
import { notifyNow } from '../platform/messages';
import { overdraws } from './balances';
import { assertOpen, deskId } from './shop-desk';
import { merchantRules } from './shops';

/** A resident's used codes kept by a charge without a transaction: far more than can be live (a code lives 60 s). */
const USED_KEPT = 20;

const deskMarkOf = (chargeId: string) => `deskPending.${pendingField(chargeId)}`;
const balances = () => table(collections.balances);

/**
 * 核销 without a transaction, as nearly every charge goes: one at a shop whose desk is on its balance. The desk is
 * read (the shop's name, and what refuses at once: a suspension, another community, the shop's cap), and then the
 * charge is paid at once within the per-charge cap (payNow) or held for the resident's confirmation above it
 * (holdOnBalance). Both take what the charge moves on the resident's balance in one conditional update with the
 * points (reservation): today's spending within their cap, and the code, which must not have been used; and both
 * count the charge on the shop's desk by a conditional update (still open, today's total within its cap) that marks
 * it there.
 * What refuses is said from what was read: the desk before anything is taken, the resident's balance (too few
 * points, their day spent, the code used) once their reservation took nothing (whyNot). Null otherwise (the desk
 * changed since its read, a shop or a balance not kept this way, a lapse due): whatever was taken goes back, and the
 * transaction (charge-ledger.ts chargeNow) decides and answers.
 */
export async function chargeReserved(req: ChargeRequest, now: Date): Promise<Charge | null> {
  const { code } = req;
  if (code.openid === req.merchantId) throw new DomainError('MERCHANT_OWN_CODE');
  // The code's community must be the shop's (refused below otherwise): its rules are the charge's.
  const rules = await merchantRules(code.communityId);
  const read = (await balances().get(deskId(req.shopId)))?.desk;
  if (!read?.name) return null;
  const desk = assertOpen(read);
  if (code.communityId !== desk.communityId) throw new DomainError('MERCHANT_OTHER_COMMUNITY');
  const day = dayCst(now);
  // The resident's cap is the reservation's condition; the shop's is refused here first, and held by the desk's.
  const mode = chargeMode(req.points, rules, { shop: shopDay(desk, day).total, resident: 0 });
  const charge = newCharge(req, desk.name, mode, day, now);
  const at: At = { rules, sameDay: desk.today?.day === day, codeUntil: code.expiresAt, now };
  return mode === 'direct' ? payNow({ ...charge, status: 'posted', pending: false }, at) : holdOnBalance(charge, at);
}

/** What a charge is made under: the community's rules, whether the desk's day is today, the code's expiry, the time. */
type At = { rules: MerchantRules; sameDay: boolean; codeUntil: Date; now: Date };

/**
 * A direct charge:
 * 1. the resident's points are reserved (the ledger's reserveDebit, with the charge's reservation);
 * 2. the shop's desk counts the charge and marks it held;
 * 3. the payment's posting is inserted by its id (the code's), which decides: before it everything goes back, after
 *    it the charge stands;
 * 4. the charge is written, then the shop is credited as its mark goes, and the resident's mark is cleared.
 *
 * Cut short, a refusal still means nothing was posted:
 * - the payment was posted before (another merchant's charge of this code, or this call's first attempt): both go
 *   back, and the code is answered as used (the handler answers a retry with its charge);
 * - the call dies after a reservation: the marks stay and the reply is an error. The ledger's sweep gives the
 *   resident's points and day back unless the payment is in; the merchant sweep (sweepDeskMarks) writes the charge
 *   and credits the shop if it is, and gives the shop's day back if not. A retry meanwhile finds the code used and
 *   its charge not yet there: it is told to try again (chargeInFlight).
 */
async function payNow(charge: Charge, at: At): Promise<Charge | null> {
  const reserved = await reserveDebit(paymentOf(charge), reservation(charge, at)).catch((error: unknown) => {
    // A document the update cannot apply to (a null where it pushes), or an answer lost: the transaction decides (and
    // finds this charge's code taken, if the update did land: its call is told to try again, chargeInFlight).
    console.warn('[merchant] reservation failed, charging in a transaction', error);
    return null;
  });
  if (!reserved) return whyNot(charge, at);
  const { posting, balanceId, debit } = reserved;
  if (!(await holdOnDesk(charge, at))) {
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
 * A charge above the per-charge cap, held for the resident's confirmation as a two-phase payment: nothing is posted
 * until they confirm. The desk counts it and marks it first (its mark stands for the hold until it is decided, so
 * the merchant sweep finds every hold there), then the resident's points are reserved with a mark that waits for
 * the answer, then the charge is written, which decides: the hold stands. The resident is asked (消息, and a
 * subscribe message if they allowed one). Deciding it (charge-ledger.ts decideHold, expireHold) posts the payment
 * straight to the shop, or gives the points back.
 *
 * Cut short before the charge is written, both marks stay and the reply is an error: the merchant sweep gives both
 * back once no call can still write it (sweepDeskMarks), and a retry meanwhile is told to try again
 * (chargeInFlight). Nothing is posted either way.
 */
async function holdOnBalance(draft: Charge, at: At): Promise<Charge | null> {
  const holdUntil = new Date(at.now.getTime() + HOLD_MS);
  const charge: Charge = { ...draft, status: 'awaiting', pending: false, holdUntil, onBalance: true };
  if (!(await holdOnDesk(charge, at))) return null;
  const also = reservation(charge, at);
  // An error here leaves the desk's mark to the sweep: the reservation may have landed with its answer lost.
  const reserved = await reserveDebit(paymentOf(charge), { ...also, debit: { ...also.debit, holdUntil } });
  if (!reserved) {
    await giveDeskBack(charge);
    return whyNot(charge, at);
  }
  await insertCharge(charge);
  const notice = holdNotice(charge, holdUntil);
  await notifyNow([notice], `${charge._id}-hold`).catch((error: unknown) => console.warn('[merchant] hold notice not sent', charge._id, error));
  return charge;
}

/**
 * What a charge reserves on the resident's balance with the points, in the same conditional update: the day's spending
 * within their cap (`merchantDays.<day>`), and the code, which must not have been used (kept on `usedCodes`).
 */
function reservation(charge: Charge, { rules, codeUntil }: At): ReserveAlso & { debit: NonNullable<ReserveAlso['debit']> } {
  const spent = `merchantDays.${charge.day}`;
  return {
    where: [
      // A document still keeping today's spending the old way is charged in a transaction, which moves it.
      { 'usedCodes.id': _.neq(charge.codeId), 'merchantDay.day': _.neq(charge.day) },
      _.or([{ [`${spent}.total`]: _.lte(rules.residentDaily - charge.points) }, { [spent]: _.exists(false) }]),
    ],
    changes: {
      [`${spent}.total`]: _.inc(charge.points),
      [`${spent}.count`]: _.inc(1),
      usedCodes: _.push({ each: [{ id: charge.codeId, until: codeUntil }], slice: -USED_KEPT }),
    },
    debit: { merchantDay: charge.day, codeId: charge.codeId },
  };
}

/**
 * The reservation found nothing to take: most often the resident cannot pay, has spent their day or showed a code
 * already used — their balance as it is now says so and refuses, without a transaction. Null otherwise (a lapse
 * due, a balance in an older shape): the transaction decides.
 */
async function whyNot(charge: Charge, { rules, now }: At): Promise<null> {
  const doc = await balances().get(balanceId(account.user(charge.residentId), 'virtue'));
  assertUnused(doc?.usedCodes, charge.codeId);
  chargeMode(charge.points, rules, { shop: 0, resident: residentDay(doc, charge.day).total });
  const payment: Posting = { reversalOf: null, override: null, expiresAt: null, ...paymentOf(charge), at: now };
  if (overdraws(doc, payment)) throw new DomainError('POINTS_INSUFFICIENT');
  return null;
}

/** Counts the charge on the shop's desk, still open and in the community, within today's cap, with its mark. */
async function holdOnDesk(charge: Charge, { sameDay, rules }: At): Promise<boolean> {
  const shopDaily = rules.shopDaily;
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

/** Marks live for milliseconds (a hold's, minutes): a thousand desks marked at once is far beyond any crowd (index desk_pending_count). */
const PAGE = 1000;

/**
 * What the merchant's minute timer does first: it finishes the charges whose call died between counting them on
 * the desk and crediting the shop (chargeReserved), and gives back the holds whose call died before writing them.
 * A direct charge is decided by the payment, as the ledger's sweep decides the resident's points: paid, the charge is
 * written (if it is not) and the shop credited; not paid, the shop's day counts it no more. A hold's mark is looked
 * at once its deadline has passed: with its charge written, the charge decides it (the timer's next steps expire it
 * or finish its decision: charge-ledger.ts); without, the points, the day and the code go back to the resident and the
 * shop's day counts it no more. Reads only the desks that carry a mark, and a hold's charge by id.
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
      const charge = chargeOf(held);
      if (charge.onBalance) {
        if (charge.holdUntil && now >= charge.holdUntil.getTime() && !(await charges().get(charge._id))?.onBalance) {
          // Never written, or written by the transaction a retry fell back to (an escrow hold, which counts itself).
          await Promise.all([givePendingBack(residentBalanceId(charge), heldDebit(charge, { withCode: true })), giveDeskBack(charge)]);
          tally.returned += 1;
        }
        continue;
      }
      if (now - new Date(held.at).getTime() < PENDING_STALE_MS) continue;
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

/** The charge a desk's mark carries, its times as dates. */
function chargeOf(held: HeldCharge): Charge {
  const c = held.charge;
  return { ...c, createdAt: new Date(c.createdAt), updatedAt: new Date(c.updatedAt), holdUntil: c.holdUntil ? new Date(c.holdUntil) : null };
}

const residentBalanceId = (charge: Charge) => balanceId(account.user(charge.residentId), 'virtue');

/** The mark a hold left on the resident's balance, as givePendingBack and clearPending name it. */
function heldDebit(charge: Charge, { withCode }: { withCode: boolean }): PendingDebit {
  const debit: PendingDebit = { postingId: chargePostingIds(charge._id).pay, amount: charge.points, at: charge.createdAt, merchantDay: charge.day };
  return withCode ? { ...debit, codeId: charge.codeId } : debit;
}

/**
 * The ledger work of a decided hold kept on the resident's balance (charge-ledger.ts advance runs it until it is
 * done): confirmed, the payment is posted straight to the shop, the shop credited as its desk's mark goes and the
 * resident's mark cleared; rejected or expired, the points and the day go back to the resident (the code stays used:
 * it was charged) and the shop's day counts it no more. Each step is by id or by mark, so running it again after a
 * crash changes nothing twice.
 */
export async function settleHeld(charge: Charge): Promise<void> {
  const balanceId = residentBalanceId(charge);
  const debit = heldDebit(charge, { withCode: false });
  if (charge.status === 'rejected' || charge.status === 'expired') {
    await Promise.all([givePendingBack(balanceId, debit), giveDeskBack(charge)]);
    return;
  }
  if (charge.status !== 'confirmed') throw new DomainError('CHARGE_STATE');
  const payment: Posting = { reversalOf: null, override: null, expiresAt: null, ...paymentOf(charge), at: new Date() };
  const { _id, ...fields } = payment;
  try {
    await table(collections.postings).add({ _id, ...fields, accounts: [payment.from, payment.to] });
  } catch (error) {
    // Posted by an earlier run of this (its answer lost, or cut short after): nothing else posts this id.
    if (!(await findPosting(_id))) throw error;
  }
  await Promise.all([clearPending(balanceId, debit), creditShop(charge, payment.at)]);
}
