// Query execution with mingo: candidate documents (straight to the row for `_id` lookups), then mingo for
// the filter, sort, skip, limit and projection, with every operator registered (mingo/init/context).
import { Aggregator, ProcessingMode, Query } from 'mingo';
import { Context, type Options, type PipelineOperator } from 'mingo/core';
import fullContext from 'mingo/init/context';
import { decodeEJSON, encodeEJSON, isPlainObject, isRegExp, type Doc } from './ejson';
import { invalidParam, toDbError } from './errors';
import { byDistance, GEO_QUERY_OPERATORS, nearCondition } from './geo';
import { sortDocs } from './order';

/** The `$sort` stage in MongoDB's order (order.ts) instead of mingo's. */
const $sort: PipelineOperator = (collection, spec) => {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw invalidParam('$sort needs at least one field');
  return collection.transform((docs) => sortDocs(docs as Doc[], sortSpec(spec) ?? {}));
};

// $where/$function/$accumulator run arbitrary JS; the cloud does not offer them. The first context's
// operators win a merge, so ours replaces mingo's $sort; the geo operators (geo.ts) are ones mingo lacks.
const OPTIONS: Partial<Options> = {
  context: Context.merge(Context.init({ pipeline: { $sort }, query: GEO_QUERY_OPERATORS }), fullContext()),
  scriptEnabled: false,
};

export const DEFAULT_LIMIT = 100;
// The SDK clamps .limit() to 1000 before sending (query.ts `limit < 1000 ? limit : 1000`); the server does
// the same for requests that bypass the SDK.
export const MAX_LIMIT = 1000;

export type Params = Record<string, unknown>;

export function collectionName(p: Params): string {
  const name = p.collectionName;
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName is required');
  return name;
}

/** An EJSON-encoded object param (query, data, order, projection); absent means {}. */
export function objectParam(p: Params, key: string, now: number): Doc {
  const raw = p[key];
  if (raw === undefined || raw === null || raw === '') return {};
  const value = decodeEJSON(raw, now);
  if (!isPlainObject(value)) throw invalidParam(`${key} must be an object`);
  return value;
}

export function intParam(p: Params, key: string, fallback: number): number {
  const v = p[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalidParam(`${key} must be a non-negative integer`);
  return v;
}

export function sortSpec(order: Doc): Record<string, 1 | -1> | undefined {
  const entries = Object.entries(order);
  if (entries.length === 0) return undefined;
  for (const [field, dir] of entries) {
    if (dir !== 1 && dir !== -1) throw invalidParam(`order of "${field}" must be 1 or -1`);
  }
  return order as Record<string, 1 | -1>;
}

/** Conditions at the top level of a query, including those inside a top-level `$and` (any depth). */
export function topConditions(query: Doc): [string, unknown][] {
  return Object.entries(query).flatMap(([key, value]): [string, unknown][] =>
    key === '$and' && Array.isArray(value) ? value.filter(isPlainObject).flatMap((q) => topConditions(q)) : [[key, value]],
  );
}

/**
 * The `_id` values a query pins by equality or `$in` (a superset of its matches, so callers can fetch those
 * rows directly and still filter with the whole query), or undefined when it does not pin `_id`.
 */
export function pinnedIds(query: Doc): unknown[] | undefined {
  for (const [key, cond] of topConditions(query)) {
    if (key !== '_id') continue;
    if (!isPlainObject(cond)) {
      if (!isRegExp(cond)) return [cond];
      continue;
    }
    const ops = Object.keys(cond);
    if (ops.length > 0 && ops.every((k) => !k.startsWith('$'))) return [cond];
    if (ops.length !== 1) continue;
    if (ops[0] === '$eq') return [cond.$eq];
    const list = cond.$in;
    if (ops[0] === '$in' && Array.isArray(list) && !list.some(isRegExp)) return list;
  }
  return undefined;
}

// Constructing a mingo Query copies its operator tables (~150 µs); compiled queries are stateless, so the
// ones seen recently are kept. Keyed by the query's EJSON text, which tells Dates and RegExps apart.
const compiled = new Map<string, Query>();
const COMPILED_MAX = 500;

export function compile(query: Doc): Query {
  const key = encodeEJSON(query);
  let q = compiled.get(key);
  if (q) {
    compiled.delete(key);
  } else {
    try {
      q = new Query(query, OPTIONS);
    } catch (err) {
      throw toDbError(err);
    }
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, q);
  return q;
}

export interface FindSpec {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

/**
 * Runs filter → sort → skip → limit → projection over the candidates, in that order, like Mongo. A geoNear
 * ($nearSphere) condition orders the matches nearest first unless the query asks for another order.
 */
export function find(candidates: readonly Doc[], query: Doc, spec: FindSpec = {}): Doc[] {
  const projection = spec.projection && Object.keys(spec.projection).length > 0 ? spec.projection : undefined;
  try {
    const near = spec.sort ? undefined : nearCondition(query);
    if (near) {
      const skip = spec.skip ?? 0;
      const matches = compile(query)
        .find<Doc>(candidates as Doc[])
        .all();
      const page = byDistance(matches, near)
        .map(({ doc }) => doc)
        .slice(skip, spec.limit === undefined ? undefined : skip + spec.limit);
      return projection ? compile({}).find<Doc>(page, projection).all() : page;
    }
    if (!spec.sort) {
      let cursor = compile(query).find<Doc>(candidates as Doc[], projection);
      if (spec.skip) cursor = cursor.skip(spec.skip);
      if (spec.limit !== undefined) cursor = cursor.limit(spec.limit);
      return cursor.all();
    }
    // mingo's cursor sorts with its own comparison; the page is cut from MongoDB's order, then projected.
    const skip = spec.skip ?? 0;
    const sorted = sortDocs(
      compile(query)
        .find<Doc>(candidates as Doc[])
        .all(),
      spec.sort,
    );
    const page = sorted.slice(skip, spec.limit === undefined ? undefined : skip + spec.limit);
    return projection ? compile({}).find<Doc>(page, projection).all() : page;
  } catch (err) {
    throw toDbError(err);
  }
}

/** Runs an aggregation pipeline; inputs are cloned so stages like $addFields never touch stored documents. */
export function aggregate(docs: readonly Doc[], pipeline: Doc[], resolve: (coll: string) => Doc[]): Doc[] {
  try {
    const options = { ...OPTIONS, processingMode: ProcessingMode.CLONE_INPUT, collectionResolver: resolve };
    return new Aggregator(pipeline, options).run(docs as Doc[]) as Doc[];
  } catch (err) {
    throw toDbError(err);
  }
}
