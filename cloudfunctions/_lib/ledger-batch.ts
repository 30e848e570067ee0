import { DomainError } from '../../src/shared/domain/errors';
import { isSystemAccount, spendLots, type AccountId, type Asset, type Lot, type Posting, type PostingInput } from '../../src/shared/domain/ledger';
import { collections, type Loose } from './runtime';

/** A system account's balance is split over this many documents, so concurrent postings rarely meet. */
export const SYSTEM_SHARDS = 8;
/** Conflicting transactions are retried with growing random pauses, then the caller is told to retry. */
const MAX_ATTEMPTS = 12;

/** The cached balance of one account in one kind of points (one shard of it, for system accounts). */
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
}

export function balanceId(account: string, asset: Asset, shard = 0): string {
  return `${account}|${asset}|${shard}`;
}

export interface PostOptions {
  /** For expiry: take the points from this lot even though it has lapsed. */
  fromLot?: string;
}

export interface PostResult {
  posting: Posting;
  replayed: boolean;
}

export type Outcome = { ok: true; result: PostResult } | { ok: false; code: DomainError['code']; message: string };

export function unwrap(outcome: Outcome): PostResult {
  if (!outcome.ok) throw new DomainError(outcome.code, outcome.message);
  return outcome.result;
}

/**
 * Applies postings in order inside one transaction: each balance document is read once and written
 * once; a posting that already exists is replayed, one that would overdraw is refused, the rest commit.
 */
export async function applyBatch(tx: Loose, items: readonly { input: PostingInput; opts: PostOptions }[], now: Date): Promise<Outcome[]> {
  const balances = new Map<string, BalanceDoc | null>();
  const dirty = new Set<string>();
  const outcomes: Outcome[] = [];
  for (const { input, opts } of items) {
    const existing = await read<Posting>(tx, collections.postings, input._id);
    if (existing) {
      outcomes.push({ ok: true, result: { posting: { ...existing, _id: input._id }, replayed: true } });
      continue;
    }
    const posting: Posting = { reversalOf: null, override: null, expiresAt: null, ...input, at: now };
    try {
      const from = await load(tx, balances, posting, 'from');
      const to = await load(tx, balances, posting, 'to');
      const movedFrom = moveOut(from, posting, now, opts);
      const movedTo = moveIn(to, posting, now);
      balances.set(from._id, movedFrom);
      balances.set(to._id, movedTo);
      dirty.add(from._id).add(to._id);
      const { _id, ...fields } = posting;
      await tx
        .collection(collections.postings)
        .doc(_id)
        .set({ data: { ...fields, accounts: [posting.from, posting.to] } });
      outcomes.push({ ok: true, result: { posting, replayed: false } });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ ok: false, code: error.code, message: error.message });
    }
  }
  for (const id of dirty) {
    const { _id: _ignored, ...data } = balances.get(id)!;
    await tx.collection(collections.balances).doc(id).set({ data });
  }
  return outcomes;
}

async function load(tx: Loose, cache: Map<string, BalanceDoc | null>, p: Posting, side: 'from' | 'to'): Promise<BalanceDoc> {
  const accountId = p[side];
  const shard = isSystemAccount(accountId) ? Math.floor(Math.random() * SYSTEM_SHARDS) : 0;
  const id = balanceId(accountId, p.asset, shard);
  if (!cache.has(id)) cache.set(id, await read<BalanceDoc>(tx, collections.balances, id));
  return (
    cache.get(id) ?? {
      _id: id,
      account: accountId,
      asset: p.asset,
      shard,
      balance: 0,
      lifetimeIn: 0,
      lots: [],
      communityId: p.communityId,
      updatedAt: p.at,
    }
  );
}

function moveOut(doc: BalanceDoc, p: Posting, now: Date, opts: PostOptions): BalanceDoc {
  const lots = isSystemAccount(doc.account) ? doc.lots : debitLots(doc.lots, p, now, opts);
  return { ...doc, balance: doc.balance - p.amount, lifetimeIn: p.reversalOf ? doc.lifetimeIn - p.amount : doc.lifetimeIn, lots, updatedAt: now };
}

function moveIn(doc: BalanceDoc, p: Posting, now: Date): BalanceDoc {
  const lots = isSystemAccount(doc.account) ? doc.lots : [...doc.lots, { postingId: p._id, remaining: p.amount, expiresAt: p.expiresAt }];
  return { ...doc, balance: doc.balance + p.amount, lifetimeIn: p.reversalOf ? doc.lifetimeIn : doc.lifetimeIn + p.amount, lots, updatedAt: now };
}

function debitLots(lots: Lot[], p: Posting, now: Date, opts: PostOptions): Lot[] {
  if (opts.fromLot) {
    const lot = lots.find((l) => l.postingId === opts.fromLot);
    if (!lot || lot.remaining < p.amount) throw new DomainError('POINTS_INSUFFICIENT');
    return lots.flatMap((l) => (l === lot ? (l.remaining > p.amount ? [{ ...l, remaining: l.remaining - p.amount }] : []) : [l]));
  }
  return spendLots(lots, p.amount, now, p.override !== null);
}

async function read<T>(tx: Loose, collection: string, id: string): Promise<(T & { _id: string }) | null> {
  const res: Loose = await tx.collection(collection).doc(id).get();
  return (res.data as (T & { _id: string }) | null) ?? null;
}

function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

export async function withConflictRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** i)));
    }
  }
  throw new DomainError('POINTS_BUSY');
}
