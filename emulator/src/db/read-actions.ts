// getDocument, calculateDocument and aggregateDocuments, answered in the shapes @cloudbase/database reads:
// `data.list` of EJSON strings (query.ts/document.ts/aggregate.ts `res.data.list.map(EJSON.parse)`) and
// `data.total` for count.
import { cloneValue, decodeEJSON, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { invalidParam, requestFailed } from './errors';
import { aggregate, collectionName, DEFAULT_LIMIT, intParam, MAX_LIMIT, objectParam, sortSpec, type Params } from './query';
import { select, type Action } from './source';

export const getDocument: Action = (p, { source, now }) => {
  const coll = collectionName(p);
  const query = objectParam(p, 'query', now);
  const order = objectParam(p, 'order', now);
  const offset = intParam(p, 'offset', 0);
  // limit 0 (or none) is the default page, as in the SDK (`if (limit) … else 100`).
  const limit = Math.min(intParam(p, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
  const projection = objectParam(p, 'projection', now);
  const docs = select(source, coll, query, { sort: sortSpec(order), skip: offset, limit, projection });
  return {
    data: { list: docs.map(encodeEJSON), limit, offset },
    read: docs.length,
    ran: { query, order: Object.keys(order).length > 0 ? order : undefined },
  };
};

export const calculateDocument: Action = (p, { source, now }) => {
  const coll = collectionName(p);
  const query = objectParam(p, 'query', now);
  const total = select(source, coll, query).length;
  return { data: { total }, read: total, ran: { query } };
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

export const aggregateDocuments: Action = (p, { source, now }) => {
  const coll = collectionName(p);
  if (source.inTransaction) throw requestFailed('aggregate is not allowed in a transaction');
  const pipeline = pipelineOf(p, now);
  // A leading $match is where an index applies; running it here also gives `_id` lookups their fast path.
  const first = pipeline[0];
  const query = first && isPlainObject(first.$match) ? first.$match : {};
  const input = select(source, coll, query);
  const rest = first && first.$match !== undefined ? pipeline.slice(1) : pipeline;
  const list = aggregate(input, rest, (other) => cloneValue(source.scan(other)) as Doc[]);
  return { data: { list: list.map(encodeEJSON) }, read: input.length, ran: { query } };
};
