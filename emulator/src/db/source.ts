// What a `database.*` action works against: the committed store, or a transaction's view of it. Actions
// return their writes instead of applying them, so the caller decides where they go (one SQLite transaction,
// or the transaction's buffer) and the meter counts them in one place.
import type { Plan } from './coverage';
import { isPlainObject, type Doc } from './ejson';
import { requestFailed } from './errors';
import { geoFields, noGeoIndex } from './geo';
import { examinedOf, indexCandidates } from './indexed';
import { find, pinnedIds, topConditions, type FindSpec, type Params } from './query';
import { idKey, type Store, type Write } from './store';
import type { Transaction, Transactions } from './transactions';

export interface Source {
  get(coll: string, id: unknown): Readonly<Doc> | undefined;
  /** Every document of the collection in natural order. */
  scan(coll: string): Readonly<Doc>[];
  /** The committed store, whose index entries serve queries planned through an index (not in a transaction). */
  readonly store?: Store;
  readonly inTransaction: boolean;
}

export interface ActionEnv {
  source: Source;
  /** The emulator clock, for db.serverDate(). */
  now: number;
  newId: () => string;
  /** How the cloud would run a query with the declared indexes (coverage.ts), for the meter. */
  plan: (coll: string, query: Doc, sort?: Record<string, 1 | -1>, skip?: number) => Plan;
  /** The fields of a collection with a declared 2dsphere index (geoNear needs one). */
  geoIndexed: (coll: string) => string[];
}

export interface ActionResult {
  /** The reply's `data` (the caller adds `requestId`). */
  data: Doc;
  /** Documents the action matched (for get: returned); see DbMeterEvent. */
  read: number;
  /** Documents the cloud would look at to answer (see Selection). */
  examined: number;
  writes?: Write[];
  /** The query the action ran over the collection and its plan, for index coverage. */
  ran?: { query: Doc; order?: Doc; plan: Plan };
}

export type Action = (params: Params, env: ActionEnv) => ActionResult;

export function storeSource(store: Store): Source {
  return {
    get: (coll, id) => store.get(coll, id)?.doc,
    scan: (coll) => store.scan(coll).map((row) => row.doc),
    store,
    inTransaction: false,
  };
}

// "事务操作时只允许进行单记录操作，不允许进行批量操作" (WeChat Cloud docs on startTransaction).
const notSingleDocument = () => requestFailed('only single-document operations (by _id) are allowed in a transaction');

export function transactionSource(txs: Transactions, tx: Transaction): Source {
  return {
    get: (coll, id) => txs.read(tx, coll, id),
    scan: () => {
      throw notSingleDocument();
    },
    inTransaction: true,
  };
}

function fetch(source: Source, coll: string, ids: unknown[]): Readonly<Doc>[] {
  if (source.inTransaction && ids.length !== 1) throw notSingleDocument();
  const seen = new Set<string>();
  const docs: Readonly<Doc>[] = [];
  for (const id of ids) {
    const key = idKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = source.get(coll, id);
    if (doc) docs.push(doc);
  }
  return docs;
}

export interface Selection {
  docs: Doc[];
  /**
   * Documents the cloud would look at to answer: the ones fetched by `_id`; the whole collection for a scan;
   * through an index, the ones its bounds let through, or, when the index also gives the requested order
   * and there is a limit, only those walked until the page is full.
   */
  examined: number;
  plan: Plan;
}

/**
 * The matching documents, sorted, paged and projected, with the query's plan. Candidates are the rows an
 * `_id` condition pins; else, outside a transaction, the documents within the plan's index bounds, read from
 * the store's index entries (indexed.ts); else the whole collection, narrowed to the bounds. When the query is
 * nothing but the `_id` condition (doc(id) reads and writes) the lookup is already exact and mingo is skipped.
 */
export function select(env: Pick<ActionEnv, 'source' | 'plan' | 'geoIndexed'>, coll: string, query: Doc, spec: FindSpec = {}): Selection {
  // As in MongoDB, a $nearSphere (db.command.geoNear) runs only through a 2dsphere index on its field.
  const nears = geoFields(query).filter(({ op }) => op === '$nearSphere');
  if (nears.length > 1) throw requestFailed('Too many geoNear expressions');
  if (nears.length === 1 && !topConditions(query).some(([key, cond]) => key === nears[0].field && isPlainObject(cond) && '$nearSphere' in cond)) {
    throw requestFailed('geo near must be top-level expr');
  }
  for (const { field } of nears) {
    if (!env.geoIndexed(coll).includes(field)) throw noGeoIndex(coll, field);
  }
  const ids = pinnedIds(query);
  const plan = env.plan(coll, query, spec.sort, spec.skip);
  // Through an index the store has entries for: only the documents within its bounds are read.
  const indexed = !ids && env.source.store ? indexCandidates(env.source.store, coll, plan, query, spec) : undefined;
  if (indexed) return { docs: find(indexed.docs as Doc[], query, spec), examined: indexed.examined, plan };
  const all = ids ? fetch(env.source, coll, ids) : env.source.scan(coll);
  // The bounds are a part of the query's own conditions, so its matches are among the bounded documents.
  const bounded = plan.bounds ? find(all, plan.bounds) : all;
  const docs = matching(bounded, query, spec, ids !== undefined);
  return { docs, examined: plan.kind === 'index' ? examinedOf(bounded, plan, query, spec) : all.length, plan };
}

function matching(docs: readonly Readonly<Doc>[], query: Doc, spec: FindSpec, pinned: boolean): Doc[] {
  const exact = pinned && Object.keys(query).length === 1 && '_id' in query;
  if (exact && !spec.sort && (!spec.projection || Object.keys(spec.projection).length === 0)) {
    const skip = spec.skip ?? 0;
    return docs.slice(skip, spec.limit === undefined ? undefined : skip + spec.limit) as Doc[];
  }
  return find(docs, query, spec);
}
