import type { ErrorCode } from '../../../src/shared/contract/errors';
import { DomainError } from '../../../src/shared/domain/errors';
import { kindOf, reversalOf } from '../../../src/shared/domain/ledger';
import {
  assertChargeMove,
  assertRefundable,
  chargePostingIds,
  holdOpen,
  paymentOf,
  settlementOf,
  throughEscrow,
  type Charge,
} from '../../../src/shared/domain/merchant-charge';
import { afterPayment, charges, countIn, holdNotice, reserveIn, type ChargeRequest } from './charges';
import { settleHeld } from './held-charge';
import { _ } from '../platform/runtime';
import { AlreadyPosted, findPosting, post, postIn } from '.';
import { saveDeskIn } from './shop-desk';
import type { Notice } from '../platform/outbox';
import { expiryFor } from './point-rules';
import { collections } from '../platform/runtime';
import { fieldsOf, transact } from '../platform/transact';
import { tableIn, type Tx } from '../platform/typed-db';

type Step = { changes: Partial<Charge>; notices?: Notice[] } | null;

/**
 * Changes a charge as it stands now, in one transaction with what the change brings along (tallies, the
 * code, notices); a plan that returns null leaves it as it is. Every status change goes through here.
 */
async function update(id: string, missing: ErrorCode, plan: (tx: Tx, current: Charge) => Promise<Step>): Promise<Charge> {
  return transact(async (tx, unit) => {
    const charges = tableIn(tx, collections.merchantCharges);
    const current = await charges.get(id);
    if (!current) throw new DomainError(missing);
    const step = await plan(tx, current);
    if (!step) return current;
    if (step.changes.status) assertChargeMove(current.status, step.changes.status);
    const changes = { ...step.changes, updatedAt: new Date() };
    await charges.change(id, changes);
    await unit.notify(step.notices ?? []);
    return { ...current, ...changes };
  }, 'POINTS_BUSY');
}

/**
 * 核销 in one transaction: the code taken, the charge counted against both daily caps, the resident's points
 * paid to the shop (or into escrow, for a charge held for the resident's confirmation) and the charge recorded:
 * the charge is the call's retry record. Points short, a cap reached, a code used or a shop suspended: nothing is
 * written at all, the code included, so the resident need not refresh it.
 */
export async function chargeNow(req: ChargeRequest, now: Date): Promise<Charge> {
  return transact(async (tx, unit) => {
    const { charge: reserved, resident, shop } = await reserveIn(tx, req, now);
    // A direct charge credits the shop's balance, which is its desk: written once, with the day moved.
    const direct = reserved.mode === 'direct';
    await saveDeskIn(tx, shop.read, shop.desk, direct);
    // A held charge's escrow (`hold:<chargeId>`) is this charge's own account, and nothing has been posted to it
    // unless this payment has (its insert below refuses the repeat): it is written new, not incremented first.
    const credit = direct ? { credited: { doc: shop.read.doc, also: { desk: shop.desk } } } : { credited: { doc: null, also: {} } };
    try {
      await postIn(tx, paymentOf(reserved), { debited: resident, ...credit });
    } catch (error) {
      // The payment's id is the code's: another merchant's charge of this code committed since it was read.
      if (error instanceof AlreadyPosted) throw new DomainError('POINTS_CODE_USED');
      throw error;
    }
    const paid: Charge = { ...reserved, ...afterPayment(reserved, now), pending: false };
    await tableIn(tx, collections.merchantCharges).set(paid._id, fieldsOf(paid));
    await unit.notify(paid.holdUntil ? [holdNotice(paid, paid.holdUntil)] : []);
    return paid;
  }, 'POINTS_BUSY');
}

/** A busy ledger leaves the work for the timer: the caller sees the charge as still pending. */
async function posted(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'POINTS_BUSY') return false;
    throw error;
  }
}

/**
 * Pays a reserved charge with one posting keyed by the charge. Points short (spent elsewhere since the
 * scan): the charge is refused and its tallies undone, unless the payment landed meanwhile (a rerun finds it).
 */
async function pay(charge: Charge): Promise<Charge> {
  try {
    if (!(await posted(() => post(paymentOf(charge))))) return charge;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'POINTS_INSUFFICIENT') throw error;
    return update(charge._id, 'CHARGE_NOT_FOUND', async (tx, c) => {
      if (c.status !== 'reserved' || (await tableIn(tx, collections.postings).get(chargePostingIds(c._id).pay))) return null;
      await countIn(tx, c, -1);
      return { changes: { status: 'refused', pending: false } };
    });
  }
  const now = new Date();
  return update(charge._id, 'CHARGE_NOT_FOUND', async (_tx, c) => {
    if (c.status !== 'reserved') return null;
    const next = afterPayment(c, now);
    return { changes: { ...next, pending: false }, notices: next.holdUntil ? [holdNotice(c, next.holdUntil)] : [] };
  });
}

/** A refund reverses what reached the shop: for a hold, shop → escrow and then escrow → resident. */
async function reverseAll(charge: Charge): Promise<void> {
  const ids = chargePostingIds(charge._id);
  const by = { openid: charge.merchantId, name: charge.shopName };
  for (const id of throughEscrow(charge) ? [ids.paid, ids.pay] : [ids.pay]) {
    const original = await findPosting(id);
    if (original) await post(reversalOf(original, by, `「${charge.shopName}」退还：${charge.refundReason ?? ''}`));
  }
}

/** Escrow emptied back to the resident is a fresh credit to them, so it lapses by the community's rules. */
async function settle(charge: Charge) {
  const posting = settlementOf(charge);
  const expiresAt = kindOf(posting.to) === 'user' ? await expiryFor(charge.communityId, 'virtue') : null;
  return post({ ...posting, expiresAt });
}

/**
 * Does the ledger work a charge's status still owes, then records it done. Every posting is keyed by the
 * charge, so running this again — after a crash, from the timer — never moves points twice.
 */
export async function advance(charge: Charge): Promise<Charge> {
  if (!charge.pending) return charge;
  if (charge.status === 'reserved') return pay(charge);
  const work = charge.status === 'refunded' ? () => reverseAll(charge) : charge.onBalance ? () => settleHeld(charge) : () => settle(charge);
  if (!(await posted(work))) return charge;
  // Done, if the status is still the one the work was for (one conditional update, no transaction to read it in).
  const updatedAt = new Date();
  const done = await charges().where({ _id: charge._id, pending: true, status: charge.status }).update({ pending: false, updatedAt });
  return done === 1 ? { ...charge, pending: false, updatedAt } : ((await charges().get(charge._id)) ?? charge);
}

/**
 * Moves an open hold kept on the resident's balance to `to` by one conditional update (still awaiting: the resident's
 * other tap and the timer cannot both move it), with its ledger work owed (advance). Null when it moved meanwhile.
 */
async function moveHeld(charge: Charge, to: 'confirmed' | 'rejected' | 'expired', now: Date): Promise<Charge | null> {
  assertChargeMove(charge.status, to);
  const moved = await charges().where({ _id: charge._id, status: 'awaiting' }).update({ status: to, pending: true, updatedAt: now });
  return moved === 1 ? { ...charge, status: to, pending: true, updatedAt: now } : null;
}

/**
 * 确认/拒绝: the resident decides a hold. Past its deadline the hold expires instead (and the points go
 * back) whatever was asked; the caller is then told it was closed.
 */
export async function decideHold(id: string, openid: string, decision: 'confirmed' | 'rejected'): Promise<Charge> {
  const now = new Date();
  const read = await charges().get(id);
  if (!read || read.residentId !== openid || read.mode !== 'hold') throw new DomainError('POINTS_HOLD_NOT_FOUND');
  const decided = read.onBalance ? await decideHeld(read, decision, now) : await decideEscrowed(id, openid, decision, now);
  const settled = await advance(decided);
  if (settled.status !== decision) throw new DomainError('POINTS_HOLD_CLOSED');
  return settled;
}

/** A hold on the resident's balance, decided (or found decided: a retry, the other tap, the timer). */
async function decideHeld(read: Charge, decision: 'confirmed' | 'rejected', now: Date): Promise<Charge> {
  if (read.status !== 'awaiting') return read;
  const moved = await moveHeld(read, holdOpen(read, now) ? decision : 'expired', now);
  return moved ?? (await charges().get(read._id)) ?? read;
}

/** A hold through escrow (made in a transaction), decided in one with its tallies. */
async function decideEscrowed(id: string, openid: string, decision: 'confirmed' | 'rejected', now: Date): Promise<Charge> {
  return update(id, 'POINTS_HOLD_NOT_FOUND', async (tx, c) => {
    if (c.residentId !== openid || c.mode !== 'hold') throw new DomainError('POINTS_HOLD_NOT_FOUND');
    if (c.status !== 'awaiting') return null;
    const to = holdOpen(c, now) ? decision : 'expired';
    if (to !== 'confirmed') await countIn(tx, c, -1);
    return { changes: { status: to, pending: true } };
  });
}

/** The timer's half of a hold: past the deadline with no answer, the points go back. */
export async function expireHold(charge: Charge, now: Date): Promise<Charge> {
  if (charge.onBalance) {
    if (holdOpen(charge, now)) return charge;
    const moved = await moveHeld(charge, 'expired', now);
    return moved ? advance(moved) : charge;
  }
  const expired = await update(charge._id, 'CHARGE_NOT_FOUND', async (tx, c) => {
    if (c.status !== 'awaiting' || holdOpen(c, now)) return null;
    await countIn(tx, c, -1);
    return { changes: { status: 'expired', pending: true } };
  });
  return advance(expired);
}

/** 退还: the same day, a charge whose points reached the shop goes back by reversing postings. */
export async function refundCharge(id: string, shopId: string, reason: string): Promise<Charge> {
  const now = new Date();
  const marked = await update(id, 'CHARGE_NOT_FOUND', async (tx, c) => {
    if (c.shopId !== shopId) throw new DomainError('CHARGE_NOT_FOUND');
    assertRefundable(c, now);
    await countIn(tx, c, -1);
    return { changes: { status: 'refunded', pending: true, refundReason: reason } };
  });
  return advance(marked);
}
