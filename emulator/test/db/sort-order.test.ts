// MongoDB's sort order for embedded documents and arrays, through the real wx-server-sdk: embedded documents
// compare field by field, arrays by their smallest element ascending and their largest descending, and
// values of different types by type (null < numbers < strings < objects < arrays < booleans < dates).
import { startHarness, type Harness } from './sdk-harness';

let h: Harness;
let db: any;
let $: any;
beforeAll(async () => {
  h = await startHarness();
  db = h.db;
  $ = db.command.aggregate;
});
afterAll(() => h.close());

const ids = (res: { data?: { _id: unknown }[]; list?: { _id: unknown }[] }) => (res.data ?? res.list ?? []).map((d) => d._id);

describe('embedded documents', () => {
  beforeAll(() =>
    h.engine.load({
      wishes: [
        { _id: 'w1', region: { city: '杭州', district: '西湖' }, n: 1 },
        { _id: 'w2', region: { city: '北京', district: '海淀' }, n: 2 },
        { _id: 'w3', region: { city: '杭州', district: '上城' }, n: 3 },
        { _id: 'w4', region: { city: '北京', district: '朝阳' }, n: 4 },
        { _id: 'w5', region: { city: '杭州', district: '西湖' }, n: 5 },
      ],
    }),
  );

  test('group({_id: {city, district}}).sort({_id: 1}) orders the groups field by field', async () => {
    const res = await db
      .collection('wishes')
      .aggregate()
      .group({ _id: { city: '$region.city', district: '$region.district' }, n: $.sum('$n') })
      .sort({ _id: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: { city: '北京', district: '朝阳' }, n: 4 },
      { _id: { city: '北京', district: '海淀' }, n: 2 },
      { _id: { city: '杭州', district: '上城' }, n: 3 },
      { _id: { city: '杭州', district: '西湖' }, n: 6 },
    ]);
  });

  test('descending, and in get() with orderBy on the embedded field', async () => {
    const groups = await db
      .collection('wishes')
      .aggregate()
      .group({ _id: { city: '$region.city' }, n: $.sum(1) })
      .sort({ _id: -1 })
      .end();
    expect(groups.list).toEqual([
      { _id: { city: '杭州' }, n: 3 },
      { _id: { city: '北京' }, n: 2 },
    ]);
    const docs = await db.collection('wishes').orderBy('region', 'desc').orderBy('n', 'asc').get();
    expect(ids(docs)).toEqual(['w1', 'w5', 'w3', 'w2', 'w4']);
  });

  test('pair by pair: the value types, then the field names, then the values; fewer pairs first', async () => {
    h.engine.load({
      shapes: [
        { _id: 'ab', k: { a: 1, b: 1 } },
        { _id: 'b', k: { b: 0 } },
        { _id: 'a2', k: { a: 2 } },
        { _id: 'a1', k: { a: 1 } },
        { _id: 'astr', k: { a: 'x' } },
      ],
    });
    const res = await db.collection('shapes').orderBy('k', 'asc').get();
    // a:1 < a:1,b:1 (fewer pairs) < a:2 (value) < b:0 (field name) < a:'x' (a string: the type comes first)
    expect(ids(res)).toEqual(['a1', 'ab', 'a2', 'b', 'astr']);
  });
});

describe('arrays', () => {
  beforeAll(() =>
    h.engine.load({
      scores: [
        { _id: 'p', tags: [3, 9] },
        { _id: 'q', tags: [1, 10] },
        { _id: 'r', tags: [5] },
        { _id: 's', tags: 4 },
      ],
    }),
  );

  test('ascending sorts by the smallest element', async () => {
    expect(ids(await db.collection('scores').orderBy('tags', 'asc').get())).toEqual(['q', 'p', 's', 'r']);
  });

  test('descending sorts by the largest element', async () => {
    expect(ids(await db.collection('scores').orderBy('tags', 'desc').get())).toEqual(['q', 'p', 'r', 's']);
  });

  test('the same in an aggregate $sort, with skip and limit cut from that order', async () => {
    const res = await db.collection('scores').aggregate().sort({ tags: -1 }).skip(1).limit(2).end();
    expect(ids(res)).toEqual(['p', 'r']);
    expect(ids(await db.collection('scores').orderBy('tags', 'asc').skip(1).limit(2).get())).toEqual(['p', 's']);
  });

  test('a path through an array of embedded documents sorts by the values of every element', async () => {
    h.engine.load({
      orders: [
        { _id: 'o1', items: [{ price: 30 }, { price: 2 }] },
        { _id: 'o2', items: [{ price: 5 }] },
        { _id: 'o3', items: [{ price: 40 }, { price: 8 }] },
      ],
    });
    expect(ids(await db.collection('orders').orderBy('items.price', 'asc').get())).toEqual(['o1', 'o2', 'o3']);
    expect(ids(await db.collection('orders').orderBy('items.price', 'desc').get())).toEqual(['o3', 'o1', 'o2']);
  });
});

test('values of different types order by type; an empty array before null and missing; ties keep natural order', async () => {
  h.engine.load({
    mixed: [
      { _id: 'date', v: new Date(0) },
      { _id: 'bool', v: false },
      { _id: 'arr', v: [[1]] },
      { _id: 'obj', v: { a: 1 } },
      { _id: 'str', v: 'a' },
      { _id: 'num', v: 2 },
      { _id: 'missing' },
      { _id: 'null', v: null },
      { _id: 'empty', v: [] },
    ],
  });
  const asc = ids(await db.collection('mixed').orderBy('v', 'asc').get());
  expect(asc).toEqual(['empty', 'missing', 'null', 'num', 'str', 'obj', 'arr', 'bool', 'date']);
  const desc = ids(await db.collection('mixed').orderBy('v', 'desc').get());
  expect(desc).toEqual(['date', 'bool', 'arr', 'obj', 'str', 'num', 'missing', 'null', 'empty']);
});
