import { DomainError } from '../../../src/shared/domain/errors';
import { account, type Posting } from '../../../src/shared/domain/ledger';
import { HOLD_MS, chargePostingIds, paymentOf, type Charge } from '../../../src/shared/domain/merchant-charge';
import { collections } from '../platform/runtime';
import { notifyNow } from '../platform/messages';
import { table } from '../platform/typed-db';
import { balanceId, clearPending, findPosting, givePendingBack, reserveDebit, type PendingDebit } from '.';
import { holdNotice } from './charges';
import { creditShop, giveDeskBack, holdOnDesk, insertCharge, reservation, whyNot, type At } from './charge-marks';

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
export async function holdOnBalance(draft: Charge, at: At): Promise<Charge | null> {
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

export const residentBalanceId = (charge: Charge) => balanceId(account.user(charge.residentId), 'virtue');

/** The mark a hold left on the resident's balance, as givePendingBack and clearPending name it. */
export function heldDebit(charge: Charge, { withCode }: { withCode: boolean }): PendingDebit {
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
