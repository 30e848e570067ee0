import { DomainError } from '../../../src/shared/domain/errors';
import { account, pendingField } from '../../../src/shared/domain/ledger';
import { chargeMode, shopDay } from '../../../src/shared/domain/merchant';
import { chargeIdOf, chargePostingIds, paymentOf, type Charge } from '../../../src/shared/domain/merchant-charge';
import { dayCst } from '../../../src/shared/domain/time';
import { _, collections } from '../platform/runtime';
import { table } from '../platform/typed-db';
import { balanceId, clearPending, findPosting, givePendingBack, insertReserved, PENDING_STALE_MS, reserveDebit } from '.';
import { charges, newCharge, type ChargeRequest } from './charges';
import { chargeOf, creditShop, giveDeskBack, holdOnDesk, insertCharge, reservation, whyNot, type At } from './charge-marks';
import { heldDebit, holdOnBalance, residentBalanceId } from './held-charge';
import { assertOpen, deskId } from './shop-desk';
import { merchantRules } from './shops';

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
