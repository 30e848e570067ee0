// Extended JSON as @cloudbase/database 1.4.3 speaks it: requests are canonical EJSON strings (bson 4.7
// `EJSON.stringify(..., {relaxed: false})`), responses are strings the SDK runs through `EJSON.parse`
// (relaxed), so plain JSON numbers come back as numbers and `$date` as Date. Both directions are bson's own EJSON
// (relaxed); what is ours is the cloud's `$tcb_server_date` and the JS values the query engine works with. The
// same encoding is used on disk, so a stored document is exactly what a reply carries.
import { EJSON } from 'bson';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;

// Tag checks rather than instanceof: values may come from another realm (a jest VM context, or
// structuredClone's), and a foreign Date must still be stored as a date, not as its ISO string.
const tag = (v: unknown) => Object.prototype.toString.call(v);
export const isDate = (v: unknown): v is Date => tag(v) === '[object Date]';
export const isRegExp = (v: unknown): v is RegExp => tag(v) === '[object RegExp]';

/** A bson class instance (Decimal128, BSONRegExp, ObjectId, …), as relaxed `EJSON.parse` makes of some wrappers. */
interface BsonValue {
  _bsontype: string;
  toExtendedJSON(options: { relaxed: boolean }): unknown;
}
const isBson = (v: object): v is BsonValue => typeof (v as { _bsontype?: unknown })._bsontype === 'string';

// Mongo's `x` and `l` flags have no JS equivalent; the other flags map one to one.
const REGEX_FLAGS = 'imsu';

/**
 * What bson leaves for us after a relaxed parse: `db.serverDate({offset})`, resolved by the server at the time of
 * the request; decimals as numbers and regular expressions as JS RegExps (the engine computes and matches with
 * them); any other bson value (`$oid`, `$binary`, …) back to its canonical wrapper, which travels untouched.
 */
function settle(value: unknown, now: number): unknown {
  if (typeof value !== 'object' || value === null || isDate(value) || isRegExp(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = settle(value[i], now);
    return value;
  }
  if (isBson(value)) {
    if (value._bsontype === 'Decimal128') return Number(String(value));
    if (value._bsontype === 'BSONRegExp') {
      const { pattern, options } = value as unknown as { pattern: string; options: string };
      return new RegExp(pattern, [...options].filter((f) => REGEX_FLAGS.includes(f)).join(''));
    }
    return value.toExtendedJSON({ relaxed: false });
  }
  const obj = value as Doc;
  if ('$tcb_server_date' in obj) {
    const offset = Number((obj.$tcb_server_date as { offset?: unknown } | null)?.offset ?? 0);
    return new Date(now + (Number.isFinite(offset) ? offset : 0));
  }
  for (const key of Object.keys(obj)) obj[key] = settle(obj[key], now);
  return obj;
}

/** Any `"$…"` key but those bson turns into plain JS values (dates and numbers): only then is a second walk needed. */
const NEEDS_SETTLING = /"\$(?!date"|numberInt"|numberLong"|numberDouble")/;

/** Parses one EJSON string (or an already-parsed JSON value) into JS values: Date, RegExp, numbers. */
export function decodeEJSON(input: unknown, now: number): unknown {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    // Without a `"$` there is no wrapper to read: plain JSON, which JSON.parse reads faster than bson's reviver.
    if (!text.includes('"$')) return JSON.parse(text) as unknown;
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (err) {
    throw invalidParam(`invalid EJSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return NEEDS_SETTLING.test(text) ? settle(parsed, now) : parsed;
}

/** Encodes a JS value as the (relaxed) EJSON string the SDK decodes back to the same value. */
export function encodeEJSON(value: unknown): string {
  let text: string;
  try {
    text = EJSON.stringify(value, { relaxed: true });
  } catch (err) {
    throw invalidParam(err instanceof Error ? err.message : String(err));
  }
  // bson writes an invalid Date as a $numberLong it cannot read back. Inside a JSON string every quote is escaped,
  // so this sequence can only be that wrapper.
  if (text.includes('"$numberLong":"NaN"')) throw invalidParam('invalid date: not a point in time');
  return text;
}

export function isPlainObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v) && !isRegExp(v);
}

/** Deep copy whose Dates and RegExps belong to this realm, which mingo's `instanceof` checks require. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (isDate(value)) return new Date(value.getTime()) as T;
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
  return out as T;
}
