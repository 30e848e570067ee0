// The index key encoding (keys.ts): comparing two keys' bytes (as SQLite compares BLOBs) must give MongoDB's
// order of the values, the order the query engine sorts by (order.ts compareValues), for every type mixed.
import { encodeValue, indexKeys, successor } from '../../src/db/keys';
import { compareValues } from '../../src/db/order';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

const VALUES: unknown[] = [
  null,
  undefined,
  Number.NaN,
  -Infinity,
  -1e308,
  -2.5,
  -1,
  -Number.MIN_VALUE,
  -0,
  0,
  Number.MIN_VALUE,
  0.1,
  1,
  2,
  10,
  2 ** 53,
  1e308,
  Infinity,
  '',
  '\u0000',
  '\u0000a',
  'a',
  'a\u0000',
  'a\u0000b',
  'a\u0001',
  'ab',
  'b',
  'Z',
  '中文',
  '中',
  'é',
  {},
  { a: 1 },
  { a: 2 },
  { a: 1, b: 1 },
  { a: 'x' },
  { b: 0 },
  { a: null },
  { a: { b: 1 } },
  [],
  [1],
  [1, 2],
  [2],
  ['a'],
  [null],
  [[1]],
  false,
  true,
  new Date(-1000),
  new Date(0),
  new Date(1),
  new Date('2026-12-05T10:00:00Z'),
  /a/,
  /a/i,
  /b/,
];

describe('order-preserving index keys', () => {
  test('the bytes of two values compare as MongoDB orders the values, for every pair of mixed types', () => {
    const wrong: string[] = [];
    for (const a of VALUES) {
      for (const b of VALUES) {
        // Nested arrays are values here (a top-level array is multikey, tested below).
        const expected = compareValues(a, b);
        const got = sign(Buffer.compare(encodeValue(a), encodeValue(b)));
        if (got !== expected) wrong.push(`${String(a)} vs ${String(b)}: bytes ${got}, Mongo ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('a descending field reverses the order, and equal values stay equal', () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        expect(sign(Buffer.compare(encodeValue(a, -1), encodeValue(b, -1)))).toBe(0 - compareValues(a, b) || 0);
      }
    }
  });

  test('null and missing are one key; 5 and 5.0 and -0 and 0 are equal keys', () => {
    expect(encodeValue(null).equals(encodeValue(undefined))).toBe(true);
    expect(encodeValue(-0).equals(encodeValue(0))).toBe(true);
  });

  test('a compound key orders by its first field, then the next (a string prefix is no tie-breaker)', () => {
    const fields: [string, 1 | -1][] = [
      ['s', 1],
      ['n', -1],
    ];
    const docs = [{ s: 'a', n: 1 }, { s: 'a', n: 2 }, { s: 'a\u0000', n: 0 }, { s: 'ab', n: 5 }, { s: 'b', n: 0 }, { n: 3 }, { s: 1, n: 1 }];
    const byBytes = [...docs].sort((x, y) => Buffer.compare(indexKeys(x, fields)[0].bytes, indexKeys(y, fields)[0].bytes));
    const byMongo = [...docs].sort((x, y) => compareValues(x.s, y.s) || -compareValues(x.n, y.n));
    expect(byBytes).toEqual(byMongo);
    expect(byBytes[0]).toEqual({ n: 3 });
  });

  test('an array at the indexed path is multikey: one key per distinct element, [] its own key, paths through arrays of documents', () => {
    expect(indexKeys({ tags: ['a', 'b', 'a'] }, [['tags', 1]]).map((k) => k.bytes)).toEqual([encodeValue('a'), encodeValue('b')]);
    const [empty] = indexKeys({ tags: [] }, [['tags', 1]]);
    expect(Buffer.compare(empty.bytes, encodeValue(null))).toBe(-1);
    expect(indexKeys({ items: [{ sku: 2 }, { sku: 1 }] }, [['items.sku', 1]]).map((k) => k.bytes)).toEqual([encodeValue(2), encodeValue(1)]);
    const compound = indexKeys({ c: 'x', roles: ['staff', 'member'] }, [
      ['c', 1],
      ['roles', 1],
    ]);
    expect(compound).toHaveLength(2);
    expect(compound[0].ends).toEqual([encodeValue('x').length, compound[0].bytes.length]);
  });

  test('successor: the first byte string after every string with the prefix', () => {
    expect(successor(Buffer.from([1, 2]))).toEqual(Buffer.from([1, 3]));
    expect(successor(Buffer.from([1, 0xff]))).toEqual(Buffer.from([2]));
    expect(successor(Buffer.from([0xff]))).toBeUndefined();
  });
});
