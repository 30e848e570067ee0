import { DomainError } from '../../../src/shared/domain/errors';
import { tallyId, type PartyTally } from '../../../src/shared/domain/party';
import type { ShopDesk } from '../../../src/shared/domain/merchant';
import type { UsedCode } from '../../../src/shared/domain/points-code';
import { monthOf } from '../../../src/shared/domain/time';
import {
  assertValidPosting,
  isSystemAccount,
  kindOf,
  lapsesAt,
  NEVER_LAPSES,
  pendingField,
  settleLots,
  spendable,
  spendLots,
  type AccountId,
  type Asset,
  type Lot,
  type Posting,
  type PostingInput,
} from '../../../src/shared/domain/ledger';
import { _, collections } from '../platform/runtime';
import { transact, type RetryRecord } from '../platform/transact';
import { table, tableIn, type Tx } from '../platform/typed-db';

/**
 * The cached balance of one person, shop or escrow in one kind of points. (`shard` is 0: system accounts, once
 * split over shards, keep no cached balance — see postIn.)
 */
export interface BalanceDoc {
  _id: string;
  account: AccountId;
  asset: Asset;
  shard: number;
  balance: number;
  /** Credited in total, not counting reversals: what virtue levels are measured by. */
  lifetimeIn: number;
  lots: Lot[];
  communityId: string;
  updatedAt: Date;
  /** A resident's spending at merchants on one China-time day (their daily cap), moved with the payments. */
  merchantDay?: MerchantDay | null;
  /** The points codes merchants charged that could still be scanned (single use: points-code.ts). */
  usedCodes?: UsedCode[] | null;
  /** A shop's virtue balance: what its charges decide by (charges.ts deskIn). */
  desk?: ShopDesk | null;
  /**
   * Points that left `balance` by a reserved debit (quickDebit) and are not yet taken from `lots`: the next write of
   * the whole document takes them (settleLots), except those still `pending`. Absent on a document no write of the
   * whole document has made since reserved debits came: such a balance is not reserved on until one has.
   */
  unsettled?: number;
  /** Debits reserved on this balance whose posting may not be in yet (quickDebit), by pendingField. */
  pending?: Record<string, PendingDebit> | null;
  /** How many `pending` there are: what the sweep finds balances by (index pending_count). */
  pendingCount?: number;
  /** When the soonest of `lots` lapses: a debit is reserved only before then (after it, lapsed points wait to be expired). */
  lapsesAt?: Date;
}

/** A debit taken from a balance ahead of its posting (quickDebit): the posting is made next, or the points go back. */
export interface PendingDebit {
  postingId: string;
  amount: number;
  at: Date;
}

/** What one resident spent at merchants on `day`. */
export interface MerchantDay {
  day: string;
  total: number;
  count: number;
}

export function balanceId(account: string, asset: Asset, shard = 0): string {
  return `${account}|${asset}|${shard}`;
}

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
  debited?: { doc: BalanceDoc | null; also: Partial<Pick<BalanceDoc, 'merchantDay' | 'usedCodes'>> };
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
 * Whether `post` may reserve the debit first (quickDebit): a person pays a system account (a deduction, a payment to
 * the mall or the fee fund) and nothing else moves with it — no other holder credited, no lot named, no overdraft, no
 * party tally, no reversal (which moves lifetime credit) — and nothing of the debited balance was read by the caller.
 */
function reservable(p: PostingInput, opts: PostOptions): boolean {
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
async function quickDebit(input: PostingInput, opts: PostOptions): Promise<PostResult | null> {
  const posting: Posting = { reversalOf: null, override: null, expiresAt: null, ...input, at: new Date() };
  const id = balanceId(posting.from, posting.asset);
  const mark = `pending.${pendingField(posting._id)}`;
  const balances = table(collections.balances);
  const debit: PendingDebit = { postingId: posting._id, amount: posting.amount, at: posting.at };
  const reserved = await balances
    .where({ _id: id, balance: _.gte(posting.amount), unsettled: _.gte(0), lapsesAt: _.gt(posting.at), [mark]: _.exists(false) })
    .update({ balance: _.inc(-posting.amount), unsettled: _.inc(posting.amount), pendingCount: _.inc(1), [mark]: debit, updatedAt: posting.at });
  if (reserved === 0) return null;
  const existing = await insertReserved(posting, () => givePendingBack(id, debit));
  if (existing) return { posting: existing, replayed: true, balances: await balancesAfter(existing) };
  // Posted: the reply is a success whatever happens to the mark (left standing, the sweep clears it).
  const cleared = clearPending(id, debit).catch((error: unknown) => console.warn('[ledger] pending mark left to the sweep', posting._id, error));
  const [, after] = await Promise.all([cleared, balances.get(id)]);
  const result: PostResult = { posting, replayed: false, balances: new Map([[posting.from, after?.balance ?? 0]]) };
  opts.record?.request?.stage(opts.record.output(result));
  opts.record?.request?.committed();
  return result;
}

/**
 * Inserts a reserved debit's posting: null once it is in, or the posting that had this id before (its points given
 * back first). An insert that failed with no posting there throws and leaves the mark: the request may still land
 * (a lost answer, a timeout), so only the sweep, once no request of this call can, decides whether the points go back.
 */
async function insertReserved(posting: Posting, giveBack: () => Promise<void>): Promise<Posting | null> {
  const { _id, ...fields } = posting;
  try {
    await table(collections.postings).add({ _id, ...fields, accounts: [posting.from, posting.to] });
    return null;
  } catch (error) {
    const found = await findPosting(_id);
    if (!found) throw error;
    // The insert went in and only its answer was lost: the posting stamped with this call's own time is this one.
    if (new Date(found.at).getTime() === posting.at.getTime()) return null;
    await giveBack();
    return found;
  }
}

/** The debit's posting is in: its mark goes (if the retry's transaction has not taken it already). */
export async function clearPending(id: string, debit: PendingDebit): Promise<void> {
  const mark = `pending.${pendingField(debit.postingId)}`;
  await table(collections.balances)
    .where({ _id: id, [mark]: _.exists(true) })
    .update({ [mark]: _.remove(), pendingCount: _.inc(-1) });
}

/** The debit's posting will never be in: its points go back with its mark (if the mark is still there). */
export async function givePendingBack(id: string, debit: PendingDebit): Promise<void> {
  const mark = `pending.${pendingField(debit.postingId)}`;
  await table(collections.balances)
    .where({ _id: id, [mark]: _.exists(true) })
    .update({ balance: _.inc(debit.amount), unsettled: _.inc(-debit.amount), pendingCount: _.inc(-1), [mark]: _.remove(), updatedAt: new Date() });
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
    if (overdraws(debited, posting, opts)) posting = { ...posting, override: opts.overdraft };
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
  const changes = { balance: _.inc(p.amount), lifetimeIn: _.inc(lifetime), lots: _.push([lot]), lapsesAt: lapses, updatedAt: p.at };
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
  const next = side === 'from' ? { ...moveOut(doc, p, opts), ...opts.debited?.also } : { ...moveIn(doc, p), ...opts.credited?.also };
  await balances.set(id, withoutId(next));
  return next.balance;
}

/** Whether debiting `p` from `doc` would be refused for want of points. */
function overdraws(doc: BalanceDoc | null, p: Posting, opts: PostOptions): boolean {
  try {
    moveOut(doc ?? emptyBalance(p, 'from', 0), p, opts);
    return false;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'POINTS_INSUFFICIENT') return true;
    throw error;
  }
}

function emptyBalance(p: Posting, side: 'from' | 'to', shard: number): BalanceDoc {
  const account = p[side];
  return {
    _id: balanceId(account, p.asset, shard),
    account,
    asset: p.asset,
    shard,
    balance: 0,
    lifetimeIn: 0,
    lots: [],
    communityId: p.communityId,
    updatedAt: p.at,
    unsettled: 0,
    pending: {},
    pendingCount: 0,
    lapsesAt: NEVER_LAPSES,
  };
}

function withoutId(doc: BalanceDoc): Omit<BalanceDoc, '_id'> {
  const { _id: _ignored, ...data } = doc;
  return data;
}

function moveOut(doc: BalanceDoc, p: Posting, opts: PostOptions): BalanceDoc {
  const { settled, own, reserved } = settle(doc, p._id);
  // Reserved already (quickDebit, then this transaction was the call's retry): its points left the balance then.
  if (own) return { ...settled, updatedAt: p.at };
  const lots = debitLots(settled.lots, p, opts, reserved);
  const lifetimeIn = p.reversalOf ? doc.lifetimeIn - p.amount : doc.lifetimeIn;
  return { ...settled, balance: doc.balance - p.amount, lifetimeIn, lots, lapsesAt: lapsesAt(lots), updatedAt: p.at };
}

function moveIn(doc: BalanceDoc, p: Posting): BalanceDoc {
  const { settled } = settle(doc, p._id);
  const lots = [...settled.lots, { postingId: p._id, remaining: p.amount, expiresAt: p.expiresAt }];
  const lifetimeIn = p.reversalOf ? doc.lifetimeIn : doc.lifetimeIn + p.amount;
  return { ...settled, balance: doc.balance + p.amount, lifetimeIn, lots, lapsesAt: lapsesAt(lots), updatedAt: p.at };
}

/**
 * The balance as a write of the whole document leaves it: the reserved debits' points taken from the lots, but for
 * those still pending (their posting may yet fail, and then the points go back), and the pending debit of the posting
 * `postingId` — its own, when the call that reserved it is being retried — done with.
 */
function settle(doc: BalanceDoc, postingId: string): { settled: BalanceDoc; own: PendingDebit | null; reserved: number } {
  const field = pendingField(postingId);
  const own = doc.pending?.[field] ?? null;
  const others = Object.fromEntries(Object.entries(doc.pending ?? {}).filter(([key]) => key !== field));
  const reserved = Object.values(others).reduce((sum, d) => sum + d.amount, 0);
  const lots = settleLots(doc.lots, (doc.unsettled ?? 0) - reserved);
  const settled = { ...doc, lots, unsettled: reserved, pending: others, pendingCount: Object.keys(others).length, lapsesAt: lapsesAt(lots) };
  return { settled, own, reserved };
}

/** The lots once `p` is debited from them; `reserved` points of them are promised to pending debits already. */
function debitLots(lots: Lot[], p: Posting, opts: PostOptions, reserved: number): Lot[] {
  if (opts.fromLot) {
    const lot = lots.find((l) => l.postingId === opts.fromLot);
    if (!lot || lot.remaining < p.amount) throw new DomainError('POINTS_INSUFFICIENT');
    return lots.flatMap((l) => (l === lot ? (l.remaining > p.amount ? [{ ...l, remaining: l.remaining - p.amount }] : []) : [l]));
  }
  if (p.override === null && spendable(lots, p.at) - reserved < p.amount) throw new DomainError('POINTS_INSUFFICIENT');
  return spendLots(lots, p.amount, p.at, true);
}

/** A replay's answer: the balances of the posting's holders as they stand now. */
async function balancesAfter(p: Posting): Promise<Map<AccountId, number>> {
  const holders = [p.from, p.to].filter((a) => !isSystemAccount(a));
  const docs = await Promise.all(holders.map((a) => table(collections.balances).get(balanceId(a, p.asset))));
  return new Map(holders.map((a, i) => [a, docs[i]?.balance ?? 0]));
}

type Standing = { balance: number; lifetimeIn: number; lots: Lot[]; merchantDay: MerchantDay | null; usedCodes: UsedCode[] };

/** An account's balances across all kinds of points, shards summed (and a person's day at merchants). */
export async function balancesOf(accountId: AccountId): Promise<Map<Asset, Standing>> {
  const docs = await table(collections.balances).where({ account: accountId }).limit(1000).get();
  const out = new Map<Asset, Standing>();
  for (const doc of docs) {
    const sum = out.get(doc.asset) ?? { balance: 0, lifetimeIn: 0, lots: [], merchantDay: null, usedCodes: [] };
    out.set(doc.asset, {
      balance: sum.balance + doc.balance,
      lifetimeIn: sum.lifetimeIn + doc.lifetimeIn,
      lots: [...sum.lots, ...settleLots(doc.lots, doc.unsettled ?? 0)],
      merchantDay: sum.merchantDay ?? doc.merchantDay ?? null,
      usedCodes: [...sum.usedCodes, ...(doc.usedCodes ?? [])],
    });
  }
  return out;
}

export async function findPosting(id: string): Promise<Posting | null> {
  return table(collections.postings).get(id);
}
