// MongoDB's sort order, which mingo does not follow for embedded documents and arrays (it compares them as
// strings, or not at all, so `group({_id: {region}}).sort({_id: 1})` comes back in input order):
// - values of different types order by type: null/missing < numbers < strings < objects < arrays < binary
//   < booleans < dates < regular expressions;
// - embedded documents compare field by field (the value's type, then the field name, then the value);
// - a sort key that is an array sorts by its smallest element ascending and its largest descending, and an
//   empty array sorts before null/missing (MongoDB "Comparison/Sort Order"; dotted paths through arrays
//   collect the values of every element the same way).
// Ties keep the input order (Array.prototype.sort is stable), which is the collection's natural order.
import type { Doc } from './ejson';
import { isPlainObject, isRegExp } from './ejson';

/** The sort key of a field holding `[]`: before null and missing. */
/** What an empty final array stands for among a path's values (sorts before null, as `[]` does in MongoDB). */
export const EMPTY_ARRAY = Symbol('empty array');

function typeRank(v: unknown): number {
  if (v === EMPTY_ARRAY) return 0;
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' || typeof v === 'bigint') return 2;
  if (typeof v === 'string' || typeof v === 'symbol') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof Uint8Array) return 6;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (isRegExp(v)) return 11;
  return 4;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareNumbers(a: number, b: number): number {
  // NaN sorts before every other number, as in MongoDB.
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  return sign(a - b);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareObjects(a: Doc, b: Doc): number {
  const ea = Object.entries(a);
  const eb = Object.entries(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
    const [ka, va] = ea[i];
    const [kb, vb] = eb[i];
    const byType = typeRank(va) - typeRank(vb);
    if (byType !== 0) return sign(byType);
    const byName = compareStrings(ka, kb);
    if (byName !== 0) return byName;
    const byValue = compareValues(va, vb);
    if (byValue !== 0) return byValue;
  }
  return sign(ea.length - eb.length);
}

/** BSON order of two values; arrays nested in a value compare element by element. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return sign(ra - rb);
  switch (ra) {
    case 2:
      return compareNumbers(Number(a), Number(b));
    case 3:
      return compareStrings(String(a), String(b));
    case 4:
      return compareObjects(a as Doc, b as Doc);
    case 5: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return sign(xa.length - xb.length);
    }
    case 6: {
      const xa = a as Uint8Array;
      const xb = b as Uint8Array;
      if (xa.length !== xb.length) return sign(xa.length - xb.length);
      for (let i = 0; i < xa.length; i++) if (xa[i] !== xb[i]) return sign(xa[i] - xb[i]);
      return 0;
    }
    case 8:
      return sign(Number(a) - Number(b));
    case 9:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 11: {
      const [pa, pb] = [a as RegExp, b as RegExp];
      return compareStrings(pa.source, pb.source) || compareStrings(pa.flags, pb.flags);
    }
    default:
      return 0;
  }
}

/** The elements of a final array (a sort compares by them). */
const elementsOf = (array: unknown[]): unknown[] => array;

/**
 * The values a dotted path reaches: through arrays of embedded documents, and the elements of a final array — as
 * `elements` gives them (an index takes those of nested arrays too, keys.ts); an empty one is EMPTY_ARRAY.
 */
export function valuesAt(value: unknown, path: string[], elements: (array: unknown[]) => unknown[] = elementsOf): unknown[] {
  if (path.length === 0) {
    if (!Array.isArray(value)) return [value];
    return value.length === 0 ? [EMPTY_ARRAY] : elements(value);
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    // A numeric step indexes the array; any other step looks into each element.
    if (/^\d+$/.test(head)) return valuesAt(value[Number(head)], rest, elements);
    const found = value.flatMap((el) => (isPlainObject(el) ? valuesAt(el[head], rest, elements) : []));
    return found.length > 0 ? found : [undefined];
  }
  if (isPlainObject(value)) return valuesAt(value[head], rest, elements);
  return [undefined];
}

/** The value a document sorts by on `field`: the smallest it holds ascending, the largest descending. */
function sortKey(doc: Doc, field: string, dir: 1 | -1): unknown {
  const values = valuesAt(doc, field.split('.'));
  let best = values[0];
  for (const v of values.slice(1)) if (compareValues(v, best) * dir < 0) best = v;
  return best;
}

/** The documents in MongoDB's order for a sort spec such as `{status: 1, createdAt: -1}` (a new array). */
export function sortDocs<T extends Doc>(docs: readonly T[], spec: Record<string, 1 | -1>): T[] {
  const fields = Object.entries(spec);
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(([field, dir]) => sortKey(doc, field, dir)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(x.keys[i], y.keys[i]);
      if (c !== 0) return c * fields[i][1];
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}
