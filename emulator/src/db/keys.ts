// Index keys as bytes whose order (memcmp, which is how SQLite compares BLOBs) is MongoDB's order of the
// values (order.ts): a key is the concatenation of one encoding per index field, each a type byte in the
// BSON type order followed by a body, and no field's encoding is a prefix of another's, so comparing two keys
// compares field by field. A descending field is stored with every byte inverted, which reverses its order.
// - null and missing are one value (as in a MongoDB index); `[]` has its own byte before them;
// - numbers (and dates, as ms) are 8 bytes of the IEEE double with the sign bit flipped (all bits for
//   negatives), -0 as 0, NaN first; strings are UTF-8 with 0x00 escaped as 00 FF and ended by 00 00;
// - embedded documents are their fields in order (type byte, name, value) and arrays their elements, each
//   ended by a 00 byte; booleans one byte; regular expressions their source and flags.
// An array at the indexed path is multikey: one key per element, as MongoDB indexes it.
import { isDate, isPlainObject, isRegExp, type Doc } from './ejson';
import { EMPTY_ARRAY, valuesAt } from './order';

/** The type byte of each BSON type, in MongoDB's order; 0 ends a list. */
const T = { emptyArray: 1, null: 2, number: 3, string: 4, object: 5, array: 6, binary: 7, boolean: 9, date: 10, regex: 12 } as const;

function typeByte(v: unknown): number {
  if (v === EMPTY_ARRAY) return T.emptyArray;
  if (v === undefined || v === null) return T.null;
  if (typeof v === 'number' || typeof v === 'bigint') return T.number;
  if (typeof v === 'string') return T.string;
  if (Array.isArray(v)) return T.array;
  if (v instanceof Uint8Array) return T.binary;
  if (typeof v === 'boolean') return T.boolean;
  if (isDate(v)) return T.date;
  if (isRegExp(v)) return T.regex;
  return T.object;
}

const f64 = new DataView(new ArrayBuffer(8));

function pushNumber(out: number[], n: number): void {
  if (Number.isNaN(n)) {
    for (let i = 0; i < 8; i++) out.push(0);
    return;
  }
  f64.setFloat64(0, n === 0 ? 0 : n);
  const negative = (f64.getUint8(0) & 0x80) !== 0;
  for (let i = 0; i < 8; i++) {
    const b = f64.getUint8(i);
    out.push(negative ? ~b & 0xff : i === 0 ? b ^ 0x80 : b);
  }
}

function pushString(out: number[], s: string): void {
  for (const b of Buffer.from(s, 'utf8')) {
    out.push(b);
    if (b === 0) out.push(0xff);
  }
  out.push(0, 0);
}

function pushBody(out: number[], v: unknown): void {
  switch (typeByte(v)) {
    case T.number:
      return pushNumber(out, Number(v));
    case T.string:
      return pushString(out, v as string);
    case T.date:
      return pushNumber(out, (v as Date).getTime());
    case T.boolean:
      out.push(v ? 1 : 0);
      return;
    case T.regex:
      pushString(out, (v as RegExp).source);
      return pushString(out, (v as RegExp).flags);
    case T.binary: {
      const bytes = v as Uint8Array;
      out.push((bytes.length >>> 24) & 0xff, (bytes.length >>> 16) & 0xff, (bytes.length >>> 8) & 0xff, bytes.length & 0xff, ...bytes);
      return;
    }
    case T.array:
      for (const el of v as unknown[]) {
        out.push(typeByte(el));
        pushBody(out, el);
      }
      out.push(0);
      return;
    case T.object:
      for (const [k, el] of Object.entries(v as Doc)) {
        out.push(typeByte(el));
        pushString(out, k);
        pushBody(out, el);
      }
      out.push(0);
      return;
    default:
  }
}

/** One value's encoding (type byte and body), inverted for a descending field. */
export function encodeValue(v: unknown, dir: 1 | -1 = 1): Buffer {
  const out = [typeByte(v)];
  pushBody(out, v);
  return Buffer.from(dir === 1 ? out : out.map((b) => ~b & 0xff));
}

/** The first bytes of every value of one type: [typeByte] up to (excluding) [typeByte + 1], per direction. */
export function typeBracket(v: unknown, dir: 1 | -1): [Buffer, Buffer] {
  const t = typeByte(v);
  return dir === 1 ? [Buffer.from([t]), Buffer.from([t + 1])] : [Buffer.from([~t & 0xff]), Buffer.from([(~t & 0xff) + 1])];
}

/**
 * The query engine (mingo) matches {a: 'x'} against [['x']] too, so the elements of nested arrays get entries as well
 * (MongoDB would index the inner array as one value): an index never misses a match.
 */
const withInner = (array: unknown[]): unknown[] => array.flatMap((el) => (Array.isArray(el) ? [el, ...withInner(el)] : [el]));

/** The values a dotted path reaches, as an index sees them: through arrays of documents, and each element of a final array. */
export function indexedValues(doc: unknown, path: string[]): unknown[] {
  return valuesAt(doc, path, withInner);
}

/** Whether a path goes through or ends in an array in this document (its index keys are multikey). */
export function isMultikey(doc: unknown, path: string[]): boolean {
  let value: unknown = doc;
  for (const step of path) {
    if (Array.isArray(value)) return true;
    if (!isPlainObject(value)) return false;
    value = value[step];
  }
  return Array.isArray(value);
}

export interface IndexKey {
  bytes: Buffer;
  /** Where each field's encoding ends in `bytes`. */
  ends: number[];
}

/** A document's encoded values per field path (ascending, deduplicated), computed once for all its indexes. */
export type FieldMemo = Map<string, Buffer[]>;

/** The ascending encodings of the values a document holds at `field` (one per distinct multikey element). */
export function fieldKeys(doc: Readonly<Doc>, field: string, memo?: FieldMemo): Buffer[] {
  const known = memo?.get(field);
  if (known) return known;
  const seen = new Set<string>();
  const encoded = indexedValues(doc, field.split('.'))
    .map((v) => encodeValue(v))
    .filter((b) => {
      const text = b.toString('latin1');
      return seen.has(text) ? false : (seen.add(text), true);
    });
  memo?.set(field, encoded);
  return encoded;
}

const invert = (b: Buffer) => Buffer.from(b.map((x) => ~x & 0xff));

/** A document's keys in an index of these fields (one per combination of multikey values, deduplicated). */
export function indexKeys(doc: Readonly<Doc>, fields: readonly (readonly [string, 1 | -1])[], memo?: FieldMemo): IndexKey[] {
  let keys: IndexKey[] = [{ bytes: Buffer.alloc(0), ends: [] }];
  for (const [field, dir] of fields) {
    const encoded = fieldKeys(doc, field, memo).map((b) => (dir === 1 ? b : invert(b)));
    keys = keys.flatMap((key) =>
      encoded.map((b) => {
        const bytes = Buffer.concat([key.bytes, b]);
        return { bytes, ends: [...key.ends, bytes.length] };
      }),
    );
  }
  return keys;
}

/** The smallest byte string greater than every string starting with `prefix` (undefined: none, all bytes 0xFF). */
export function successor(prefix: Buffer): Buffer | undefined {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === 0xff) end -= 1;
  if (end === 0) return undefined;
  const out = Buffer.from(prefix.subarray(0, end));
  out[end - 1] += 1;
  return out;
}
