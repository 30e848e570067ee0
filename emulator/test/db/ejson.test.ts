// The emulator's EJSON is bson's (6) plus the cloud's `$tcb_server_date`: what wx-server-sdk 4.0.2 sends must decode
// to the values the engine works with, and what the emulator answers must come out of the SDK's own decoder (bson
// 4.7's relaxed EJSON.parse, as @cloudbase/database runs it on every reply) as the same values.
import { EJSON as sdkEJSON } from '@cloudbase/database/node_modules/bson';
import { runInNewContext } from 'node:vm';
import fixtures from './fixtures/wx-server-sdk-4.0.2-wire.json';
import { decodeEJSON, encodeEJSON } from '../../src/db/ejson';

const NOW = Date.UTC(2026, 0, 15, 8, 30);
const wire = fixtures as { action: string; params: Record<string, unknown> }[];
const decode = (text: unknown) => decodeEJSON(text, NOW);
const throughSdk = (value: unknown) => sdkEJSON.parse(encodeEJSON(value), { relaxed: true });

describe('EJSON as the SDK sends it', () => {
  test('the recorded queries, orders and projections decode to plain operators and numbers', () => {
    expect(decode(wire[0].params.query)).toEqual({ a: { $gt: 1 }, b: 'k', $and: [{ c: { $in: [1, 2] } }, { c: { $ne: 3 } }] });
    expect(decode(wire[0].params.order)).toEqual({ a: -1 });
    expect(decode(wire[0].params.projection)).toEqual({ a: 1 });
    expect(decode(wire[4].params.query)).toEqual({ a: { $exists: true } });
  });

  test('serverDate becomes the emulator clock plus its offset; $date a Date', () => {
    const [inserted] = wire[1].params.data as string[];
    expect(decode(inserted)).toEqual({ a: 1, when: new Date(NOW), d: new Date(0) });
    expect(decode('{"t":{"$tcb_server_date":{"offset":{"$numberInt":"-5000"}}}}')).toEqual({ t: new Date(NOW - 5000) });
  });

  test('update operators keep their shape', () => {
    expect(decode(wire[2].params.data)).toEqual({ $inc: { n: 1 }, $set: { 'sub.k': 'v' }, $push: { arr: { $each: [1] } } });
    expect(decode(wire[8].params.data)).toEqual({ $inc: { n: -1 } });
  });

  test('canonical numbers, decimals and regular expressions become JS numbers and RegExps', () => {
    const text = sdkEJSON.stringify({ i: 7, l: 2 ** 40, f: 1.5, inf: -Infinity, nan: NaN }, { relaxed: false });
    expect(text).toContain('"$numberInt":"7"');
    expect(decode(text)).toEqual({ i: 7, l: 2 ** 40, f: 1.5, inf: -Infinity, nan: NaN });
    expect(decode('{"p":{"$numberDecimal":"12.25"}}')).toEqual({ p: 12.25 });
    const { r } = decode('{"r":{"$regularExpression":{"pattern":"^梧桐.*社区$","options":"ix"}}}') as { r: RegExp };
    expect(r).toBeInstanceOf(RegExp);
    expect([r.source, r.flags]).toEqual(['^梧桐.*社区$', 'i']);
    expect(decode('{"name":{"$regex":"^王","$options":"i"}}')).toEqual({ name: /^王/i });
  });

  test('other bson wrappers travel untouched, in their canonical form', () => {
    expect(decode('{"_id":{"$oid":"5f1d7c8e9a0b1c2d3e4f5a6b"}}')).toEqual({ _id: { $oid: '5f1d7c8e9a0b1c2d3e4f5a6b' } });
  });

  test('malformed EJSON is the cloud INVALID_PARAM', () => {
    expect(() => decode('{"a":')).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
    expect(() => decode('{"d":{"$date":{"$numberLong":"soon"}}}')).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
  });
});

describe('EJSON as the emulator answers', () => {
  test('what the SDK decodes from a reply is the value the emulator had', () => {
    const doc = {
      _id: 'w1',
      title: '帮忙换灯泡 "quoted" \\ and \u0001',
      points: 10,
      ratio: 0.1,
      big: 2 ** 53 - 1,
      createdAt: new Date(NOW),
      ancient: new Date(Date.UTC(1900, 0, 1)),
      far: new Date(Date.UTC(10_000, 0, 1)),
      history: [{ at: new Date(NOW + 1), by: 'demo-member-zhang' }, null, [1, 'two']],
      pattern: /a.b/ims,
      nothing: null,
      nan: NaN,
      inf: Infinity,
      ref: { $oid: '5f1d7c8e9a0b1c2d3e4f5a6b' },
    };
    // bson 4.7 hands a stored regular expression and ObjectId to the function as its own classes, as on the cloud.
    const { ref, pattern, ...rest } = throughSdk(doc) as Record<string, unknown>;
    const { ref: _ref, pattern: _pattern, ...restIn } = doc;
    expect(rest).toEqual(restIn);
    expect(pattern).toMatchObject({ pattern: 'a.b', options: 'ims' });
    expect(String(ref)).toBe('5f1d7c8e9a0b1c2d3e4f5a6b');
    // The engine reads back what it wrote.
    expect(decode(encodeEJSON(doc))).toEqual(doc);
  });

  test('a Date from another realm is still a date', () => {
    const foreign = runInNewContext('new Date(86400000)') as Date;
    expect(throughSdk({ d: foreign })).toEqual({ d: new Date(86_400_000) });
  });

  test('an invalid Date is refused rather than written unreadable', () => {
    expect(() => encodeEJSON({ d: new Date(NaN) })).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
  });
});
