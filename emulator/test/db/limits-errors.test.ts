// The cloud's limits and error shapes: what a function sees when it asks too much or sends something wrong.
import { CloudDatabase } from '../../src/db';
import { startHarness, type Harness } from './sdk-harness';

type Reply = { requestId: string; code?: string; message?: string; data?: any };

describe('limits through the SDK', () => {
  let h: Harness;
  let db: any;
  beforeAll(async () => {
    h = await startHarness();
    db = h.db;
    h.engine.load({ many: Array.from({ length: 1200 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i })) });
  });
  afterAll(() => h.close());

  test('get() returns 100 by default', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100);
  });

  test('limit(1000) returns 1000; larger limits are clamped to 1000', async () => {
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
    expect(h.requests.at(-1)).toMatchObject({ limit: 1000 });
  });

  test('skip past the end returns the remainder', async () => {
    const rest = await db.collection('many').orderBy('i', 'asc').skip(1150).limit(100).get();
    expect(rest.data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 50 }, (_, k) => 1150 + k));
  });

  test('an aggregate without .limit() returns 20, as the cloud does; with one, what it asks for', async () => {
    expect(
      (
        await db
          .collection('many')
          .aggregate()
          .match({ i: db.command.gte(0) })
          .end()
      ).list,
    ).toHaveLength(20);
    expect((await db.collection('many').aggregate().sort({ i: -1 }).project({ i: 1 }).end()).list).toHaveLength(20);
    const asked = await db.collection('many').aggregate().sort({ i: -1 }).limit(1200).end();
    expect(asked.list).toHaveLength(1200);
    expect(asked.list[0]).toEqual({ _id: 'd1199', i: 1199 });
    // The limit may come first: the pipeline has one, so the default page does not apply.
    expect(
      (
        await db
          .collection('many')
          .aggregate()
          .limit(500)
          .match({ i: db.command.gte(100) })
          .end()
      ).list,
    ).toHaveLength(400);
    // A group of fewer than 20 is whole either way.
    const groups = await db
      .collection('many')
      .aggregate()
      .group({ _id: { $mod: ['$i', 7] }, n: db.command.aggregate.sum(1) })
      .end();
    expect(groups.list).toHaveLength(7);
  });

  test('an aggregate returns at most 10,000 results whatever its limit', async () => {
    const many = h.engine.find('many');
    h.engine.load({ many, big: Array.from({ length: 10_050 }, (_, i) => ({ _id: `b${i}`, i })) });
    expect((await db.collection('big').aggregate().limit(20_000).end()).list).toHaveLength(10_000);
    h.engine.load({ many });
  });

  test('a duplicate _id fails with the cloud errCode and writes nothing', async () => {
    const attempt = db.collection('many').add({ data: [{ _id: 'fresh' }, { _id: 'd0001' }] });
    await expect(attempt).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('E11000 duplicate key') });
    expect(h.engine.find('many', { _id: 'fresh' })).toEqual([]);
  });
});

describe('raw engine replies', () => {
  let db: CloudDatabase;
  const call = (action: string, params: Record<string, unknown>) => db.handle(`database.${action}`, params) as Reply;
  const q = (v: unknown) => JSON.stringify(v);
  beforeEach(() => {
    db = new CloudDatabase({ file: ':memory:', now: () => 0 });
    db.load({ c: [{ _id: 'a', n: 1, sub: { x: 1 } }] });
  });
  afterEach(() => db.close());

  test('a request that bypasses the SDK is clamped to 1000 too, and echoes limit and offset', () => {
    const reply = call('getDocument', { collectionName: 'c', limit: 5000, offset: 0 });
    expect(reply.data).toEqual({ list: [expect.any(String)], limit: 1000, offset: 0 });
  });

  test('errors carry requestId, code and message and no data', () => {
    const reply = call('getDocument', { collectionName: 'c', limit: -1 });
    expect(reply).toEqual({ requestId: expect.any(String), code: 'INVALID_PARAM', message: expect.any(String) });
  });

  test.each([
    ['no collection name', 'getDocument', {}, 'INVALID_PARAM'],
    ['malformed EJSON', 'getDocument', { collectionName: 'c', query: '{"a":' }, 'INVALID_PARAM'],
    ['an unknown query operator', 'getDocument', { collectionName: 'c', query: q({ n: { $bogus: 1 } }) }, 'DATABASE_INVALID_OPERRATOR'],
    [
      'an unknown update operator',
      'modifyDocument',
      { collectionName: 'c', query: q({ _id: 'a' }), data: q({ $bogus: { n: 1 } }) },
      'DATABASE_INVALID_OPERRATOR',
    ],
    [
      'a change of _id',
      'modifyDocument',
      { collectionName: 'c', query: q({ _id: 'a' }), data: q({ $set: { _id: 'b' } }) },
      'DATABASE_REQUEST_FAILED',
    ],
    [
      'conflicting paths',
      'modifyDocument',
      { collectionName: 'c', query: q({ _id: 'a' }), data: q({ $set: { sub: {} }, $inc: { 'sub.x': 1 } }) },
      'DATABASE_REQUEST_FAILED',
    ],
    [
      '$inc by a string',
      'modifyDocument',
      { collectionName: 'c', query: q({ _id: 'a' }), data: q({ $set: { n: 2 }, $inc: { 'sub.y': 'x' } }) },
      'DATABASE_REQUEST_FAILED',
    ],
    [
      '$inc of an object field',
      'modifyDocument',
      { collectionName: 'c', query: q({ _id: 'a' }), data: q({ $inc: { sub: 1 } }) },
      'DATABASE_REQUEST_FAILED',
    ],
    [
      'an $out stage',
      'aggregateDocuments',
      { collectionName: 'c', stages: [{ stageKey: '$out', stageValue: '"other"' }] },
      'DATABASE_REQUEST_FAILED',
    ],
    ['an unknown action', 'dropDatabase', { collectionName: 'c' }, 'INVALID_PARAM'],
  ])('%s is rejected and changes nothing', (_name, action, params, code) => {
    expect(call(action, params as Record<string, unknown>).code).toBe(code);
    expect(db.find('c')).toEqual([{ _id: 'a', n: 1, sub: { x: 1 } }]);
    expect(db.find('other')).toEqual([]);
  });

  test('upsert with an operator update starts from the query equalities', () => {
    const reply = call('modifyDocument', {
      collectionName: 'c',
      query: q({ _id: 'u9', grid: 'g1', n: { $gt: 5 } }),
      data: q({ $set: { n: 9 } }),
      multi: false,
      merge: true,
      upsert: true,
    });
    expect(reply.data).toEqual({ updated: 0, matched: 0, upsert_id: 'u9' });
    expect(db.find('c', { _id: 'u9' })).toEqual([{ _id: 'u9', grid: 'g1', n: 9 }]);
  });

  test('modifyAndReturnDoc returns the document after the update', () => {
    const reply = call('modifyAndReturnDoc', { collectionName: 'c', queryType: 'WHERE', query: q({ n: 1 }), data: q({ $inc: { n: 1 } }) });
    expect(reply.data.updated).toBe(1);
    expect(JSON.parse(reply.data.doc)).toEqual({ _id: 'a', n: 2, sub: { x: 1 } });
  });

  test('numeric and string _id values are different documents', () => {
    expect(call('insertDocument', { collectionName: 'c', data: [q({ _id: 7 }), q({ _id: '7' })] }).data.insertedIds).toEqual([7, '7']);
    expect(db.find('c', { _id: 7 })).toEqual([{ _id: 7 }]);
  });

  test('non-finite numbers and regular expressions survive storage as EJSON', () => {
    db.load({ c: [{ _id: 'v', nan: NaN, inf: -Infinity, re: /^a.b$/im }] });
    const [doc] = db.find('c');
    expect(doc.nan).toBeNaN();
    expect(doc.inf).toBe(-Infinity);
    expect(doc.re).toEqual(/^a.b$/im);
    const reply = call('getDocument', { collectionName: 'c', query: q({ _id: 'v' }) });
    expect(JSON.parse(reply.data.list[0])).toMatchObject({
      nan: { $numberDouble: 'NaN' },
      re: { $regularExpression: { pattern: '^a.b$', options: 'im' } },
    });
  });
});
