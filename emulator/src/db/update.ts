// modifyDocument semantics: `merge: true` applies an operator document (the SDK flattens nested objects into
// dot paths under $set/$inc/…), `merge: false` replaces the document (doc().set()). Operators run through
// mingo's updater, one operator at a time, on a clone, so a failing update changes nothing.
import { update as runOperator } from 'mingo';
import type { UpdateExpression } from 'mingo/updater';
import { cloneValue, isPlainObject, type Doc } from './ejson';
import { invalidParam, requestFailed, toDbError } from './errors';
import { compile, topConditions } from './query';
import { idKey } from './store';

const immutableId = () => requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");

/** The update's operators; a document without operators is a $set of its fields, as the cloud treats it. */
function operatorsOf(data: Doc): Record<string, Doc> {
  const keys = Object.keys(data);
  if (keys.length === 0) throw invalidParam('update data must not be empty');
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length === 0) return { $set: data };
  if (ops.length !== keys.length) throw invalidParam('update data must not mix operators and fields');
  for (const op of ops) if (!isPlainObject(data[op])) throw invalidParam(`${op} needs an object`);
  return data as Record<string, Doc>;
}

/** Mongo rejects an update that touches a path and its parent (or the same path twice) at once. */
function checkConflicts(ops: Record<string, Doc>): void {
  const paths = Object.entries(ops).flatMap(([op, args]) =>
    Object.entries(args).flatMap(([path, to]) => (op === '$rename' && typeof to === 'string' ? [path, to] : [path])),
  );
  for (const [i, a] of paths.entries()) {
    for (const b of paths.slice(i + 1)) {
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw requestFailed(`Updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
}

function getPath(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, seg) => (isPlainObject(v) || Array.isArray(v) ? (v as Doc)[seg] : undefined), doc);
}

function setPath(target: Doc, path: string, value: unknown): Doc {
  const segs = path.split('.');
  let node = target;
  for (const seg of segs.slice(0, -1)) {
    if (!isPlainObject(node[seg])) node[seg] = {};
    node = node[seg] as Doc;
  }
  node[segs[segs.length - 1]] = value;
  return target;
}

/** `arr.$.field`: the index of the first element of `arr` that the query's conditions on `arr` match. */
function positionalIndex(doc: Doc, prefix: string, query: Doc): number {
  const arr = getPath(doc, prefix);
  const conds = topConditions(query).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));
  if (Array.isArray(arr) && conds.length > 0) {
    const test = compile(Object.fromEntries(conds));
    const index = arr.findIndex((el) => test.test(setPath({}, prefix, [el])));
    if (index >= 0) return index;
  }
  throw requestFailed('The positional operator did not find the match needed from the query.');
}

/** mingo's $inc/$mul take any operand; Mongo insists on numbers on both sides. */
function checkNumeric(op: string, args: Doc, doc: Doc): void {
  if (op !== '$inc' && op !== '$mul') return;
  for (const [path, operand] of Object.entries(args)) {
    if (typeof operand !== 'number') throw requestFailed(`Cannot apply ${op} with non-numeric argument at '${path}'`);
    const current = getPath(doc, path);
    if (current !== undefined && typeof current !== 'number') {
      throw requestFailed(`Cannot apply ${op} to a value of non-numeric type at '${path}'`);
    }
  }
}

function resolvePositional(args: Doc, doc: Doc, query: Doc): Doc {
  const out: Doc = {};
  for (const [path, value] of Object.entries(args)) {
    const segs = path.split('.');
    const at = segs.indexOf('$');
    if (at >= 0) segs[at] = String(positionalIndex(doc, segs.slice(0, at).join('.'), query));
    out[segs.join('.')] = value;
  }
  return out;
}

/** The updated copy of `doc`; throws (leaving `doc` untouched) when the update is invalid. */
export function applyUpdate(doc: Readonly<Doc>, data: Doc, merge: boolean, query: Doc): Doc {
  if (!merge) {
    if (Object.keys(data).some((k) => k.startsWith('$'))) throw invalidParam('a replacement document must not contain operators');
    if ('_id' in data && idKey(data._id) !== idKey(doc._id)) throw immutableId();
    return { _id: doc._id, ...data };
  }
  const ops = operatorsOf(data);
  checkConflicts(ops);
  const next = cloneValue(doc) as Doc;
  for (const [op, args] of Object.entries(ops)) {
    const resolved = resolvePositional(args, next, query);
    checkNumeric(op, resolved, next);
    try {
      runOperator(next, { [op]: resolved } as unknown as UpdateExpression);
    } catch (err) {
      throw toDbError(err);
    }
  }
  if (idKey(next._id) !== idKey(doc._id)) throw immutableId();
  return next;
}

/** The document an upsert starts from: the query's plain equality conditions (Mongo's rule). */
export function upsertBase(query: Doc): Doc {
  const base: Doc = {};
  for (const [path, cond] of topConditions(query)) {
    if (path.startsWith('$')) continue;
    const isOperator = isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'));
    if (!isOperator) setPath(base, path, cond);
    else if ('$eq' in (cond as Doc)) setPath(base, path, (cond as Doc).$eq);
  }
  return base;
}
