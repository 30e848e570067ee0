// What a `database.*` action works against: the committed store, or a transaction's view of it. Actions
// return their writes instead of applying them, so the caller decides where they go (one SQLite transaction,
// or the transaction's buffer) and the meter counts them in one place.
import type { Doc } from './ejson';
import { requestFailed } from './errors';
import { find, pinnedIds, type FindSpec, type Params } from './query';
import { idKey, type Store, type Write } from './store';
import type { Transaction, Transactions } from './transactions';

export interface Source {
  get(coll: string, id: unknown): Readonly<Doc> | undefined;
  /** Every document of the collection in natural order. */
  scan(coll: string): Readonly<Doc>[];
  readonly inTransaction: boolean;
}

export interface ActionEnv {
  source: Source;
  /** The emulator clock, for db.serverDate(). */
  now: number;
  newId: () => string;
}

export interface ActionResult {
  /** The reply's `data` (the caller adds `requestId`). */
  data: Doc;
  /** Documents the action matched (for get: returned); see DbMeterEvent. */
  read: number;
  writes?: Write[];
  /** The query the action ran over the collection, for index coverage. */
  ran?: { query: Doc; order?: Doc };
}

export type Action = (params: Params, env: ActionEnv) => ActionResult;

export function storeSource(store: Store): Source {
  return {
    get: (coll, id) => store.get(coll, id)?.doc,
    scan: (coll) => Array.from(store.collection(coll).values(), (row) => row.doc),
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

/**
 * The matching documents, sorted, paged and projected. Candidates are the rows an `_id` condition pins
 * (else the whole collection); when the query is nothing but that condition (doc(id) reads and writes) the
 * lookup is already exact and mingo is skipped.
 */
export function select(source: Source, coll: string, query: Doc, spec: FindSpec = {}): Doc[] {
  const ids = pinnedIds(query);
  const docs = ids ? fetch(source, coll, ids) : source.scan(coll);
  const exact = ids !== undefined && Object.keys(query).length === 1 && '_id' in query;
  if (exact && !spec.sort && (!spec.projection || Object.keys(spec.projection).length === 0)) {
    const skip = spec.skip ?? 0;
    return docs.slice(skip, spec.limit === undefined ? undefined : skip + spec.limit) as Doc[];
  }
  return find(docs, query, spec);
}
