// The durable half of the engine: one SQLite table holds every document as EJSON, and an in-memory copy
// (parsed once at open) answers reads, so a query never re-parses the collection. This process is the only
// writer, so the copy is updated right after each SQLite commit succeeds and never disagrees with the file.
// A second table lists the collections that exist: as on the cloud, a collection is created (by the deploy's
// index file, a seed, or db.createCollection) before documents can be read from or written to it.
import Database from 'better-sqlite3';
import { decodeEJSON, encodeEJSON, type Doc } from './ejson';

export interface Row {
  readonly doc: Readonly<Doc>;
  /** Global commit sequence number of the last write; never reused, so delete+reinsert is a change too. */
  readonly version: number;
}

export interface Write {
  coll: string;
  id: unknown;
  /** The new document, or null to delete it. */
  doc: Doc | null;
}

/** `_id` may be a string or a number (doc(123)); the key keeps 1 and "1" apart. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0001${encodeEJSON(id)}`;
}

export class Store {
  private readonly db: Database.Database;
  // Map iteration order is insertion order, which is the natural order the cloud returns unsorted reads in.
  private readonly colls = new Map<string, Map<string, Row>>();
  private readonly names = new Set<string>();
  private seq = 0;
  /** When each removed document went (its removal's version), for transactions' write conflicts; memory only. */
  private readonly removedAt = new Map<string, number>();
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly insertNameStmt;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL still commits each transaction atomically: a commit is one WAL append and readers
    // ignore a frame set without its commit record, so kill -9 at any instant leaves whole transactions
    // only. What NORMAL gives up is durability of the last commits on power loss (no fsync per commit),
    // acceptable for a dev emulator and it keeps the synchronous handler from blocking on disk flushes.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, ' +
        'doc TEXT NOT NULL, PRIMARY KEY (coll, key))',
    );
    this.db.exec('CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY)');
    // Data dirs from before the collections table: every collection that holds documents exists.
    this.db.exec('INSERT OR IGNORE INTO collections (name) SELECT DISTINCT coll FROM docs');
    this.insertNameStmt = this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)');
    this.upsertStmt = this.db.prepare(
      'INSERT INTO docs (coll, key, version, doc) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (coll, key) DO UPDATE SET version = excluded.version, doc = excluded.doc',
    );
    this.deleteStmt = this.db.prepare('DELETE FROM docs WHERE coll = ? AND key = ?');
    this.loadAll();
  }

  private loadAll(): void {
    for (const r of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) this.names.add(r.name);
    const rows = this.db.prepare('SELECT coll, key, version, doc FROM docs ORDER BY rowid').all() as {
      coll: string;
      key: string;
      version: number;
      doc: string;
    }[];
    for (const r of rows) {
      this.collection(r.coll).set(r.key, { doc: decodeEJSON(r.doc, 0) as Doc, version: r.version });
      if (r.version > this.seq) this.seq = r.version;
    }
  }

  /** Live, read-only view of a collection in natural order. Callers must not mutate the documents. */
  collection(name: string): Map<string, Row> {
    let coll = this.colls.get(name);
    if (!coll) {
      coll = new Map();
      this.colls.set(name, coll);
    }
    return coll;
  }

  hasCollection(name: string): boolean {
    return this.names.has(name);
  }

  /** Creates the collection if it does not exist yet; answers whether it did not. */
  createCollection(name: string): boolean {
    if (this.names.has(name)) return false;
    this.insertNameStmt.run(name);
    this.names.add(name);
    return true;
  }

  get(coll: string, id: unknown): Row | undefined {
    return this.colls.get(coll)?.get(idKey(id));
  }

  /** The version of the last write to any document: what a transaction's snapshot is taken at. */
  get lastVersion(): number {
    return this.seq;
  }

  /** The version of the last write to this document, its removal included (0: never written since the start). */
  changedAt(coll: string, id: unknown): number {
    return this.get(coll, id)?.version ?? this.removedAt.get(`${coll}\u0000${idKey(id)}`) ?? 0;
  }

  /** Applies every write in one SQLite transaction: all of them become durable, or none. */
  apply(writes: Write[]): void {
    if (writes.length > 0) this.commit(writes);
  }

  /**
   * Replaces the whole database (reset to seed) in one SQLite transaction: these documents, and as collections
   * `names` plus every collection holding one of them.
   */
  replaceAll(collections: Record<string, Doc[]>, names: Iterable<string> = []): void {
    const writes = Object.entries(collections).flatMap(([coll, docs]) => docs.map((doc): Write => ({ coll, id: doc._id, doc })));
    this.commit(writes, new Set([...names, ...Object.keys(collections)]));
  }

  /** `replace`: the collections the database is left with, all documents being replaced by `writes`. */
  private commit(writes: Write[], replace?: Set<string>): void {
    let seq = this.seq;
    const staged = writes.map((w) => ({
      coll: w.coll,
      key: idKey(w.id),
      version: ++seq,
      json: w.doc ? encodeEJSON(w.doc) : undefined,
    }));
    this.db.transaction(() => {
      if (replace) {
        this.db.exec('DELETE FROM docs');
        this.db.exec('DELETE FROM collections');
        for (const name of replace) this.insertNameStmt.run(name);
      }
      for (const w of staged) {
        if (w.json !== undefined) this.upsertStmt.run(w.coll, w.key, w.version, w.json);
        else this.deleteStmt.run(w.coll, w.key);
      }
    })();
    // Only after SQLite committed, so a failed commit leaves memory as untouched as the file. The cached
    // document is decoded from the stored text: memory holds exactly what a restart would load, and never
    // an object the caller still holds.
    this.seq = seq;
    if (replace) {
      this.colls.clear();
      this.names.clear();
      for (const name of replace) this.names.add(name);
      this.removedAt.clear();
    }
    for (const w of staged) {
      if (w.json !== undefined) this.collection(w.coll).set(w.key, { doc: decodeEJSON(w.json, 0) as Doc, version: w.version });
      else if (this.colls.get(w.coll)?.delete(w.key)) this.removedAt.set(`${w.coll}\u0000${w.key}`, w.version);
    }
  }

  isEmpty(): boolean {
    for (const coll of this.colls.values()) if (coll.size > 0) return false;
    return true;
  }

  close(): void {
    this.db.close();
  }
}
