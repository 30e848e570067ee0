// Transactions as MongoDB (and so CloudBase) runs them. A transaction reads from a snapshot taken at its first
// operation and buffers its writes; a write fails AT ONCE with DATABASE_TRANSACTION_CONFLICT (Mongo's WriteConflict,
// the transaction aborted) when its document changed after that snapshot or another open transaction has already
// written it (first writer wins: the other holds the document until it commits or aborts). The losers of a crowd on
// one document therefore stop at their write instead of running on to a commit that cannot succeed.
// Stricter than Mongo, and kept so: each document is read from the store the first time the transaction touches it
// (not as of the snapshot), and commit still checks every document it read against the store, so a read that changed
// meanwhile fails the commit instead of being written on (Mongo would commit it: write skew).
// How the SDK sees the two: commitTransaction's reply reaches @cloudbase/database's runTransaction as a thrown TcbError
// with `code` DATABASE_TRANSACTION_CONFLICT; a write's reply passes through wx-server-sdk's wrapper, which keeps the
// message and replaces `code` with errCode -501001 (unknown code), so callers recognise it by the message
// (isConflict in cloudfunctions/_lib/platform/transact.ts).
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { requestFailed, transactionConflict } from './errors';
import { idKey, type Store, type Write } from './store';

/** Abandoned transactions (a function crashed between start and commit) are dropped after this long. */
export const TRANSACTION_TTL_MS = 30_000;

interface Snapshot {
  coll: string;
  id: unknown;
  version: number;
  doc: Readonly<Doc> | undefined;
}

export interface Transaction {
  readonly id: string;
  readonly expiresAt: number;
  /** The store's version at the transaction's first read or write: a later change to a document it writes is a conflict. */
  snapshotAt?: number;
  readonly snapshots: Map<string, Snapshot>;
  readonly writes: Map<string, Write>;
}

const keyOf = (coll: string, id: unknown) => `${coll}\u0000${idKey(id)}`;

export class Transactions {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = TRANSACTION_TTL_MS,
  ) {}

  start(): string {
    this.sweep();
    const id = randomBytes(16).toString('hex');
    // Real time, not the emulator clock: moving the clock forward for a deadline test must not kill
    // transactions that are in flight.
    this.open.set(id, { id, expiresAt: Date.now() + this.ttlMs, snapshots: new Map(), writes: new Map() });
    return id;
  }

  get(id: unknown): Transaction {
    this.sweep();
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) throw requestFailed(`transaction ${String(id)} does not exist or has expired`);
    return tx;
  }

  /** The document as this transaction sees it: its own writes first, else its snapshot of the store. */
  read(tx: Transaction, coll: string, id: unknown): Readonly<Doc> | undefined {
    const key = keyOf(coll, id);
    const written = tx.writes.get(key);
    if (written) return written.doc ?? undefined;
    tx.snapshotAt ??= this.store.lastVersion;
    let snap = tx.snapshots.get(key);
    if (!snap) {
      const row = this.store.get(coll, id);
      snap = { coll, id, version: row?.version ?? 0, doc: row?.doc };
      tx.snapshots.set(key, snap);
    }
    return snap.doc;
  }

  /**
   * Buffers writes; every written document has been read through `read` first, so it has a snapshot. A write to a
   * document changed since the transaction's snapshot, or already written by another open transaction, aborts this
   * one with a write conflict (nothing of it is kept, and the other keeps its hold).
   */
  stage(tx: Transaction, writes: Write[]): void {
    this.sweep();
    for (const w of writes) {
      const key = keyOf(w.coll, w.id);
      if (tx.writes.has(key)) continue;
      const held = this.holderOf(key, tx);
      if (held || this.store.changedAt(w.coll, w.id) > (tx.snapshotAt ?? this.store.lastVersion)) {
        this.open.delete(tx.id);
        const why = held ? 'is being written by another transaction' : 'changed after the transaction started';
        throw transactionConflict(`WriteConflict: document ${String(w.id)} in ${w.coll} ${why}; retry the transaction`);
      }
    }
    for (const w of writes) tx.writes.set(keyOf(w.coll, w.id), w);
  }

  /** Applies the buffered writes in one SQLite transaction; returns how many documents were written. */
  commit(id: unknown): number {
    const tx = this.take(id);
    for (const snap of tx.snapshots.values()) {
      const current = this.store.get(snap.coll, snap.id)?.version ?? 0;
      if (current !== snap.version) {
        throw transactionConflict(`document ${String(snap.id)} in ${snap.coll} changed during the transaction`);
      }
    }
    const writes = [...tx.writes.values()];
    this.store.apply(writes);
    return writes.length;
  }

  abort(id: unknown): void {
    this.take(id);
  }

  /** Forgets every open transaction (reset to seed). */
  clear(): void {
    this.open.clear();
  }

  /** The open transaction, other than `tx`, that has written the document `key`. */
  private holderOf(key: string, tx: Transaction): Transaction | undefined {
    for (const other of this.open.values()) if (other !== tx && other.writes.has(key)) return other;
    return undefined;
  }

  private take(id: unknown): Transaction {
    const tx = this.get(id);
    this.open.delete(tx.id);
    return tx;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, tx] of this.open) if (tx.expiresAt <= now) this.open.delete(id);
  }
}
