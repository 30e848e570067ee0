import { randomBytes } from 'node:crypto';
import { isSystemAccount, kindOf, pendingField, type Posting, type PostingInput } from '../../../src/shared/domain/ledger';
import { _, collections } from '../platform/runtime';
import { table, type Query } from '../platform/typed-db';
import { balanceId, balancesAfter, findPosting, type BalanceDoc, type PendingDebit } from './balances';
import type { PostOptions, PostResult } from './index';

/**
 * How old a pending mark must be before a sweep decides it (a debit's here, a mall order's stock in the mall): well
 * past the longest a call can run (the functions' timeout is 20 s, a transaction lives 30 s), so no call that made the
 * mark can still insert its posting.
 */
export const PENDING_STALE_MS = 2 * 60 * 1000;

/**
 * Whether `post` may reserve the debit first (quickDebit): a person pays a system account (a deduction, a payment to
 * the mall or the fee fund) and nothing else moves with it — no other holder credited, no lot named, no overdraft, no
 * party tally, no reversal (which moves lifetime credit) — and nothing of the debited balance was read by the caller.
 */
export function reservable(p: PostingInput, opts: PostOptions): boolean {
  if (kindOf(p.from) !== 'user' || !isSystemAccount(p.to) || p.asset === 'party' || p.reversalOf || p.override) return false;
  return !opts.fromLot && !opts.overdraft && !opts.debited && !opts.credited;
}

/**
 * A debit that does not contend: its points are taken from the balance by one conditional update (enough points, no
 * lapsed lot waiting to expire, not reserved for this posting already) that leaves a pending mark, then the posting
 * is inserted by its id, then the mark is cleared. A crowd of spends on one balance goes through one by one at the
 * database, without a transaction to lose and retry. Null when the update finds nothing to reserve (too few points,
 * a lapse due, a balance not yet kept this way, the same posting reserved by a twin): the transaction decides then.
 *
 * Each step can be cut short, and a refusal still means nothing was posted:
 * - the posting with this id exists already (a retry of a call that went through): the points go back, and the call
 *   is answered as a replay;
 * - the insert fails otherwise, or the call dies between the steps: the mark stays, and the error is not a refusal
 *   (the insert may yet land). The sweep (sweepPendingDebits) decides the mark once no call can still be running: it
 *   keeps the debit if its posting is in and gives the points back if not. A retry before then finds the mark, and
 *   its transaction makes the posting with the points already taken (settle) or finds it made.
 * The reconcile counts a marked debit whose posting is not in as still held (proof.ts).
 * The call's retry record is the posting itself: a retry finds it and is answered as a replay.
 */
export async function quickDebit(input: PostingInput, opts: PostOptions): Promise<PostResult | null> {
  const reserved = await reserveDebit(input);
  if (!reserved) return null;
  const { posting, balanceId: id, debit } = reserved;
  const existing = await insertReserved(posting, () => givePendingBack(id, debit));
  if (existing) return { posting: existing, replayed: true, balances: await balancesAfter(existing) };
  // Posted: the reply is a success whatever happens to the mark (left standing, the sweep clears it).
  const cleared = clearPending(id, debit).catch((error: unknown) => console.warn('[ledger] pending mark left to the sweep', posting._id, error));
  const [, after] = await Promise.all([cleared, table(collections.balances).get(id)]);
  const result: PostResult = { posting, replayed: false, balances: new Map([[posting.from, after?.balance ?? 0]]) };
  opts.record?.request?.stage(opts.record.output(result));
  opts.record?.request?.committed();
  return result;
}

/** A debit reserved on its balance (reserveDebit): the posting to insert, and the mark that holds its points. */
export interface ReservedDebit {
  posting: Posting;
  balanceId: string;
  debit: PendingDebit;
}

/**
 * The first step of a reserved debit, for a use case that reserves more than points before it posts (a mall order
 * takes the stock the same way): the points are taken from the balance by one conditional update that leaves the
 * mark. Null when there is nothing to reserve (see quickDebit); the caller then lets a transaction decide. The caller
 * goes on as quickDebit does: insertReserved, then clearPending — or givePendingBack when it will not post.
 */
export async function reserveDebit(input: PostingInput, also?: ReserveAlso): Promise<ReservedDebit | null> {
  const attempt = randomBytes(8).toString('hex');
  const posting: Posting = { reversalOf: null, override: null, expiresAt: null, ...input, at: new Date(), attempt };
  const id = balanceId(posting.from, posting.asset);
  const mark = markOf(posting._id);
  const debit: PendingDebit = { postingId: posting._id, amount: posting.amount, at: posting.at, ...also?.debit };
  const base = { _id: id, balance: _.gte(posting.amount), unsettled: _.gte(0), lapsesAt: _.gt(posting.at), [mark]: _.exists(false) };
  const where = also?.where ? (_.and([base, ...also.where]) as unknown as Query<BalanceDoc>) : base;
  const changes = { balance: _.inc(-posting.amount), unsettled: _.inc(posting.amount), pendingCount: _.inc(1), [mark]: debit, updatedAt: posting.at };
  const reserved = await table(collections.balances)
    .where(where)
    .update({ ...changes, ...also?.changes });
  return reserved === 0 ? null : { posting, balanceId: id, debit };
}

/** What a use case reserves on the same balance with the points (a merchant charge: its day's total, its code). */
export interface ReserveAlso {
  /** Conditions besides enough points (each a query; all must hold). */
  where?: object[];
  /** Changes besides the points and the mark. */
  changes?: Record<string, unknown>;
  /** What the mark carries for the points' giving back (givePendingBack). */
  debit?: Pick<PendingDebit, 'merchantDay' | 'codeId' | 'holdUntil'>;
}

/**
 * Inserts a reserved debit's posting: null once it is in, or the posting that had this id before (its points given
 * back first). An insert that failed with no posting there throws and leaves the mark: the request may still land
 * (a lost answer, a timeout), so only the sweep, once no request of this call can, decides whether the points go back.
 */
export async function insertReserved(posting: Posting, giveBack: () => Promise<void>): Promise<Posting | null> {
  const { _id, ...fields } = posting;
  try {
    await table(collections.postings).add({ _id, ...fields, accounts: [posting.from, posting.to] });
    return null;
  } catch (error) {
    const found = await findPosting(_id);
    if (!found) throw error;
    // The insert went in and only its answer was lost: the posting carrying this call's own attempt is this one.
    // Anything else was posted by a twin — a call that went through before this one reserved, or a retry's
    // transaction — and this call's reservation goes back.
    if (found.attempt === posting.attempt) return null;
    await giveBack();
    return found;
  }
}

/** The debit's posting is in: its mark goes (if the retry's transaction has not taken it already). */
export async function clearPending(id: string, debit: PendingDebit): Promise<void> {
  const mark = markOf(debit.postingId);
  await table(collections.balances)
    .where({ _id: id, [mark]: _.exists(true) })
    .update({ [mark]: _.remove(), pendingCount: _.inc(-1) });
}

/**
 * The debit's posting will never be in: its points go back with its mark (if the mark is still there), and what a
 * merchant charge took with them (the day's spending, the code).
 */
export async function givePendingBack(id: string, debit: PendingDebit): Promise<void> {
  const mark = markOf(debit.postingId);
  const day = debit.merchantDay
    ? { [`merchantDays.${debit.merchantDay}.total`]: _.inc(-debit.amount), [`merchantDays.${debit.merchantDay}.count`]: _.inc(-1) }
    : {};
  const code = debit.codeId ? { usedCodes: _.pull({ id: debit.codeId }) } : {};
  await table(collections.balances)
    .where({ _id: id, [mark]: _.exists(true) })
    .update({
      balance: _.inc(debit.amount),
      unsettled: _.inc(-debit.amount),
      pendingCount: _.inc(-1),
      [mark]: _.remove(),
      updatedAt: new Date(),
      ...day,
      ...code,
    });
}

/** The path of a posting's mark on its balance (`pending.<field>`), as a query and an update name it. */
const markOf = (postingId: string) => `pending.${pendingField(postingId)}`;
