import { DomainError } from '../../src/shared/domain/errors';
import { nextStatus, type WishEvent, type WishHistoryEntry } from '../../src/shared/domain/wish';
import { deliver, enqueue, type Notice } from '../_lib/outbox';
import { _, collections, db, type Loose } from '../_lib/runtime';
import type { WishDoc } from './wish-repo';

export interface Actor {
  openid: string;
  name: string;
}

/** What a step does besides moving the status: fields to set, a note for the history, notices to send. */
export interface Plan {
  changes?: Partial<WishDoc>;
  note?: string | null;
  notices?: (wish: WishDoc) => Notice[];
}

/**
 * Moves a wish one step along its state machine, atomically with its history line and its notices.
 * `plan` sees the wish as read inside the transaction, so its checks hold at commit: of two members
 * claiming at once, the second retries (DATABASE_TRANSACTION_CONFLICT), re-reads and is refused.
 */
export async function changeWish(wishId: string, event: WishEvent, actor: Actor, plan: (wish: WishDoc) => Plan = () => ({})): Promise<WishDoc> {
  const { wish, noticeIds } = await db.runTransaction(async (tx: Loose) => {
    const current = await readInTransaction(tx, wishId);
    const to = nextStatus(current.status, event);
    const { changes = {}, note = null, notices } = plan(current);
    const now = new Date();
    const entry: WishHistoryEntry = { event, by: actor.openid, byName: actor.name, at: now, from: current.status, to, note };
    await tx
      .collection(collections.wishes)
      .doc(wishId)
      .update({ data: { ...wholeValues(changes), status: to, updatedAt: now, history: _.push([entry]) } });
    const next: WishDoc = { ...current, ...changes, status: to, updatedAt: now, history: [...current.history, entry] };
    return { wish: next, noticeIds: await enqueue(tx, notices ? notices(next) : []) };
  });
  await deliver(noticeIds);
  return wish;
}

async function readInTransaction(tx: Loose, wishId: string): Promise<WishDoc> {
  const res: Loose = await tx.collection(collections.wishes).doc(wishId).get();
  if (!res.data) throw new DomainError('WISH_NOT_FOUND');
  return res.data as WishDoc;
}

/** The SDK flattens nested objects into dot paths; objects we store (proof, rating, award) replace whole. */
function wholeValues(changes: Partial<WishDoc>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([key, value]) => [
      key,
      value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? _.set(value) : value,
    ]),
  );
}
