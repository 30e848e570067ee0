import { DomainError } from '../../../src/shared/domain/errors';
import { tallyId, type PartyTally } from '../../../src/shared/domain/party';
import { monthOf } from '../../../src/shared/domain/time';
import {
  assertValidPosting,
  isSystemAccount,
  kindOf,
  NEVER_LAPSES,
  type AccountId,
  type Lot,
  type Posting,
  type PostingInput,
} from '../../../src/shared/domain/ledger';
import { _, collections } from '../platform/runtime';
import { transact, type RetryRecord } from '../platform/transact';
import { tableIn, type Tx } from '../platform/typed-db';
import { balanceId, balancesAfter, emptyBalance, findPosting, moveIn, moveOut, overdraws, withoutId, type BalanceDoc } from './balances';
import { quickDebit, reservable } from './reserved-debit';

export { balanceId, balancesOf, findPosting, type BalanceDoc, type HeldCharge, type MerchantDay, type PendingDebit } from './balances';
export {
  clearPending,
  givePendingBack,
  insertReserved,
  PENDING_STALE_MS,
  reserveDebit,
  type ReserveAlso,
  type ReservedDebit,
} from './reserved-debit';

export interface PostOptions {
  /** For expiry: take the points from this lot even though it has lapsed. */
  fromLot?: string;
  /**
   * A credited person or shop is moved by increment, unread (one request instead of two), unless the caller
   * answers with their new balance: then it is read and written back, as a debit always is.
   */
  creditBalance?: 'read' | 'unread';
  /** When a debit would overdraw: the staff override to post it with instead of refusing (party deductions). */
  overdraft?: Posting['override'];
  /**
   * The debited person's balance as the caller already read it in this transaction (so it is not read twice),
   * and what else to write on it with the debit (a resident's day at merchants, the code a merchant took).
   */
  debited?: { doc: BalanceDoc | null; also: Partial<Pick<BalanceDoc, 'merchantDay' | 'merchantDays' | 'usedCodes'>> };
  /** The same for the credited side: read by the caller in this transaction, written once with what else it keeps. */
  credited?: { doc: BalanceDoc | null; also: Partial<Pick<BalanceDoc, 'desk'>> };
  /**
   * The call's retry record, written in the posting's transaction with what the call answers
   * (`output` of the result), so the reply is on record exactly when the posting is.
   */
  record?: { request: RetryRecord | undefined; output: (result: PostResult) => unknown };
  /**
   * The transaction lost to others before: the holders' balances are read and written before the posting is
   * inserted, not after (see postIn).
   */
  contended?: boolean;
}

export interface PostResult {
  posting: Posting;
  replayed: boolean;
  /** The balances of the posting's person, shop or escrow sides once it is in (system accounts keep none). */
  balances: ReadonlyMap<AccountId, number>;
}

/** A posting with this id exists: the transaction that found it must end, and the call is answered as a replay. */
export class AlreadyPosted extends Error {
  constructor(readonly cause: unknown) {
    super('posting exists');
  }
}

/**
 * Appends one posting and moves the cached balances of its person, shop or escrow sides in one transaction. Idempotent: if a posting with
 * this id exists, nothing changes and the first one is returned (`replayed`). A person's or a shop's
 * balance never goes below zero (POINTS_INSUFFICIENT) unless the posting carries a staff override.
 *
 * One transaction per posting, and no more requests than it needs: the posting is inserted (a duplicate
 * insert is how an existing one is found), a system account keeps no balance to move, and
 * the person's balance — the document a crowd of spends contends for — is read and written right after the posting
 * is inserted, or, once the transaction has lost to others, before it (insertPosting), so a crowd's losers stop at
 * their write of it. A person's plain debit to a community account is first reserved without a transaction
 * (quickDebit), so a crowd of spends does not contend at all; the transaction decides what the reservation cannot.
 */
export async function post(input: PostingInput, opts: PostOptions = {}): Promise<PostResult> {
  assertValidPosting(input);
  if (reservable(input, opts)) {
    const quick = await quickDebit(input, opts);
    if (quick) return quick;
  }
  try {
    return await transact((tx, { lost }) => postIn(tx, input, { ...opts, contended: lost > 0 }), { busy: 'POINTS_BUSY', record: opts.record });
  } catch (error) {
    return replayOf(input._id, error);
  }
}

/**
 * After a transaction that ran `postIn` failed: if it found its posting already made, the first posting (and
 * the balances as they stand) is the answer; any other failure is rethrown.
 */
async function replayOf(postingId: string, error: unknown): Promise<PostResult> {
  if (!(error instanceof AlreadyPosted)) throw error;
  const existing = await findPosting(postingId);
  if (!existing) throw error.cause;
  return { posting: existing, replayed: true, balances: await balancesAfter(existing) };
}

/**
 * The posting's writes inside the caller's transaction, so that an effect (a wish confirmed, an order made,
 * a charge taken) and its posting commit together or not at all. Throws AlreadyPosted when a posting with this
 * id exists; the caller must then let its transaction end (as `post` does) and answer as a replay.
 */
export async function postIn(tx: Tx, input: PostingInput, opts: PostOptions = {}): Promise<PostResult> {
  assertValidPosting(input);
  const now = new Date();
  let posting: Posting = { reversalOf: null, override: null, expiresAt: null, ...input, at: now };
  // A debit the caller lets overdraw is read first: whether it does is written on the posting itself.
  let debited: BalanceDoc | null | undefined = opts.debited?.doc;
  if (debited === undefined && opts.overdraft && !posting.override && !isSystemAccount(posting.from)) {
    debited = await tableIn(tx, collections.balances).get(balanceId(posting.from, posting.asset));
  }
  if (debited !== undefined && opts.overdraft && !posting.override) {
    if (overdraws(debited, posting, opts.fromLot)) posting = { ...posting, override: opts.overdraft };
  }
  if (!opts.contended) await insertPosting(tx, posting);
  // A system account (issuer, mall, fee) keeps no cached balance: nothing is ever decided by it (it never runs
  // dry) and nobody is shown it, so its balance is what its postings sum to — the reconcile checkpoint's proven
  // totals, kept per day. Holding a copy moved by every posting cost each posting a request and proved nothing
  // the postings do not: a posting and its sides commit together, and the holders' sides are what is reconciled.
  const balances = new Map<AccountId, number>();
  try {
    for (const side of ['from', 'to'] as const) {
      if (posting.asset === 'party' && kindOf(posting[side]) === 'user') await moveTally(tx, posting, side);
    }
    for (const side of ['from', 'to'] as const) {
      if (isSystemAccount(posting[side])) continue;
      if (side === 'to' && opts.creditBalance === 'unread' && !opts.credited) await creditUnread(tx, posting);
      else balances.set(posting[side], await moveHolder(tx, posting, side, opts, side === 'from' ? debited : opts.credited?.doc));
    }
  } catch (error) {
    // Refused before the posting was tried: if a twin of this call made it meanwhile, the answer is that posting.
    if (opts.contended && error instanceof DomainError) await insertPosting(tx, posting);
    throw error;
  }
  if (opts.contended) await insertPosting(tx, posting);
  return { posting, replayed: false, balances };
}

/**
 * Inserts the posting (AlreadyPosted when one with its id exists). First as a rule: a retried call finds its posting
 * at once. After the holders' balances once the transaction has lost to others: on MongoDB (and so CloudBase) a
 * transaction reads from a snapshot taken at its first request, and a write to a document changed since, or held by
 * another open transaction, fails at once. Read and written first, the balance a crowd contends for is exposed for one
 * request (its read to its write), and once written it is this transaction's until it commits: the others lose at
 * their own write of it, one request in, instead of two.
 */
async function insertPosting(tx: Tx, posting: Posting): Promise<void> {
  const { _id, ...fields } = posting;
  try {
    await tableIn(tx, collections.postings).add({ _id, ...fields, accounts: [posting.from, posting.to] });
  } catch (error) {
    throw new AlreadyPosted(error);
  }
}

/**
 * A party posting moves the member's tally of the posting's month too, in the same transaction, so the
 * ranking (which reads tallies) is never out of step with the ledger. Incremented
 * unread, and set on the month's first posting.
 */
async function moveTally(tx: Tx, p: Posting, side: 'from' | 'to'): Promise<void> {
  const openid = p[side].slice('user:'.length);
  const month = monthOf(p.at);
  const [credited, debited] = side === 'to' ? [p.amount, 0] : [0, p.amount];
  const id = tallyId(p.communityId, month, openid);
  const tallies = tableIn(tx, collections.partyTallies);
  if ((await tallies.change(id, { total: _.inc(credited - debited), credited: _.inc(credited), debited: _.inc(debited), updatedAt: p.at })) === 1)
    return;
  const tally: Omit<PartyTally, '_id'> = { communityId: p.communityId, month, openid, total: credited - debited, credited, debited, updatedAt: p.at };
  await tallies.set(id, tally);
}

/**
 * A credit nobody needs the new balance of: the lot is pushed and the sums incremented in one request, and a
 * crowd of credits to one person does not conflict on a read. Set instead when the account has no document yet.
 */
async function creditUnread(tx: Tx, p: Posting): Promise<void> {
  const id = balanceId(p.to, p.asset);
  const balances = tableIn(tx, collections.balances);
  const lot: Lot = { postingId: p._id, remaining: p.amount, expiresAt: p.expiresAt };
  const lifetime = p.reversalOf ? 0 : p.amount;
  // The soonest lapse moves only earlier: a reserved debit is not taken once a lot has lapsed (quickDebit).
  const lapses = _.min(p.expiresAt ?? NEVER_LAPSES);
  const changes = { balance: _.inc(p.amount), lifetimeIn: _.inc(lifetime), lots: _.push([lot]), lapsesAt: lapses, growth: _.inc(1), updatedAt: p.at };
  if ((await balances.change(id, changes)) === 1) return;
  await balances.set(id, withoutId(moveIn(emptyBalance(p, 'to', 0), p)));
}

/**
 * A person, shop or escrow: read (unless the caller already did, `known`), checked against overdraft and its
 * lots, written back.
 */
async function moveHolder(tx: Tx, p: Posting, side: 'from' | 'to', opts: PostOptions, known?: BalanceDoc | null): Promise<number> {
  const id = balanceId(p[side], p.asset);
  const balances = tableIn(tx, collections.balances);
  const doc = (known === undefined ? await balances.get(id) : known) ?? emptyBalance(p, side, 0);
  const next = side === 'from' ? { ...moveOut(doc, p, opts.fromLot), ...opts.debited?.also } : { ...moveIn(doc, p), ...opts.credited?.also };
  await balances.set(id, withoutId(next));
  return next.balance;
}
