// insertDocument, modifyDocument, modifyAndReturnDoc and removeDocument, answered in the shapes
// @cloudbase/database reads: `data.insertedIds`, `data.updated` + `data.upsert_id`, `data.doc`, `data.deleted`.
import type { Plan } from './coverage';
import { decodeEJSON, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { invalidParam, requestFailed } from './errors';
import { collectionName, objectParam, type Params } from './query';
import { select, type Action, type ActionEnv } from './source';
import { idKey, type Write } from './store';
import { applyUpdate, upsertBase } from './update';

const duplicateKey = (coll: string, id: unknown) =>
  requestFailed(`E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${encodeEJSON(id)} }`);

export const insertDocument: Action = (p, { source, now, newId }) => {
  const coll = collectionName(p);
  const raw = Array.isArray(p.data) ? p.data : [p.data];
  if (raw.length === 0) throw invalidParam('data must not be empty');
  const batch = new Set<string>();
  // All or nothing: one duplicate fails the whole batch (the cloud's ordered insert would keep the earlier
  // documents; callers that rely on either are wrong, and nothing-written is the easier state to reason about).
  const writes = raw.map((text): Write => {
    const doc = decodeEJSON(text, now);
    if (!isPlainObject(doc)) throw invalidParam('each document must be an object');
    const id = doc._id ?? newId();
    if (batch.has(idKey(id)) || source.get(coll, id)) throw duplicateKey(coll, id);
    batch.add(idKey(id));
    return { coll, id, doc: { _id: id, ...doc } };
  });
  return { data: { insertedIds: writes.map((w) => w.id) }, read: 0, examined: 0, writes };
};

interface Targeted {
  coll: string;
  query: Doc;
  targets: Readonly<Doc>[];
  examined: number;
  plan: Plan;
}

/** The documents a write applies to: the first match unless `multi` (doc() and set() send multi false). */
function targets(p: Params, env: ActionEnv, multi: boolean): Targeted {
  const coll = collectionName(p);
  const query = objectParam(p, 'query', env.now);
  // A single-document write stops at its first match (limit 1), as it does on the cloud.
  const { docs, examined, plan } = select(env, coll, query, multi ? {} : { limit: 1 });
  return { coll, query, targets: docs, examined, plan };
}

function updated(coll: string, before: Readonly<Doc>, after: Doc): Write | undefined {
  // Like Mongo's nModified: an update that leaves the document as it was does not count as updated.
  return encodeEJSON(before) === encodeEJSON(after) ? undefined : { coll, id: before._id, doc: after };
}

function upsert(coll: string, query: Doc, data: Doc, merge: boolean, env: ActionEnv): Write {
  const base = upsertBase(query);
  const id = base._id ?? env.newId();
  const doc = merge ? applyUpdate({ ...base, _id: id }, data, true, query) : { _id: id, ...data };
  return { coll, id, doc };
}

export const modifyDocument: Action = (p, env) => {
  const merge = p.merge !== false;
  const { coll, query, targets: docs, examined, plan } = targets(p, env, p.multi === true);
  const data = objectParam(p, 'data', env.now);
  if (docs.length === 0 && p.upsert === true) {
    const write = upsert(coll, query, data, merge, env);
    return { data: { updated: 0, matched: 0, upsert_id: write.id }, read: 0, examined, writes: [write], ran: { query, plan } };
  }
  const writes = docs.flatMap((doc) => updated(coll, doc, applyUpdate(doc, data, merge, query)) ?? []);
  return { data: { updated: writes.length, matched: docs.length }, read: docs.length, examined, writes, ran: { query, plan } };
};

/** Query.updateAndReturn(): updates the first match and returns it as it is after the update. */
export const modifyAndReturnDoc: Action = (p, env) => {
  const { coll, query, targets: docs, examined, plan } = targets(p, env, false);
  const data = objectParam(p, 'data', env.now);
  const doc = docs[0];
  if (!doc) return { data: { updated: 0, doc: null }, read: 0, examined, ran: { query, plan } };
  const after = applyUpdate(doc, data, true, query);
  const write = updated(coll, doc, after);
  return { data: { updated: write ? 1 : 0, doc: encodeEJSON(after) }, read: 1, examined, writes: write ? [write] : [], ran: { query, plan } };
};

export const removeDocument: Action = (p, env) => {
  // where().remove() sends multi true; doc().remove() sends multi false.
  const { coll, query, targets: docs, examined, plan } = targets(p, env, p.multi !== false);
  const writes = docs.map((doc): Write => ({ coll, id: doc._id, doc: null }));
  return { data: { deleted: writes.length }, read: docs.length, examined, writes, ran: { query, plan } };
};
