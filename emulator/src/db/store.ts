// The durable half of the engine: one SQLite table holds every document as EJSON, and documents are read from
// it on demand (by primary key, by rowid from an index, or a collection in natural order), so opening a data
// dir reads only the collection names and the last version, whatever its size. A bounded cache keeps recently
// parsed documents; this process is the only writer, so a write drops its document from the cache and the
// cache never disagrees with the file.
// Indexes: each index declared in database/indexes.json has its entries in a side table, (index, key, rowid),
// the key being the document's indexed values in MongoDB's order as bytes (keys.ts), written in the same SQLite
// transaction as the document. An index declared after the data was written is built once, at open.
// A second table lists the collections that exist: as on the cloud, a collection is created (by the deploy's
// index file, a seed, or db.createCollection) before documents can be read from or written to it.
// Natural order (what unsorted reads return) is rowid order: an update keeps its row, an insert (or a
// reinsert after a delete) goes to the end.
import Database from 'better-sqlite3';
import { decodeEJSON, encodeEJSON, type Doc } from './ejson';
import { fieldKeys, indexKeys, isMultikey, type FieldMemo } from './keys';

export interface Row {
  readonly doc: Readonly<Doc>;
  /** Global commit sequence number of the last write; never reused, so delete+reinsert is a change too. */
  readonly version: number;
  /** The document's SQLite rowid: its place in the collection's natural order. */
  readonly rowid: number;
}

export interface Write {
  coll: string;
  id: unknown;
  /** The new document, or null to delete it. */
  doc: Doc | null;
}

/** An index as the Store maintains it: its collection, name and keys (field, direction) in order. */
export interface IndexSpec {
  coll: string;
  name: string;
  keys: [string, 1 | -1][];
}

/** A stored index: its id in the entries table. */
export interface StoredIndex extends IndexSpec {
  id: number;
  /**
   * The fields on which some document has (or had) an array: one document, several keys. There two range
   * conditions may be met by different elements, and a document sorts by its smallest or largest element, so
   * queries bound such a field by one condition only and never stop a walk early on it (as MongoDB tracks
   * multikey paths).
   */
  multikey: Set<string>;
}

/** An index entry: the key bytes and the document's rowid. */
export interface Entry {
  k: Buffer;
  rid: number;
}

/** `_id` may be a string or a number (doc(123)); the key keeps 1 and "1" apart. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0001${encodeEJSON(id)}`;
}

/** Parsed documents kept in memory (by rowid): enough for the pages and lookups of a busy run, bounded. */
const CACHE_MAX = 5_000;

/**
 * The stored text of each document parsed from the file (what encodeEJSON made of it when it was written, and
 * makes of it again): a read that hands the document over unchanged sends it without encoding it anew.
 */
const storedText = new WeakMap<Readonly<Doc>, string>();

/** A document as a reply carries it: its stored text when it is one read from the file as it is, else encoded. */
export function replyEJSON(doc: Readonly<Doc>): string {
  return storedText.get(doc) ?? encodeEJSON(doc);
}

export interface StoreStats {
  /** Documents parsed from their stored text (reads and the old side of writes), since open or resetStats. */
  parsed: number;
  /** Documents handed out to reads, from the cache or parsed (a full read of a collection counts each of its documents). */
  fetched: number;
  /** Lookups of a document by its _id that went to SQLite (the others were answered from memory). */
  lookups: number;
}

export class Store {
  private readonly db: Database.Database;
  private readonly names = new Set<string>();
  private seq = 0;
  /** When each removed document went (its removal's version), for transactions' write conflicts; memory only. */
  private readonly removedAt = new Map<string, number>();
  private readonly cache = new Map<number, Row>();
  /**
   * Where `get` found each (collection, key) since the last write, or null for none: a read-heavy run looks the
   * same documents up again and again, and each lookup in SQLite costs as much as the rest of the read. Any
   * commit empties it (a write can move, remove or add any document).
   */
  private readonly located = new Map<string, Row | null>();
  private readonly byColl = new Map<string, StoredIndex[]>();
  readonly stats: StoreStats = { parsed: 0, fetched: 0, lookups: 0 };
  private readonly stmt;

  /** `indexes`: the declared indexes; without it, the ones stored in the file are kept up to date. */
  constructor(file: string, indexes?: readonly IndexSpec[]) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL still commits each transaction atomically: a commit is one WAL append and readers
    // ignore a frame set without its commit record, so kill -9 at any instant leaves whole transactions
    // only. What NORMAL gives up is durability of the last commits on power loss (no fsync per commit),
    // acceptable for a dev emulator and it keeps the synchronous handler from blocking on disk flushes.
    this.db.pragma('synchronous = NORMAL');
    // A document write touches a page of each of its collection's indexes: checkpoint (and fsync) the WAL every
    // ~40 MB instead of every 4 MB, so a busy run does not spend its time syncing index pages.
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, ' +
        'doc TEXT NOT NULL, PRIMARY KEY (coll, key))',
    );
    // (coll, rowid) order: a collection in natural order without reading the others.
    this.db.exec('CREATE INDEX IF NOT EXISTS docs_coll ON docs (coll)');
    this.db.exec('CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY)');
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS indexes (id INTEGER PRIMARY KEY, coll TEXT NOT NULL, name TEXT NOT NULL, keys TEXT NOT NULL, ' +
        "multikey TEXT NOT NULL DEFAULT '[]', UNIQUE (coll, name, keys))",
    );
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS entries (ix INTEGER NOT NULL, k BLOB NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (ix, k, rid)) WITHOUT ROWID',
    );
    this.stmt = {
      insertName: this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
      upsert: this.db.prepare(
        'INSERT INTO docs (coll, key, version, doc) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (coll, key) DO UPDATE SET version = excluded.version, doc = excluded.doc RETURNING rowid',
      ),
      remove: this.db.prepare('DELETE FROM docs WHERE rowid = ?'),
      old: this.db.prepare('SELECT rowid, version, doc FROM docs WHERE coll = ? AND key = ?'),
      locate: this.db.prepare('SELECT rowid, version FROM docs WHERE coll = ? AND key = ?'),
      byRowid: this.db.prepare('SELECT version, doc FROM docs WHERE rowid = ?'),
      scan: this.db.prepare('SELECT rowid, version, doc FROM docs WHERE coll = ? AND rowid > ? ORDER BY rowid LIMIT ?'),
      setSeq: this.db.prepare("INSERT INTO meta (name, value) VALUES ('seq', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
      addEntry: this.db.prepare('INSERT OR IGNORE INTO entries (ix, k, rid) VALUES (?, ?, ?)'),
      dropEntry: this.db.prepare('DELETE FROM entries WHERE ix = ? AND k = ? AND rid = ?'),
      any: this.db.prepare('SELECT 1 FROM docs LIMIT 1'),
      multikey: this.db.prepare('UPDATE indexes SET multikey = ? WHERE id = ?'),
    };
    this.open(indexes);
  }

  private open(declared: readonly IndexSpec[] | undefined): void {
    const seq = this.db.prepare("SELECT value FROM meta WHERE name = 'seq'").get() as { value: number } | undefined;
    if (seq) this.seq = seq.value;
    else {
      // A data dir from before the meta table (one-time): its last version, and as collections every one
      // that holds documents (from before the collections table).
      this.db.exec('INSERT OR IGNORE INTO collections (name) SELECT DISTINCT coll FROM docs');
      this.seq = (this.db.prepare('SELECT max(version) AS v FROM docs').get() as { v: number | null }).v ?? 0;
      this.stmt.setSeq.run(this.seq);
    }
    for (const r of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) this.names.add(r.name);
    const rows = this.db.prepare('SELECT id, coll, name, keys, multikey FROM indexes').all() as {
      id: number;
      coll: string;
      name: string;
      keys: string;
      multikey: string;
    }[];
    const stored = rows.map((r): StoredIndex => ({
      id: r.id,
      coll: r.coll,
      name: r.name,
      keys: JSON.parse(r.keys) as [string, 1 | -1][],
      multikey: new Set(JSON.parse(r.multikey) as string[]),
    }));
    const sameAs = (a: IndexSpec) => (b: IndexSpec) => a.coll === b.coll && a.name === b.name && JSON.stringify(a.keys) === JSON.stringify(b.keys);
    const kept = declared ? stored.filter((s) => declared.some(sameAs(s))) : stored;
    for (const gone of stored.filter((s) => !kept.includes(s))) {
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM entries WHERE ix = ?').run(gone.id);
        this.db.prepare('DELETE FROM indexes WHERE id = ?').run(gone.id);
      })();
    }
    for (const ix of kept) this.indexesOf(ix.coll).push(ix);
    for (const spec of declared ?? []) if (!kept.some(sameAs(spec))) this.build(spec);
  }

  /** Adds an index and its entries for the documents already stored (an index newly declared in indexes.json). */
  private build(spec: IndexSpec): void {
    this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO indexes (coll, name, keys) VALUES (?, ?, ?)')
        .run(spec.coll, spec.name, JSON.stringify(spec.keys));
      const ix: StoredIndex = { ...spec, id: Number(lastInsertRowid), multikey: new Set() };
      for (let after = 0, rows = this.scanRows(spec.coll, after); rows.length > 0; rows = this.scanRows(spec.coll, after)) {
        for (const row of rows) {
          this.stats.parsed += 1;
          for (const bytes of this.keysOf(ix, decodeEJSON(row.doc, 0) as Doc)) this.stmt.addEntry.run(ix.id, bytes, row.rowid);
        }
        after = rows[rows.length - 1].rowid;
      }
      this.indexesOf(spec.coll).push(ix);
    })();
  }

  private scanRows(coll: string, after: number, limit = 1000) {
    return this.stmt.scan.all(coll, after, limit) as { rowid: number; version: number; doc: string }[];
  }

  /** A document's keys in an index; a field becomes multikey with the first document holding an array there. */
  private keysOf(ix: StoredIndex, doc: Readonly<Doc>, memo?: FieldMemo): Buffer[] {
    const fresh = ix.keys.filter(([field]) => !ix.multikey.has(field) && isMultikey(doc, field.split('.')));
    if (fresh.length > 0) {
      for (const [field] of fresh) ix.multikey.add(field);
      this.stmt.multikey.run(JSON.stringify([...ix.multikey]), ix.id);
    }
    return indexKeys(doc, ix.keys, memo).map((k) => k.bytes);
  }

  /** The indexes maintained for a collection. */
  indexesOf(coll: string): StoredIndex[] {
    let list = this.byColl.get(coll);
    if (!list) {
      list = [];
      this.byColl.set(coll, list);
    }
    return list;
  }

  index(coll: string, name: string): StoredIndex | undefined {
    return this.byColl.get(coll)?.find((ix) => ix.name === name);
  }

  private remember(rowid: number, version: number, text: string): Row {
    const row: Row = { rowid, version, doc: decodeEJSON(text, 0) as Doc };
    storedText.set(row.doc, text);
    this.stats.parsed += 1;
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(rowid, row);
    return row;
  }

  private cached(rowid: number): Row | undefined {
    const row = this.cache.get(rowid);
    if (row) {
      this.cache.delete(rowid);
      this.cache.set(rowid, row);
    }
    return row;
  }

  /** A document by its rowid (from an index entry). */
  byRowid(rowid: number): Row | undefined {
    this.stats.fetched += 1;
    const hit = this.cached(rowid);
    if (hit) return hit;
    const r = this.stmt.byRowid.get(rowid) as { version: number; doc: string } | undefined;
    return r && this.remember(rowid, r.version, r.doc);
  }

  /** Every document of a collection in natural order. */
  scan(coll: string): Row[] {
    const out: Row[] = [];
    for (let after = 0, rows = this.scanRows(coll, after, 5000); rows.length > 0; rows = this.scanRows(coll, after, 5000)) {
      this.stats.fetched += rows.length;
      for (const r of rows) out.push(this.cached(r.rowid) ?? this.remember(r.rowid, r.version, r.doc));
      after = rows[rows.length - 1].rowid;
    }
    return out;
  }

  /**
   * Index entries within [lo, hi) (hi undefined: to the end of the index), in key order or reversed, at most
   * `limit`, starting after `from` (the last entry of the previous call) when given.
   */
  entries(ix: StoredIndex, lo: Buffer, hi: Buffer | undefined, reverse: boolean, limit: number, from?: Entry): Entry[] {
    const conds = ['ix = ?', 'k >= ?'];
    const args: unknown[] = [ix.id, lo];
    if (hi) {
      conds.push('k < ?');
      args.push(hi);
    }
    if (from) {
      conds.push(reverse ? '(k, rid) < (?, ?)' : '(k, rid) > (?, ?)');
      args.push(from.k, from.rid);
    }
    const order = reverse ? 'k DESC, rid DESC' : 'k, rid';
    return this.prepared(`SELECT k, rid FROM entries WHERE ${conds.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...args, limit) as Entry[];
  }

  /** The distinct rowids of the entries within [lo, hi). */
  rowidsIn(ix: StoredIndex, lo: Buffer, hi: Buffer | undefined): number[] {
    const sql = hi
      ? 'SELECT DISTINCT rid FROM entries WHERE ix = ? AND k >= ? AND k < ?'
      : 'SELECT DISTINCT rid FROM entries WHERE ix = ? AND k >= ?';
    return (
      this.prepared(sql)
        .pluck()
        .all(ix.id, lo, ...(hi ? [hi] : [])) as number[]
    ).map(Number);
  }

  private readonly statements = new Map<string, Database.Statement>();
  private prepared(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  hasCollection(name: string): boolean {
    return this.names.has(name);
  }

  /** Creates the collection if it does not exist yet; answers whether it did not. */
  createCollection(name: string): boolean {
    if (this.names.has(name)) return false;
    this.stmt.insertName.run(name);
    this.names.add(name);
    return true;
  }

  get(coll: string, id: unknown): Row | undefined {
    const key = `${coll}\u0000${idKey(id)}`;
    const known = this.located.get(key);
    if (known !== undefined) {
      if (known === null) return undefined;
      this.stats.fetched += 1;
      return this.cached(known.rowid) ?? known;
    }
    const row = this.locate(coll, id);
    if (this.located.size >= CACHE_MAX) this.located.clear();
    this.located.set(key, row ?? null);
    return row;
  }

  private locate(coll: string, id: unknown): Row | undefined {
    this.stats.lookups += 1;
    const at = this.stmt.locate.get(coll, idKey(id)) as { rowid: number; version: number } | undefined;
    if (!at) return undefined;
    const hit = this.cached(at.rowid);
    if (hit && hit.version === at.version) {
      this.stats.fetched += 1;
      return hit;
    }
    return this.byRowid(at.rowid);
  }

  /** The version of the last write to any document: what a transaction's snapshot is taken at. */
  get lastVersion(): number {
    return this.seq;
  }

  /** The version of the last write to this document, its removal included (0: never written since the start). */
  changedAt(coll: string, id: unknown): number {
    const at = this.stmt.locate.get(coll, idKey(id)) as { version: number } | undefined;
    return at?.version ?? this.removedAt.get(`${coll}\u0000${idKey(id)}`) ?? 0;
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
      doc: w.doc,
      json: w.doc ? encodeEJSON(w.doc) : undefined,
    }));
    const removed: { key: string; version: number }[] = [];
    const touched: number[] = [];
    this.db.transaction(() => {
      if (replace) {
        this.db.exec('DELETE FROM docs');
        this.db.exec('DELETE FROM entries');
        this.db.exec('DELETE FROM collections');
        for (const name of replace) this.stmt.insertName.run(name);
      }
      for (const w of staged) {
        const indexes = this.byColl.get(w.coll) ?? [];
        const old = replace ? undefined : (this.stmt.old.get(w.coll, w.key) as { rowid: number; version: number; doc: string } | undefined);
        const next = w.doc && w.json !== undefined ? w.doc : undefined;
        if (!next && !old) continue;
        let before: Readonly<Doc> | undefined;
        if (old) {
          touched.push(old.rowid);
          const hit = this.cached(old.rowid);
          if (indexes.length > 0) before = hit && hit.version === old.version ? hit.doc : (this.stats.parsed++, decodeEJSON(old.doc, 0) as Doc);
        }
        let rowid: number;
        if (next) rowid = (this.stmt.upsert.get(w.coll, w.key, w.version, w.json) as { rowid: number }).rowid;
        else {
          rowid = old!.rowid;
          this.stmt.remove.run(rowid);
          removed.push({ key: `${w.coll}\u0000${w.key}`, version: w.version });
        }
        // Each field's values are encoded once per document; an index none of whose fields changed keeps its entries.
        const memoBefore: FieldMemo = new Map();
        const memoNext: FieldMemo = new Map();
        const same = (field: string) => {
          const [a, b] = [fieldKeys(before!, field, memoBefore), fieldKeys(next!, field, memoNext)];
          return a.length === b.length && a.every((x, k) => x.equals(b[k]));
        };
        for (const ix of indexes) {
          if (before && next && ix.keys.every(([field]) => same(field))) continue;
          const was = before ? indexKeys(before, ix.keys, memoBefore).map((k) => k.bytes) : [];
          const now = next ? this.keysOf(ix, next, memoNext) : [];
          const wasSet = new Set(was.map((b) => b.toString('latin1')));
          const nowSet = new Set(now.map((b) => b.toString('latin1')));
          for (const b of now) if (!wasSet.has(b.toString('latin1'))) this.stmt.addEntry.run(ix.id, b, rowid);
          for (const b of was) if (!nowSet.has(b.toString('latin1'))) this.stmt.dropEntry.run(ix.id, b, rowid);
        }
      }
      this.stmt.setSeq.run(seq);
    })();
    // Only after SQLite committed, so a failed commit leaves memory as untouched as the file.
    this.seq = seq;
    this.located.clear();
    if (replace) {
      this.cache.clear();
      this.names.clear();
      for (const name of replace) this.names.add(name);
      this.removedAt.clear();
    }
    for (const rowid of touched) this.cache.delete(rowid);
    for (const r of removed) this.removedAt.set(r.key, r.version);
  }

  isEmpty(): boolean {
    return this.stmt.any.get() === undefined;
  }

  /** Zeroes the counters (tests measure one operation). */
  resetStats(): void {
    this.stats.parsed = 0;
    this.stats.fetched = 0;
    this.stats.lookups = 0;
  }

  close(): void {
    this.db.close();
  }
}
