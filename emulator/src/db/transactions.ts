// Optimistic transactions. A transaction snapshots each document the first time it touches it (version and
// content; version 0 = absent), buffers its writes, and at commit checks every snapshot against the store:
// if any document changed since, the whole transaction is dropped with DATABASE_TRANSACTION_CONFLICT.
// The conflict is reported by commitTransaction on purpose: @cloudbase/database's runTransaction retries only
// when that code reaches it as a thrown TcbError, and only commit() throws it raw — errors from data actions
// inside the callback pass through wx-server-sdk's wrapper, which replaces `code` with a numeric errCode.
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
    let snap = tx.snapshots.get(key);
    if (!snap) {
      const row = this.store.get(coll, id);
      snap = { coll, id, version: row?.version ?? 0, doc: row?.doc };
      tx.snapshots.set(key, snap);
    }
    return snap.doc;
  }

  /** Buffers writes; every written document has been read through `read` first, so it has a snapshot. */
  stage(tx: Transaction, writes: Write[]): void {
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
