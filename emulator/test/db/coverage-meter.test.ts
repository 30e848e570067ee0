// The meter: one event per action with documents read and written, flagging queries no declared index serves.
import path from 'node:path';
import { CloudDatabase, type DbMeterEvent } from '../../src/db';

const indexesFile = path.join(__dirname, 'fixtures', 'indexes.json');
const q = (v: unknown) => JSON.stringify(v);

let meter: DbMeterEvent[];
let db: CloudDatabase;
const last = () => meter[meter.length - 1];
const get = (collectionName: string, query: unknown, extra: Record<string, unknown> = {}) =>
  db.handle('database.getDocument', { collectionName, query: q(query), ...extra }, { invocationId: 'inv-1' });

beforeEach(() => {
  meter = [];
  db = new CloudDatabase({ file: ':memory:', now: () => 0, indexesFile, onMeter: (e) => meter.push(e) });
  db.load({
    wishes: [
      { _id: 'w1', gridId: 'g1', status: 'submitted', residentId: 'r1' },
      { _id: 'w2', gridId: 'g1', status: 'approved', residentId: 'r2' },
      { _id: 'w3', gridId: 'g2', status: 'approved', residentId: 'r1' },
    ],
    categories: [{ _id: 'c1' }, { _id: 'c2' }],
    other: [],
  });
});
afterEach(() => db.close());

describe('index coverage', () => {
  test.each([
    ['_id equality', 'wishes', { _id: 'w1' }],
    ['_id $in', 'wishes', { _id: { $in: ['w1', 'w2'] } }],
    ['the leading key of an index', 'wishes', { gridId: 'g1', status: 'approved' }],
    ['a leading key inside a top-level $and', 'wishes', { $and: [{ residentId: 'r1' }, { status: 'approved' }] }],
    ['an $or whose every branch is covered', 'wishes', { $or: [{ gridId: 'g1' }, { residentId: 'r1' }] }],
    ['any query on a fullScanAllowed collection', 'categories', {}],
  ])('covered: %s', (_name, coll, query) => {
    get(coll, query);
    expect(last().uncovered).toBeUndefined();
  });

  test.each([
    ['an empty query', {}],
    ['only the second key of an index', { status: 'approved' }],
    ['an $or with one uncovered branch', { $or: [{ gridId: 'g1' }, { status: 'approved' }] }],
    ['a leading key only inside $or', { $or: [{ status: 'approved' }] }],
  ])('uncovered: %s', (_name, query) => {
    get('wishes', query, { order: q({ createdAt: -1 }) });
    expect(last().uncovered).toEqual({ collection: 'wishes', query, order: { createdAt: -1 } });
  });

  test('a collection missing from the file is uncovered unless pinned by _id', () => {
    get('other', { a: 1 });
    expect(last().uncovered).toMatchObject({ collection: 'other' });
    get('other', { _id: 'x' });
    expect(last().uncovered).toBeUndefined();
  });

  test('count, update, remove and aggregate are checked too', () => {
    db.handle('database.calculateDocument', { collectionName: 'wishes', query: q({ status: 'approved' }) });
    db.handle('database.modifyDocument', { collectionName: 'wishes', query: q({ status: 'x' }), data: q({ $set: { a: 1 } }), multi: true });
    db.handle('database.removeDocument', { collectionName: 'wishes', query: q({ gridId: 'g9' }), multi: true });
    const match = { stageKey: '$match', stageValue: q({ gridId: 'g1' }) };
    db.handle('database.aggregateDocuments', { collectionName: 'wishes', stages: [match] });
    db.handle('database.aggregateDocuments', { collectionName: 'wishes', stages: [{ stageKey: '$count', stageValue: '"n"' }] });
    expect(meter.map((e) => e.uncovered !== undefined)).toEqual([true, true, false, false, true]);
  });

  test('without an index file every query not pinned by _id is uncovered', () => {
    const bare = new CloudDatabase({ file: ':memory:', now: () => 0, collections: ['wishes'], onMeter: (e) => meter.push(e) });
    bare.handle('database.getDocument', { collectionName: 'wishes', query: q({ gridId: 'g1' }) });
    expect(last().uncovered).toBeDefined();
    bare.close();
  });

  test('a malformed index file is refused at startup', () => {
    const bad = path.join(__dirname, 'fixtures', 'wx-server-sdk-4.0.2-wire.json');
    expect(() => new CloudDatabase({ file: ':memory:', now: () => 0, indexesFile: bad })).toThrow(/invalid index file/);
  });
});

describe('documents read and written', () => {
  test('get counts the documents returned, with the caller context', () => {
    get('wishes', { gridId: 'g1' }, { limit: 1 });
    expect(last()).toEqual({ invocationId: 'inv-1', action: 'database.getDocument', collection: 'wishes', read: 1, examined: 1, written: 0 });
  });

  test('update counts matched as read and changed as written', () => {
    db.handle('database.modifyDocument', {
      collectionName: 'wishes',
      query: q({ gridId: 'g1' }),
      data: q({ $set: { status: 'approved' } }),
      multi: true,
    });
    expect(last()).toMatchObject({ read: 2, written: 1 });
  });

  test('insert, remove, count and aggregate', () => {
    db.handle('database.insertDocument', { collectionName: 'wishes', data: [q({ gridId: 'g3' }), q({ gridId: 'g3' })] });
    expect(last()).toMatchObject({ read: 0, written: 2 });
    db.handle('database.removeDocument', { collectionName: 'wishes', query: q({ gridId: 'g3' }), multi: true });
    expect(last()).toMatchObject({ read: 2, written: 2 });
    db.handle('database.calculateDocument', { collectionName: 'wishes', query: q({ residentId: 'r1' }) });
    expect(last()).toMatchObject({ read: 2, written: 0 });
    db.handle('database.aggregateDocuments', { collectionName: 'wishes', stages: [{ stageKey: '$match', stageValue: q({ gridId: 'g2' }) }] });
    expect(last()).toMatchObject({ read: 1, written: 0 });
  });

  test('a failed action is still one metered request, with nothing read or written', () => {
    db.handle('database.insertDocument', { collectionName: 'wishes', data: [q({ _id: 'w1' })] });
    expect(meter).toHaveLength(1);
    expect(last()).toMatchObject({ action: 'database.insertDocument', read: 0, written: 0 });
  });
});
