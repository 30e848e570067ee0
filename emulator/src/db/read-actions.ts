// getDocument, calculateDocument and aggregateDocuments, answered in the shapes @cloudbase/database reads:
// `data.list` of EJSON strings (query.ts/document.ts/aggregate.ts `res.data.list.map(EJSON.parse)`) and
// `data.total` for count.
import { cloneValue, decodeEJSON, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { invalidParam, requestFailed } from './errors';
import { distanceTo, noGeoIndex, pointOf } from './geo';
import { aggregate, collectionName, DEFAULT_LIMIT, intParam, MAX_LIMIT, objectParam, sortSpec, type Params } from './query';
import { indexCount } from './indexed';
import { select, type Action, type ActionEnv, type Selection } from './source';
import { replyEJSON } from './store';

export const getDocument: Action = (p, env) => {
  const { now } = env;
  const coll = collectionName(p);
  const query = objectParam(p, 'query', now);
  const order = objectParam(p, 'order', now);
  const offset = intParam(p, 'offset', 0);
  // limit 0 (or none) is the default page, as in the SDK (`if (limit) … else 100`).
  const limit = Math.min(intParam(p, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
  const projection = objectParam(p, 'projection', now);
  const { docs, examined, plan } = select(env, coll, query, { sort: sortSpec(order), skip: offset, limit, projection });
  return {
    data: { list: docs.map(replyEJSON), limit, offset },
    read: docs.length,
    examined,
    ran: { query, order: Object.keys(order).length > 0 ? order : undefined, plan },
  };
};

export const calculateDocument: Action = (p, env) => {
  const coll = collectionName(p);
  const query = objectParam(p, 'query', env.now);
  // Counted from the index entries when the index answers the query exactly (no document is read).
  const plan = env.source.store ? env.plan(coll, query) : undefined;
  const counted = plan && env.source.store ? indexCount(env.source.store, coll, plan, query) : undefined;
  if (plan && counted !== undefined) return { data: { total: counted }, read: counted, examined: counted, ran: { query, plan } };
  const { docs, examined, plan: ran } = select(env, coll, query);
  return { data: { total: docs.length }, read: docs.length, examined, ran: { query, plan: ran } };
};

/** The SDK sends each stage as `{stageKey: '$match', stageValue: '<EJSON or JSON text>'}`. */
function pipelineOf(p: Params, now: number): Doc[] {
  if (!Array.isArray(p.stages)) throw invalidParam('stages must be an array');
  return p.stages.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw invalidParam('each stage needs a stageKey and a stageValue string');
    }
    // $out/$merge would write through a read API; the cloud's aggregate is read-only.
    if (stage.stageKey === '$out' || stage.stageKey === '$merge') throw requestFailed(`${stage.stageKey} is not supported`);
    return { [stage.stageKey]: decodeEJSON(stage.stageValue, now) };
  });
}

/**
 * What the cloud returns of an aggregate: 20 results when the pipeline has no `$limit` stage (whatever its
 * length), and with one at most 10,000. The official docs are silent; developers measured both on the cloud
 * (developers.weixin.qq.com community: article 000624c67c8b48611dba2b12058c13 "云函数端Aggregate聚合操作limit
 * 默认20条限制", question 0006ee7caecd8020df7b559b451800 "一般查询是默认100条,但是聚合查询默认是20条").
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;
export const AGGREGATE_MAX_LIMIT = 10_000;

export const aggregateDocuments: Action = (p, env) => {
  const { source, now } = env;
  const coll = collectionName(p);
  if (source.inTransaction) throw requestFailed('aggregate is not allowed in a transaction');
  const pipeline = pipelineOf(p, now);
  if (pipeline.slice(1).some((stage) => '$geoNear' in stage)) throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
  // A leading $match is where an index applies; running it here also gives `_id` lookups their fast path.
  const first = pipeline[0];
  const geoNear = first && '$geoNear' in first ? geoNearStage(env, coll, first.$geoNear) : undefined;
  const query = geoNear ? geoNear.query : first && isPlainObject(first.$match) ? first.$match : {};
  // Only the leading $match is planned: a later $sort/$skip is not checked against the indexes.
  const selection = select(env, coll, query);
  const { examined, plan } = selection;
  const input = geoNear ? geoNear.annotate(selection) : selection.docs;
  const rest = first && (first.$match !== undefined || geoNear) ? pipeline.slice(1) : pipeline;
  const limited = pipeline.some((stage) => '$limit' in stage);
  const all = aggregate(input, rest, (other) => cloneValue(source.scan(other)) as Doc[]);
  const list = all.slice(0, limited ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT);
  return { data: { list: list.map(encodeEJSON) }, read: input.length, examined, ran: { query, plan } };
};

/**
 * The `$geoNear` stage (aggregate().geoNear()): the documents near `near` through the 2dsphere index of `key`
 * (the collection's only one when no key is given), nearest first, each with its distance in metres (times
 * `distanceMultiplier`) in `distanceField` and, with `includeLocs`, the location it was measured to.
 */
function geoNearStage(env: ActionEnv, coll: string, spec: unknown): { query: Doc; annotate: (s: Selection) => Doc[] } {
  if (!isPlainObject(spec)) throw invalidParam('$geoNear needs an object');
  const center = pointOf(spec.near, '$geoNear.near');
  if (typeof spec.distanceField !== 'string' || spec.distanceField === '') throw invalidParam('$geoNear requires a distanceField');
  const distanceField = spec.distanceField;
  const indexed = env.geoIndexed(coll);
  const key = typeof spec.key === 'string' ? spec.key : indexed.length === 1 ? indexed[0] : undefined;
  if (key === undefined && indexed.length > 1) throw requestFailed('more than one 2dsphere index: name the field in the key option of $geoNear');
  if (key === undefined || !indexed.includes(key)) throw noGeoIndex(coll, key ?? '(any field)');
  const multiplier = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier);
  if (!Number.isFinite(multiplier)) throw invalidParam('distanceMultiplier must be a number');
  const includeLocs = typeof spec.includeLocs === 'string' && spec.includeLocs !== '' ? spec.includeLocs : undefined;
  if (spec.query !== undefined && !isPlainObject(spec.query)) throw invalidParam('$geoNear.query must be an object');
  const near = { $geometry: spec.near, $maxDistance: spec.maxDistance, $minDistance: spec.minDistance };
  const query: Doc = { ...(spec.query ?? {}), [key]: { $nearSphere: near } };
  const annotate = ({ docs }: Selection) =>
    docs.map((stored) => {
      const doc = cloneValue(stored);
      const location = pathValue(doc, key);
      setPath(doc, distanceField, (distanceTo(center, location, key) ?? 0) * multiplier);
      if (includeLocs) setPath(doc, includeLocs, cloneValue(location));
      return doc;
    });
  return { query, annotate };
}

function pathValue(doc: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), doc);
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = doc;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(target[key])) target[key] = {};
    target = target[key] as Doc;
  }
  target[keys[keys.length - 1]] = value;
}
