// The emulator's database: executes the `database.*` actions wx-server-sdk 4.0.2 sends (through
// @cloudbase/node-sdk 3.17.2 / @cloudbase/database 1.4.3) and answers with the JSON bodies the SDK expects.
//
// `handle` is synchronous from start to finish (better-sqlite3 is synchronous and nothing here awaits), so
// each action runs alone: a conditional update such as where({_id, status: 'approved'}).update(...) cannot
// interleave with another request, which is what makes it atomic, as it is on the cloud. Keep it that way.
import { randomBytes, randomUUID } from 'node:crypto';
import { Coverage, type FlagReason } from './coverage';
import { cloneValue, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { collectionNotExist, invalidParam, requestFailed, toDbError } from './errors';
import { aggregateDocuments, calculateDocument, getDocument } from './read-actions';
import { storeSource, transactionSource, type Action, type ActionResult } from './source';
import { Store } from './store';
import { Transactions } from './transactions';
import { collectionName, find as runFind } from './query';
import { insertDocument, modifyAndReturnDoc, modifyDocument, removeDocument } from './write-actions';

/** A query as the meter shows it: JSON-safe (Dates and RegExps in their EJSON form). */
export interface MeteredQuery {
  collection: string;
  query: unknown;
  order?: unknown;
}

/** A covered query the cloud would still run badly, and why (see coverage.ts planIndex). */
export interface FlaggedQuery extends MeteredQuery {
  reason: FlagReason;
  detail: string;
}

export interface DbMeterEvent {
  invocationId?: string;
  action: string;
  collection?: string;
  /** Documents the action matched: returned by get, counted by count, targeted by update/remove, fed into an aggregation after its leading $match. */
  read: number;
  /**
   * Documents the cloud would look at to answer, with the indexes of the index file: the whole collection
   * without one, the candidates within an index's bounds with one (see source.ts Selection). 0 for inserts.
   */
  examined: number;
  /** Documents inserted, changed or removed; inside a transaction they count at commitTransaction. */
  written: number;
  /** Set when no index in the index file serves the query: it would scan the collection on the cloud. */
  uncovered?: MeteredQuery;
  /** Set when an index serves the query only in part, the sort is outside it, or it skips more than 1,000. */
  flags?: FlaggedQuery[];
}

export interface CloudDatabaseOptions {
  /** SQLite file path (':memory:' allowed for unit tests). */
  file: string;
  /** ms since epoch: the emulator's controllable clock (for serverDate). */
  now: () => number;
  /**
   * Path of database/indexes.json; missing => every query not pinned by `_id` is uncovered. Its collections
   * are created at open, as the deploy creates them on the cloud.
   */
  indexesFile?: string;
  /** More collections to create at open (besides the index file's). */
  collections?: readonly string[];
  onMeter?: (e: DbMeterEvent) => void;
  /** How long an abandoned transaction lives, in real ms (default 30 s). */
  transactionTtlMs?: number;
  /** false: keep no index entries, so every query reads the whole collection (tests compare the two paths). */
  indexEntries?: boolean;
}

const ACTIONS: Record<string, Action> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
};

// The cloud generates 32 hex characters for `_id`.
const newId = () => randomBytes(16).toString('hex');

/** JSON-safe form of a query for the meter (Dates and RegExps in their EJSON form). */
const display = (value: Doc) => JSON.parse(encodeEJSON(value)) as unknown;

export class CloudDatabase {
  private readonly store: Store;
  private readonly txs: Transactions;
  private readonly coverage: Coverage;

  constructor(private readonly opts: CloudDatabaseOptions) {
    this.coverage = Coverage.fromFile(opts.indexesFile);
    this.store = new Store(opts.file, opts.indexEntries === false ? [] : this.coverage.indexes);
    this.txs = new Transactions(this.store, opts.transactionTtlMs);
    for (const name of this.declared()) this.store.createCollection(name);
  }

  /** The collections that exist from the start: the index file's and the options'. */
  private declared(): string[] {
    return [...new Set([...this.coverage.declared, ...(this.opts.collections ?? [])])];
  }

  /** One SDK `database.*` action → the exact JSON body the SDK expects (success, or the cloud's error shape). */
  handle(action: string, params: Record<string, unknown>, ctx?: { invocationId?: string }): unknown {
    const collection = typeof params.collectionName === 'string' ? params.collectionName : undefined;
    const meter: DbMeterEvent = { invocationId: ctx?.invocationId, action, collection, read: 0, examined: 0, written: 0 };
    let reply: Record<string, unknown>;
    try {
      reply = { requestId: randomUUID(), ...this.dispatch(action, params, meter) };
    } catch (err) {
      const { code, message } = toDbError(err);
      reply = { requestId: randomUUID(), code, message };
    }
    this.opts.onMeter?.(meter);
    return reply;
  }

  private dispatch(action: string, params: Record<string, unknown>, meter: DbMeterEvent): Record<string, unknown> {
    switch (action) {
      case 'database.startTransaction':
        return { transactionId: this.txs.start() };
      case 'database.commitTransaction':
        meter.written = this.txs.commit(params.transactionId);
        return {};
      case 'database.abortTransaction':
        this.txs.abort(params.transactionId);
        return {};
      case 'database.addCollection':
        // db.createCollection(name): fails when the collection exists, as on the cloud.
        if (!this.store.createCollection(collectionName(params))) throw requestFailed(`collection ${collectionName(params)} already exists`);
        return {};
    }
    const run = ACTIONS[action];
    if (!run) throw invalidParam(`unsupported action ${action}`);
    if (!this.store.hasCollection(collectionName(params))) throw collectionNotExist();
    const txId = params.transactionId;
    const tx = txId !== undefined && txId !== null && txId !== '' ? this.txs.get(txId) : undefined;
    const source = tx ? transactionSource(this.txs, tx) : storeSource(this.store);
    const plan = this.coverage.plan.bind(this.coverage);
    const geoIndexed = this.coverage.geoIndexed.bind(this.coverage);
    const result = run(params, { source, now: this.opts.now(), newId, plan, geoIndexed });
    if (result.writes?.length) {
      if (tx) this.txs.stage(tx, result.writes);
      else this.store.apply(result.writes);
    }
    this.record(meter, result, tx !== undefined);
    return { data: result.data };
  }

  private record(meter: DbMeterEvent, result: ActionResult, inTransaction: boolean): void {
    meter.read = result.read;
    meter.examined = result.examined;
    meter.written = inTransaction ? 0 : (result.writes?.length ?? 0);
    const { collection } = meter;
    if (!collection || !result.ran) return;
    const { query, order, plan } = result.ran;
    const shown: MeteredQuery = { collection, query: display(query), ...(order ? { order: display(order) } : {}) };
    if (plan.uncovered) meter.uncovered = shown;
    if (plan.flags.length > 0) meter.flags = plan.flags.map((f) => ({ ...shown, ...f }));
  }

  /**
   * Replace ALL data with these documents (plain objects; Date values are dates), atomically. The collections
   * are then the declared ones (index file, options) and those named here, even with no documents.
   */
  load(collections: Record<string, Record<string, unknown>[]>): void {
    const withIds = Object.fromEntries(
      Object.entries(collections).map(([name, docs]) => [name, docs.map(({ _id, ...rest }) => ({ _id: _id ?? newId(), ...rest }))]),
    );
    this.txs.clear();
    this.store.replaceAll(withIds, this.declared());
  }

  /** Plain reads for the emulator/tests (no meter): documents matching a Mongo query, Dates as Date. */
  find(collection: string, query: Record<string, unknown> = {}): Record<string, unknown>[] {
    if (!isPlainObject(query)) throw invalidParam('query must be an object');
    const docs = this.store.scan(collection).map((row) => row.doc);
    // The caller's query is copied so its Dates are this realm's, which mingo compares with instanceof.
    return cloneValue(runFind(docs, cloneValue(query)));
  }

  /** Whether the collection exists (was declared, loaded or created). */
  hasCollection(name: string): boolean {
    return this.store.hasCollection(name);
  }

  isEmpty(): boolean {
    return this.store.isEmpty();
  }

  /** Documents parsed from SQLite since open or the last reset (tests count them; see Store.stats). */
  get parsed(): number {
    return this.store.stats.parsed;
  }

  /** Documents the reads took from the store (cached or parsed) since open or the last reset. */
  get fetched(): number {
    return this.store.stats.fetched;
  }

  resetStats(): void {
    this.store.resetStats();
  }

  close(): void {
    this.txs.clear();
    this.store.close();
  }
}
