import { DomainError } from '../../src/shared/domain/errors';
import type { ErrorCode } from '../../src/shared/contract/errors';
import { withConflictRetries } from './ledger-batch';
import { db, type Loose } from './runtime';

/**
 * Runs `work` in one transaction, retrying with growing random pauses while other transactions keep
 * changing the documents it read; when they never stop, the caller gets `busy` and may try again.
 */
export async function transact<T>(work: (tx: Loose) => Promise<T>, busy: ErrorCode): Promise<T> {
  try {
    return await withConflictRetries(() => db.runTransaction(work, 0));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'POINTS_BUSY') throw new DomainError(busy);
    throw error;
  }
}

/** One document by id inside a transaction, or null. */
export async function readIn<T>(tx: Loose, collection: string, id: string): Promise<T | null> {
  const res: Loose = await tx.collection(collection).doc(id).get();
  return res.data ? ({ ...res.data, _id: id } as T) : null;
}

/** Stored documents carry their id as the key, not as a field to write. */
export function fieldsOf<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}
