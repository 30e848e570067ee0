// Reads through a declared index: the plan's bounds (coverage.ts) become key ranges of the store's index
// entries (keys.ts), and only the documents those entries point to are parsed and matched by mingo. When the
// index gives the requested order and there is a limit, the index is walked in order and stops once the page
// is full (documents tied on the sort taken in natural order, so the page is the one a full scan would give).
// A count of equalities on an index's leading fields is the number of its entries in range: no document read.
// The test of all this is test/emulator/db/indexed-reads.test.ts: random queries, indexed vs a full read.
import type { IndexOrder, Plan } from './coverage';
import { isPlainObject, isRegExp, type Doc } from './ejson';
import { encodeValue, indexKeys, isMultikey, successor, typeBracket } from './keys';
import { compile, find, topConditions, type FindSpec } from './query';
import type { Entry, Row, Store, StoredIndex } from './store';

export interface KeyRange {
  lo: Buffer;
  /** Exclusive; undefined: to the end of the index. */
  hi: Buffer | undefined;
}

/** Too many $in combinations: read the index from the prefix instead. */
const MAX_RANGES = 1000;

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const;

/** A value an index range can be built on: a scalar (not an array, embedded document or regex). */
function boundable(v: unknown): boolean {
  return !Array.isArray(v) && !isRegExp(v) && !isPlainObject(v) && !(v instanceof Uint8Array) && typeof v !== 'symbol' && typeof v !== 'function';
}

/** The values a condition pins the field to (equality or $in), or undefined. */
function points(cond: unknown): unknown[] | undefined {
  if (!isPlainObject(cond)) return boundable(cond) ? [cond] : undefined;
  if ('$eq' in cond) return boundable(cond.$eq) ? [cond.$eq] : undefined;
  const ops = Object.keys(cond);
  if (ops.length === 1 && Array.isArray(cond.$in) && cond.$in.length > 0 && cond.$in.every(boundable)) return cond.$in;
  return undefined;
}

/** The interval a range condition ({$gt, $gte, $lt, $lte}) gives the field, within its value's type, or undefined. */
function interval(cond: unknown, dir: 1 | -1): { lo: Buffer; loOpen: boolean; hi: Buffer; hiOpen: boolean }[] | undefined {
  if (!isPlainObject(cond)) return undefined;
  const ops = Object.keys(cond);
  if (ops.length === 0 || !ops.every((op) => (RANGE_OPS as readonly string[]).includes(op))) return undefined;
  if (!ops.every((op) => boundable(cond[op]))) return undefined;
  return ops.map((op) => {
    const v = cond[op];
    const [start, end] = typeBracket(v, dir);
    const at = encodeValue(v, dir);
    // Ascending, $gt v is (v, end of v's type); descending the bytes are inverted and it is (start, v).
    const above = (op === '$gt' || op === '$gte') === (dir === 1);
    const open = op === '$gt' || op === '$lt';
    return above ? { lo: at, loOpen: open, hi: end, hiOpen: true } : { lo: start, loOpen: false, hi: at, hiOpen: open };
  });
}

/**
 * The key ranges of `index` that hold every document matching `bounds` (a superset: mingo filters after),
 * or undefined when the index cannot narrow them (a condition it cannot encode on its first key).
 */
export function keyRanges({ keys, multikey }: Pick<StoredIndex, 'keys' | 'multikey'>, bounds: Doc): KeyRange[] | undefined {
  const conds = Array.isArray(bounds.$and) ? (bounds.$and as Doc[]).flatMap((c) => Object.entries(c)) : Object.entries(bounds);
  let prefixes: Buffer[] = [Buffer.alloc(0)];
  for (const [field, dir] of keys) {
    const mine = conds.filter(([f]) => f === field).map(([, c]) => c);
    const pinned = mine.map(points).find((p) => p !== undefined);
    if (pinned) {
      if (prefixes.length * pinned.length > MAX_RANGES) break;
      const encoded = pinned.map((v) => encodeValue(v, dir));
      prefixes = prefixes.flatMap((p) => encoded.map((e) => Buffer.concat([p, e])));
      continue;
    }
    const all = mine.flatMap((c) => interval(c, dir) ?? []);
    if (all.length === 0) break;
    // On a multikey field each limit may be met by another element of the array: only one of them bounds.
    const limits = multikey.has(field) ? all.slice(0, 1) : all;
    // The intersection: the highest lower limit and the lowest upper one.
    return prefixes.flatMap((p) => {
      let lo: Buffer | undefined = Buffer.alloc(0);
      let hi: Buffer | undefined;
      for (const l of limits) {
        const from = l.loOpen ? successor(Buffer.concat([p, l.lo])) : Buffer.concat([p, l.lo]);
        const to = l.hiOpen ? Buffer.concat([p, l.hi]) : successor(Buffer.concat([p, l.hi]));
        if (from === undefined) return [];
        if (Buffer.compare(from, lo) > 0) lo = from;
        if (to !== undefined && (hi === undefined || Buffer.compare(to, hi) < 0)) hi = to;
      }
      return hi !== undefined && Buffer.compare(lo, hi) >= 0 ? [] : [{ lo, hi }];
    });
  }
  if (prefixes.length === 1 && prefixes[0].length === 0) return undefined;
  return prefixes.map((p) => ({ lo: p, hi: successor(p) }));
}

export interface Candidates {
  /** The documents to run the query on, in natural order: all within the bounds, or those the walk read. */
  docs: Readonly<Doc>[];
  /** Documents within the bounds: all of them, or only those walked until the page was full. */
  examined: number;
}

interface Source {
  store: Store;
  coll: string;
}

/** Rowids of every entry within the ranges, in natural order. */
function rowidsWithin(store: Store, ix: StoredIndex, ranges: KeyRange[]): number[] {
  const all = new Set<number>();
  for (const r of ranges) for (const rid of store.rowidsIn(ix, r.lo, r.hi)) all.add(rid);
  return [...all].sort((a, b) => a - b);
}

/** The rowids of a plan's candidates (a union for a top-level $or), or undefined when an index cannot give them. */
function planRowids({ store, coll }: Source, plan: Plan): number[] | undefined {
  if (plan.branches) {
    const all = new Set<number>();
    for (const branch of plan.branches) {
      const rids = planRowids({ store, coll }, branch);
      if (!rids) return undefined;
      for (const rid of rids) all.add(rid);
    }
    return [...all].sort((a, b) => a - b);
  }
  const ix = plan.kind === 'index' && plan.index ? store.index(coll, plan.index.name) : undefined;
  const ranges = ix && plan.bounds ? keyRanges(ix, plan.bounds) : undefined;
  return ix && ranges ? rowidsWithin(store, ix, ranges) : undefined;
}

/**
 * How many documents match, from the index entries alone, when the index answers the query exactly: every
 * condition is an equality (or $in) on a scalar other than NaN, on the index's leading fields. Else undefined.
 * (Equality on a scalar matches exactly the documents with an entry of that value: null matches missing,
 * an array matches by any element, as the entries hold them.)
 */
export function indexCount(store: Store, coll: string, plan: Plan, query: Doc): number | undefined {
  if (plan.kind !== 'index' || !plan.index || !plan.bounds || plan.branches) return undefined;
  const ix = store.index(coll, plan.index.name);
  const conds = topConditions(query);
  if (!ix || conds.length === 0 || conds.length > ix.keys.length) return undefined;
  const leading = ix.keys.slice(0, conds.length).map(([field]) => field);
  const exact = conds.every(([field, cond]) => {
    // Only the condition itself: {$eq: v, $ne: w} narrows further than its entries.
    const values = !isPlainObject(cond) || Object.keys(cond).length === 1 ? points(cond) : undefined;
    // $in does not look into arrays nested in an array as equality does, and the entries hold their elements.
    if (isPlainObject(cond) && '$in' in cond && ix.multikey.has(field)) return false;
    return leading.includes(field) && values !== undefined && !values.some((v) => typeof v === 'number' && Number.isNaN(v));
  });
  if (!exact || new Set(conds.map(([field]) => field)).size !== conds.length) return undefined;
  const ranges = keyRanges(ix, { $and: conds.map(([field, cond]) => ({ [field]: cond })) });
  return ranges ? rowidsWithin(store, ix, ranges).length : undefined;
}

const rows = (store: Store, rids: number[]): Row[] => rids.flatMap((rid) => store.byRowid(rid) ?? []);

/**
 * The candidates of a query planned through an index, or undefined when the store has no entries for it (the
 * caller scans). `examined` counts as the meter always has (see source.ts Selection).
 */
export function indexCandidates(store: Store, coll: string, plan: Plan, query: Doc, spec: FindSpec): Candidates | undefined {
  if (plan.kind !== 'index' || !plan.bounds) return undefined;
  const bounds = compile(plan.bounds);
  const filter = compile(query);
  const wanted = spec.limit === undefined ? undefined : (spec.skip ?? 0) + spec.limit;
  const ix = plan.index ? store.index(coll, plan.index.name) : undefined;
  const ranges = ix ? keyRanges(ix, plan.bounds) : undefined;
  if (ix && ranges && plan.order && plan.order.through > 0 && wanted !== undefined && ranges.length === 1) {
    const sorted = [...new Set([...plan.order.unpinned, ...Object.keys(spec.sort ?? {})])];
    // A walk stops early only when the sort is on index fields that never held an array.
    const walkable = sorted.every((field) => ix.keys.some(([key]) => key === field) && !ix.multikey.has(field));
    const walked = walkable && walk(store, ix, ranges[0], plan.order, sorted, bounds, filter, wanted);
    if (walked) return walked;
  }
  const rids = planRowids({ store, coll }, plan);
  if (!rids) return undefined;
  if (plan.sortServed && wanted !== undefined && (!spec.sort || Object.keys(spec.sort).length === 0)) {
    // The order is the natural one: read in rowid order until the page is full.
    const docs: Readonly<Doc>[] = [];
    let examined = 0;
    let matched = 0;
    for (const rid of rids) {
      const row = store.byRowid(rid);
      if (!row || !bounds.test(row.doc)) continue;
      examined += 1;
      docs.push(row.doc);
      if (filter.test(row.doc) && ++matched >= wanted) break;
    }
    return { docs, examined };
  }
  const bounded = rows(store, rids)
    .map((r) => r.doc)
    .filter((d) => bounds.test(d));
  return { docs: bounded, examined: examinedOf(bounded, plan, query, spec) };
}

/** Through an index: the bounded documents, or only those walked to fill the page when the index gives the order. */
export function examinedOf(bounded: readonly Readonly<Doc>[], plan: Plan, query: Doc, spec: FindSpec): number {
  if (!plan.sortServed || spec.limit === undefined) return bounded.length;
  const inOrder = spec.sort ? find(bounded as Doc[], {}, { sort: spec.sort }) : bounded;
  const wanted = (spec.skip ?? 0) + spec.limit;
  const filter = compile(query);
  let matched = 0;
  for (let i = 0; i < inOrder.length; i++) {
    if (filter.test(inOrder[i]) && ++matched >= wanted) return i + 1;
  }
  return inOrder.length;
}

const WALK_CHUNK = 64;

/** Entries of one range in walk order, fetched a chunk at a time, with a look at the next one. */
class EntryReader {
  private chunk: Entry[] = [];
  private at = 0;
  private last: Entry | undefined;
  private ended = false;

  constructor(
    private readonly store: Store,
    private readonly ix: StoredIndex,
    private readonly range: KeyRange,
    private readonly reverse: boolean,
  ) {}

  peek(): Entry | undefined {
    if (this.at >= this.chunk.length && !this.ended) {
      this.chunk = this.store.entries(this.ix, this.range.lo, this.range.hi, this.reverse, WALK_CHUNK, this.last);
      this.at = 0;
      this.ended = this.chunk.length < WALK_CHUNK;
      if (this.chunk.length > 0) this.last = this.chunk[this.chunk.length - 1];
    }
    return this.chunk[this.at];
  }

  next(): Entry | undefined {
    const entry = this.peek();
    if (entry) this.at += 1;
    return entry;
  }
}

/**
 * Walks the index in the query's order until `wanted` documents matched. Documents tied on the sort (the same
 * key up to the sort's last field) are taken in natural order, as the stable sort of a full read orders them.
 * Undefined when a walked document holds an array on a field of the sort or an unpinned one up to the sort's
 * end (it sorts by its smallest or largest element, which need not be the one its place in the walk comes
 * from): the caller reads all candidates.
 */
function walk(
  store: Store,
  ix: StoredIndex,
  range: KeyRange,
  order: IndexOrder,
  sorted: string[],
  bounds: { test: (d: object) => boolean },
  filter: { test: (d: object) => boolean },
  wanted: number,
): Candidates | undefined {
  const paths = sorted.map((f) => f.split('.'));
  const reader = new EntryReader(store, ix, range, order.reverse);
  const seen = new Set<number>();
  const found: Row[] = [];
  let examined = 0;
  for (let first = reader.next(); first; first = reader.next()) {
    if (seen.has(first.rid)) continue;
    const head = store.byRowid(first.rid);
    if (!head) continue;
    const key = indexKeys(head.doc as Doc, ix.keys).find((k) => k.bytes.equals(first.k));
    if (!key) return undefined;
    // The entries tied with this one on the sort, in natural order.
    const tie = first.k.subarray(0, key.ends[order.through - 1]);
    const group = [first.rid];
    for (let e = reader.peek(); e && e.k.subarray(0, tie.length).equals(tie); e = reader.peek()) group.push(reader.next()!.rid);
    for (const rid of [...new Set(group)].sort((a, b) => a - b)) {
      if (seen.has(rid)) continue;
      seen.add(rid);
      const row = rid === head.rowid ? head : store.byRowid(rid);
      if (!row) continue;
      if (paths.some((p) => isMultikey(row.doc, p))) return undefined;
      if (!bounds.test(row.doc)) continue;
      examined += 1;
      if (!filter.test(row.doc)) continue;
      found.push(row);
      if (found.length >= wanted) return done(found, examined);
    }
  }
  return done(found, examined);
}

const done = (found: Row[], examined: number): Candidates => ({
  docs: [...found].sort((a, b) => a.rowid - b.rowid).map((r) => r.doc),
  examined,
});
