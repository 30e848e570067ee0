// Extended JSON as @cloudbase/database 1.4.3 speaks it: requests are canonical EJSON strings (bson 4.7
// `EJSON.stringify(..., {relaxed: false})`), responses are strings the SDK runs through `EJSON.parse`
// (relaxed), so plain JSON numbers come back as numbers and `$date` as Date. The same encoding is used on
// disk, so a stored document is exactly what a reply carries.
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;

const REGEX_FLAGS = 'imsu';

function reviveWrapper(obj: Record<string, unknown>, now: number): unknown {
  const keys = Object.keys(obj);
  if (keys.length !== 1 || keys[0][0] !== '$') return obj;
  const v = obj[keys[0]];
  switch (keys[0]) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return Number(v);
    case '$date':
      return toDate(v);
    case '$regularExpression': {
      const { pattern, options } = v as { pattern: string; options?: string };
      // Mongo's `x` flag has no JS equivalent; the other flags map one to one.
      const flags = [...(options ?? '')].filter((f) => REGEX_FLAGS.includes(f)).join('');
      return new RegExp(pattern, flags);
    }
    case '$tcb_server_date': {
      // db.serverDate({offset}) is resolved by the server at the time of the request.
      const offset = Number((v as { offset?: unknown } | null)?.offset ?? 0);
      return new Date(now + (Number.isFinite(offset) ? offset : 0));
    }
    default:
      // `$oid`, `$binary`, … travel untouched; query operators such as `{$gt: 1}` must too.
      return obj;
  }
}

function toDate(v: unknown): Date {
  const date = typeof v === 'string' ? new Date(v) : new Date(Number(v));
  if (Number.isNaN(date.getTime())) throw invalidParam(`invalid $date value: ${JSON.stringify(v)}`);
  return date;
}

/** Parses one EJSON string (or an already-parsed JSON value) into JS values: Date, RegExp, numbers. */
export function decodeEJSON(input: unknown, now: number): unknown {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text, function revive(_key, value: unknown) {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return reviveWrapper(value as Record<string, unknown>, now);
      }
      return value;
    });
  } catch (err) {
    if (err instanceof SyntaxError) throw invalidParam(`invalid EJSON: ${err.message}`);
    throw err;
  }
}

// Tag checks rather than instanceof: values may come from another realm (a jest VM context, or
// structuredClone's), and a foreign Date must still be stored as a date, not as its ISO string.
const tag = (v: unknown) => Object.prototype.toString.call(v);
export const isDate = (v: unknown): v is Date => tag(v) === '[object Date]';
export const isRegExp = (v: unknown): v is RegExp => tag(v) === '[object RegExp]';

function replace(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // JSON.stringify has already called Date#toJSON on `value`; the holder still has the Date itself.
  const raw = this[key];
  if (isDate(raw)) {
    const ms = raw.getTime();
    if (Number.isNaN(ms)) throw invalidParam(`invalid date in field "${key}"`);
    return { $date: { $numberLong: String(ms) } };
  }
  if (isRegExp(raw)) {
    const options = [...raw.flags]
      .filter((f) => REGEX_FLAGS.includes(f))
      .sort()
      .join('');
    return { $regularExpression: { pattern: raw.source, options } };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $numberDouble: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  }
  return value;
}

/** Encodes a JS value as the EJSON string the SDK decodes back to the same value. */
export function encodeEJSON(value: unknown): string {
  return JSON.stringify(value, replace);
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
