// Which queries an index declared in database/indexes.json (the file the deploy script applies) would serve,
// and how. The meter counts with it and the store reads through it (indexed.ts): it plans each query
// the way Mongo's planner would with those indexes, to count the documents the cloud would examine and to
// flag the queries that would scan there (no index at all, only part of one, a sort outside it, a deep skip).
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { isPlainObject, isRegExp, type Doc } from './ejson';
import { geoFields } from './geo';
import { pinnedIds, topConditions } from './query';

const indexFileSchema = z.object({
  collections: z.record(
    z.string(),
    z.object({
      // '2dsphere' declares a geospatial index on a field of GeoJSON values (db.Geo.*), as on the cloud.
      indexes: z.array(z.object({ name: z.string(), keys: z.record(z.string(), z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')])) })),
      fullScanAllowed: z.boolean().optional(),
    }),
  ),
});

export type IndexFile = z.infer<typeof indexFileSchema>;

interface Index {
  name: string;
  keys: [string, 1 | -1][];
}

interface CollectionIndexes {
  indexes: Index[];
  /** Fields with a 2dsphere index: what geoNear needs and what serves geoWithin / geoIntersects. */
  geo: string[];
  fullScanAllowed: boolean;
}

/** Why a covered query is still flagged; `no-index` is the meter's `uncovered`. */
export type FlagReason = 'partial-index' | 'sort-outside-index' | 'skip-over-1000';

export interface PlanFlag {
  reason: FlagReason;
  detail: string;
}

/** How the cloud would find a query's candidates with the declared indexes. */
export interface Plan {
  /** By `_id`; through index bounds (`bounds`); or by reading the whole collection. */
  kind: 'id' | 'index' | 'scan';
  /** For kind 'index': the query's conditions the index bounds; the documents matching it are the ones examined. */
  bounds?: Doc;
  /** The index hands documents over in the requested order, so a limit ends the scan early. */
  sortServed: boolean;
  /** No declared index serves the query and the collection does not allow full scans. */
  uncovered: boolean;
  flags: PlanFlag[];
  /** For kind 'index' through one declared index: that index (the store reads its entries within the bounds). */
  index?: { name: string; keys: [string, 1 | -1][] };
  /** When the index gives the requested order: how to walk it (see IndexOrder). */
  order?: IndexOrder;
  /** For a top-level $or: one plan per branch. */
  branches?: Plan[];
}

/**
 * How an index gives a query's order: walked backwards or not, and its first `through` keys make the sort (0:
 * the sort is only on fields pinned to one value, so the order is the natural one). `unpinned` are the fields
 * among those with no equality condition: a document holding an array there is out of order in the walk.
 */
export interface IndexOrder {
  reverse: boolean;
  through: number;
  unpinned: string[];
}

/** A `skip` beyond this still walks every skipped document: page by a key instead. */
export const MAX_SKIP = 1000;

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** point: one value (constant in the results); in: a set of points; range: an interval; other: $ne, $exists, regex… */
type Shape = 'point' | 'in' | 'range' | 'other';
const STRENGTH: Record<Shape, number> = { point: 3, in: 2, range: 1, other: 0 };

function shapeOf(cond: unknown): Shape {
  if (isRegExp(cond)) return 'other';
  if (!isPlainObject(cond)) return 'point';
  const ops = Object.keys(cond);
  if (ops.length === 0 || ops.every((k) => !k.startsWith('$')) || '$eq' in cond) return 'point';
  if (ops.length === 1 && Array.isArray(cond.$in) && !cond.$in.some(isRegExp)) return 'in';
  return ops.every((k) => RANGE_OPS.has(k)) ? 'range' : 'other';
}

/** The strongest shape each field is constrained by (conditions combine with AND at the top level). */
function shapes(conds: [string, unknown][]): Map<string, Shape> {
  const byField = new Map<string, Shape>();
  for (const [field, cond] of conds) {
    if (field.startsWith('$')) continue;
    const shape = shapeOf(cond);
    const seen = byField.get(field);
    if (!seen || STRENGTH[shape] > STRENGTH[seen]) byField.set(field, shape);
  }
  return byField;
}

interface IndexPlan {
  index: Index;
  bounded: string[];
  sortServed: boolean;
  order?: IndexOrder;
  flags: PlanFlag[];
}

const keyList = (index: Index) => index.keys.map(([k, d]) => (d === -1 ? `${k}↓` : k)).join(', ');

/**
 * One index against a query. The scan is bounded by the equality prefix (keys with a point or $in condition,
 * in index order) plus a range on the key right after it; the other conditions filter the documents the
 * bounds let through. So:
 * - equality on a short prefix is fine even if it is not selective (it is what the index is for);
 * - a range on a field that is not that next key is `partial-index`: it bounds nothing, and the scan reads
 *   every document of the prefix however old (a time window over a growing history);
 * - the sort, without the fields pinned to one value, must be the index keys that follow (an $in key of
 *   the prefix may be skipped: Mongo merges its sorted runs), all in the index's direction or all reversed;
 *   otherwise `sort-outside-index`: the whole bounded set is read and sorted in memory.
 */
function planIndex(index: Index, byField: Map<string, Shape>, sort: [string, 1 | -1][]): IndexPlan {
  const keys = index.keys.map(([k]) => k);
  let prefix = 0;
  while (prefix < keys.length && ['point', 'in'].includes(byField.get(keys[prefix]) ?? '')) prefix += 1;
  const rangeNext = prefix < keys.length && byField.get(keys[prefix]) === 'range';
  const bounded = keys.slice(0, Math.max(1, prefix + (rangeNext ? 1 : 0)));
  const flags: PlanFlag[] = [];
  for (const [field, shape] of byField) {
    if (shape === 'range' && !bounded.includes(field)) {
      const equality = prefix > 0 ? keys.slice(0, prefix).join(', ') : 'none';
      flags.push({
        reason: 'partial-index',
        detail: `range on ${field} is not the next key of index ${index.name} (${keyList(index)}) after its equality prefix (${equality}): every document of the prefix is examined`,
      });
    }
  }
  const order = servesSort(index, prefix, byField, sort);
  const sortServed = order !== undefined;
  if (!sortServed) {
    const order = sort.map(([k, d]) => (d === -1 ? `${k}↓` : k)).join(', ');
    flags.push({
      reason: 'sort-outside-index',
      detail: `sort by ${order} is not served by index ${index.name} (${keyList(index)}): every document of the prefix is read and sorted in memory`,
    });
  }
  return { index, bounded, sortServed, order, flags };
}

/** How the index gives the sort, or undefined when it does not. */
function servesSort(index: Index, prefix: number, byField: Map<string, Shape>, sort: [string, 1 | -1][]): IndexOrder | undefined {
  const wanted = sort.filter(([field]) => byField.get(field) !== 'point');
  if (wanted.length === 0) return { reverse: false, through: 0, unpinned: [] };
  const sortFields = new Set(wanted.map(([f]) => f));
  const usable = index.keys.filter(([field], i) => byField.get(field) !== 'point' && !(i < prefix && !sortFields.has(field)));
  if (wanted.length > usable.length) return undefined;
  const flip = wanted[0][1] === usable[0][1] ? 1 : -1;
  if (!wanted.every(([field, dir], i) => usable[i][0] === field && usable[i][1] * flip === dir)) return undefined;
  const through = index.keys.findIndex(([field]) => field === wanted[wanted.length - 1][0]) + 1;
  const unpinned = index.keys.slice(0, through).flatMap(([field]) => (['point', 'in'].includes(byField.get(field) ?? '') ? [] : [field]));
  return { reverse: flip === -1, through, unpinned };
}

/** Fewest flags first, then the tightest bounds, then the one that serves the sort. */
const better = (a: IndexPlan, b: IndexPlan) =>
  a.flags.length !== b.flags.length
    ? a.flags.length < b.flags.length
    : a.bounded.length !== b.bounded.length
      ? a.bounded.length > b.bounded.length
      : a.sortServed && !b.sortServed;

const boundsQuery = (conds: [string, unknown][], fields: string[]): Doc => ({
  $and: conds.filter(([key]) => fields.includes(key)).map(([key, value]) => ({ [key]: value })),
});

export class Coverage {
  private readonly collections = new Map<string, CollectionIndexes>();

  /** A missing file means no declared indexes: every query not pinned by `_id` is uncovered. */
  static fromFile(file: string | undefined): Coverage {
    if (!file || !existsSync(file)) return new Coverage({ collections: {} });
    const parsed = indexFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`invalid index file ${file}: ${parsed.error.message}`);
    return new Coverage(parsed.data);
  }

  /** The fields of `coll` with a 2dsphere index. */
  geoIndexed(coll: string): string[] {
    return this.collections.get(coll)?.geo ?? [];
  }

  /** The declared indexes (not the 2dsphere ones, nor `_id_`): the ones the store keeps entries for. */
  get indexes(): { coll: string; name: string; keys: [string, 1 | -1][] }[] {
    return [...this.collections].flatMap(([coll, spec]) =>
      spec.indexes.filter((ix) => ix.name !== '_id_').map((ix) => ({ coll, name: ix.name, keys: ix.keys })),
    );
  }

  /** The collections the index file declares: the ones the deploy creates. */
  get declared(): string[] {
    return [...this.collections.keys()];
  }

  constructor(spec: IndexFile) {
    for (const [name, coll] of Object.entries(spec.collections)) {
      // Every collection has the cloud's own `_id_` index: it serves a range on `_id` ordered by `_id` (a
      // migration pages a whole collection that way), besides the ids pinned by equality.
      const isGeo = (ix: { keys: Record<string, unknown> }) => Object.values(ix.keys).includes('2dsphere');
      const declared = coll.indexes
        .filter((ix) => Object.keys(ix.keys).length > 0 && !isGeo(ix))
        .map((ix) => ({ name: ix.name, keys: Object.entries(ix.keys) as [string, 1 | -1][] }));
      const indexes = [...declared, { name: '_id_', keys: [['_id', 1]] as [string, 1 | -1][] }];
      const geo = coll.indexes.flatMap((ix) => Object.entries(ix.keys).flatMap(([field, kind]) => (kind === '2dsphere' ? [field] : [])));
      this.collections.set(name, { indexes, geo, fullScanAllowed: coll.fullScanAllowed === true });
    }
  }

  /**
   * Covered: `_id` pinned by equality/$in, or a condition on the leading key of a declared index (top level
   * or inside a top-level $and), or a top-level $or whose every branch is covered (Mongo needs an index per
   * branch), or a collection declared `fullScanAllowed` (small lookup tables). A covered query may still be
   * flagged (see planIndex), and any `skip` beyond MAX_SKIP is.
   */
  plan(coll: string, query: Doc, sort: Record<string, 1 | -1> = {}, skip = 0): Plan {
    const spec = this.collections.get(coll);
    const plan: Plan = spec?.fullScanAllowed
      ? { kind: pinnedIds(query) ? 'id' : 'scan', sortServed: false, uncovered: false, flags: [] }
      : (this.planGeo(spec?.geo ?? [], query) ?? this.planWith(spec?.indexes ?? [], query, Object.entries(sort)));
    if (skip > MAX_SKIP) {
      plan.flags.push({
        reason: 'skip-over-1000',
        detail: `skip ${skip} > ${MAX_SKIP}: every skipped document is still read; page by a key instead`,
      });
    }
    return plan;
  }

  /** A geo condition at the top level on a 2dsphere field is served by that index (a geoNear always is). */
  private planGeo(geo: string[], query: Doc): Plan | undefined {
    if (pinnedIds(query)) return undefined;
    const conds = topConditions(query);
    const served = geoFields(Object.fromEntries(conds.filter(([key]) => !key.startsWith('$')))).filter(({ field }) => geo.includes(field));
    const field = (served.find(({ op }) => op === '$nearSphere') ?? served[0])?.field;
    if (field === undefined) return undefined;
    return { kind: 'index', bounds: boundsQuery(conds, [field]), sortServed: false, uncovered: false, flags: [] };
  }

  private planWith(indexes: Index[], query: Doc, sort: [string, 1 | -1][]): Plan {
    if (pinnedIds(query)) return { kind: 'id', sortServed: false, uncovered: false, flags: [] };
    const conds = topConditions(query);
    const byField = shapes(conds);
    let best: IndexPlan | undefined;
    for (const index of indexes) {
      if (!byField.has(index.keys[0][0])) continue;
      const candidate = planIndex(index, byField, sort);
      if (!best || better(candidate, best)) best = candidate;
    }
    if (best) {
      return {
        kind: 'index',
        bounds: boundsQuery(conds, best.bounded),
        sortServed: best.sortServed,
        uncovered: false,
        flags: best.flags,
        index: best.index,
        ...(best.order ? { order: best.order } : {}),
      };
    }
    return this.planOr(indexes, conds, sort) ?? { kind: 'scan', sortServed: false, uncovered: true, flags: [] };
  }

  /** A top-level $or is one index scan per branch; the documents examined are the union of theirs. */
  private planOr(indexes: Index[], conds: [string, unknown][], sort: [string, 1 | -1][]): Plan | undefined {
    for (const [key, branches] of conds) {
      if (key !== '$or' || !Array.isArray(branches) || branches.length === 0 || !branches.every(isPlainObject)) continue;
      const plans = branches.map((b) => this.planWith(indexes, b, sort));
      if (plans.some((p) => p.uncovered)) continue;
      const bounds = plans.map((p, i) => p.bounds ?? (branches[i] as Doc));
      return {
        kind: 'index',
        bounds: { $or: bounds },
        sortServed: plans.every((p) => p.sortServed),
        uncovered: false,
        flags: plans.flatMap((p) => p.flags),
        branches: plans,
      };
    }
    return undefined;
  }
}
