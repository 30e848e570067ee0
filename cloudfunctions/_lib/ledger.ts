import {
  assertValidPosting,
  isSystemAccount,
  type AccountId,
  type Asset,
  type Lot,
  type Posting,
  type PostingInput,
} from '../../src/shared/domain/ledger';
import { applyBatch, balanceId, unwrap, withConflictRetries, type BalanceDoc, type PostOptions, type PostResult } from './ledger-batch';
import { enqueuePosting } from './posting-queue';
import { collections, db, type Loose } from './runtime';

export { balanceId, type BalanceDoc, type PostOptions, type PostResult } from './ledger-batch';

/**
 * Appends one posting and moves both cached balances in the same transaction. Idempotent: if a posting
 * with this id exists, nothing changes and the first one is returned (`replayed`). A person's or a shop's
 * balance never goes below zero (POINTS_INSUFFICIENT) unless the posting carries a staff override.
 *
 * Postings that touch a person are queued per person and applied in batches by whoever holds that
 * person's lease (group commit), so a crowd of spends against one balance commits in a few transactions
 * instead of colliding and retrying one by one.
 */
export async function post(input: PostingInput, opts: PostOptions = {}): Promise<PostResult> {
  assertValidPosting(input);
  const person = [input.from, input.to].find((a) => !isSystemAccount(a));
  if (!person)
    return withConflictRetries(() => db.runTransaction((tx: Loose) => applyBatch(tx, [{ input, opts }], new Date()).then(([r]) => unwrap(r)), 0));
  return enqueuePosting(balanceId(person, input.asset), input, opts);
}

/** An account's balances across all kinds of points, shards summed. */
export async function balancesOf(accountId: AccountId): Promise<Map<Asset, { balance: number; lifetimeIn: number; lots: Lot[] }>> {
  const res: Loose = await db.collection(collections.balances).where({ account: accountId }).limit(1000).get();
  const out = new Map<Asset, { balance: number; lifetimeIn: number; lots: Lot[] }>();
  for (const doc of res.data as BalanceDoc[]) {
    const sum = out.get(doc.asset) ?? { balance: 0, lifetimeIn: 0, lots: [] };
    out.set(doc.asset, { balance: sum.balance + doc.balance, lifetimeIn: sum.lifetimeIn + doc.lifetimeIn, lots: [...sum.lots, ...doc.lots] });
  }
  return out;
}

export async function findPosting(id: string): Promise<Posting | null> {
  const res: Loose = await db.collection(collections.postings).doc(id).get();
  return res.data ? ({ ...res.data, _id: id } as Posting) : null;
}
