// Collection and document calls through the real wx-server-sdk, end to end: what a cloud function sees.
import { startHarness, type Harness } from './sdk-harness';

const NOW = Date.UTC(2026, 2, 1, 12, 0);
let h: Harness;
// The SDK's typings are loose (`any` in places); the tests read results the way function code does.
let db: any;

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, collections: ['items', 'users', 'wishes'] });
  db = h.db;
});
afterAll(() => h.close());
beforeEach(() => h.engine.load({}));

test('add returns a generated 32-hex _id, or the given one; add([...]) returns _ids', async () => {
  const one = await db.collection('wishes').add({ data: { title: '修水龙头' } });
  expect(one._id).toMatch(/^[0-9a-f]{32}$/);
  expect(await db.collection('wishes').add({ data: { _id: 'w1', title: '陪诊' } })).toMatchObject({ _id: 'w1' });
  const many = await db.collection('wishes').add({ data: [{ title: 'a' }, { title: 'b' }] });
  expect(many._ids).toHaveLength(2);
  expect(h.engine.find('wishes').map((d) => d.title)).toEqual(['修水龙头', '陪诊', 'a', 'b']);
});

test('doc().get() returns the document with Dates; a missing one rejects as on the cloud', async () => {
  await db.collection('wishes').add({ data: { _id: 'w1', createdAt: db.serverDate(), due: new Date(Date.UTC(2026, 2, 8)) } });
  const { data } = await db.collection('wishes').doc('w1').get();
  expect(data).toEqual({ _id: 'w1', createdAt: new Date(NOW), due: new Date(Date.UTC(2026, 2, 8)) });
  await expect(db.collection('wishes').doc('nope').get()).rejects.toMatchObject({
    errMsg: expect.stringContaining('does not exist'),
  });
});

test('doc().update() merges nested objects field by field; serverDate takes an offset', async () => {
  h.engine.load({ wishes: [{ _id: 'w1', status: 'submitted', meta: { a: 1, b: 2 } }] });
  const res = await db
    .collection('wishes')
    .doc('w1')
    .update({
      data: { status: 'approved', meta: { b: 3 }, approvedAt: db.serverDate({ offset: 60_000 }) },
    });
  expect(res.stats).toEqual({ updated: 1 });
  expect(h.engine.find('wishes')).toEqual([{ _id: 'w1', status: 'approved', meta: { a: 1, b: 3 }, approvedAt: new Date(NOW + 60_000) }]);
});

test('an update that changes nothing reports updated 0, like Mongo nModified', async () => {
  h.engine.load({ wishes: [{ _id: 'w1', status: 'approved' }] });
  const res = await db
    .collection('wishes')
    .doc('w1')
    .update({ data: { status: 'approved' } });
  expect(res.stats).toEqual({ updated: 0 });
});

test('doc().set() replaces the whole document, creating it when absent', async () => {
  h.engine.load({ users: [{ _id: 'u1', name: '王秀英', phone: '138' }] });
  const replaced = await db
    .collection('users')
    .doc('u1')
    .set({ data: { name: '王秀英', roles: ['resident'] } });
  expect(replaced.stats).toEqual({ updated: 1, created: 0 });
  expect(h.engine.find('users')).toEqual([{ _id: 'u1', name: '王秀英', roles: ['resident'] }]);
  const created = await db
    .collection('users')
    .doc('u2')
    .set({ data: { name: '李明' } });
  expect(created.stats).toEqual({ updated: 0, created: 1 });
  expect(h.engine.find('users', { _id: 'u2' })).toEqual([{ _id: 'u2', name: '李明' }]);
});

test('where().update() and where().remove() act on every match and report counts', async () => {
  h.engine.load({ wishes: [1, 2, 3, 4].map((i) => ({ _id: `w${i}`, gridId: i % 2 ? 'g1' : 'g2', status: 'submitted' })) });
  const _ = db.command;
  const up = await db
    .collection('wishes')
    .where({ gridId: 'g1' })
    .update({ data: { status: 'approved' } });
  expect(up.stats).toEqual({ updated: 2 });
  const rm = await db
    .collection('wishes')
    .where({ status: _.neq('approved') })
    .remove();
  expect(rm.stats).toEqual({ removed: 2 });
  expect(h.engine.find('wishes').map((d) => d._id)).toEqual(['w1', 'w3']);
  expect(await db.collection('wishes').count()).toMatchObject({ total: 2 });
});

test('orderBy on two keys, skip, limit and field() are applied like Mongo', async () => {
  const docs = [
    { _id: 'a', grid: 'g1', score: 3, note: 'x' },
    { _id: 'b', grid: 'g2', score: 5, note: 'y' },
    { _id: 'c', grid: 'g1', score: 5, note: 'z' },
    { _id: 'd', grid: 'g2', score: 1, note: 'w' },
  ];
  h.engine.load({ items: docs });
  const res = await db.collection('items').orderBy('score', 'desc').orderBy('grid', 'asc').skip(1).limit(2).field({ score: true }).get();
  expect(res.data).toEqual([
    { _id: 'b', score: 5 },
    { _id: 'a', score: 3 },
  ]);
  const unsorted = await db.collection('items').get();
  expect(unsorted.data.map((d: { _id: string }) => d._id)).toEqual(['a', 'b', 'c', 'd']);
});

test('regular expressions: db.RegExp and JS literals', async () => {
  h.engine.load({
    users: [
      { _id: '1', name: '王秀英' },
      { _id: '2', name: 'Li Ming' },
      { _id: '3', name: 'li lei' },
    ],
  });
  const viaDb = await db
    .collection('users')
    .where({ name: db.RegExp({ regexp: '^li', options: 'i' }) })
    .get();
  expect(viaDb.data.map((d: { _id: string }) => d._id)).toEqual(['2', '3']);
  const viaLiteral = await db.collection('users').where({ name: /秀/ }).get();
  expect(viaLiteral.data.map((d: { _id: string }) => d._id)).toEqual(['1']);
});

test('aggregate: match, group, sort and lookup across collections', async () => {
  h.engine.load({
    wishes: [
      { _id: 'w1', gridId: 'g1', points: 5 },
      { _id: 'w2', gridId: 'g1', points: 3 },
      { _id: 'w3', gridId: 'g2', points: 4 },
      { _id: 'w4', gridId: 'g3', points: 9 },
    ],
    grids: [
      { _id: 'g1', name: '第一网格' },
      { _id: 'g2', name: '第二网格' },
    ],
  });
  const $ = db.command.aggregate;
  const _ = db.command;
  const res = await db
    .collection('wishes')
    .aggregate()
    .match({ gridId: _.in(['g1', 'g2']) })
    .group({ _id: '$gridId', total: $.sum('$points'), n: $.sum(1) })
    .lookup({ from: 'grids', localField: '_id', foreignField: '_id', as: 'grid' })
    .sort({ total: -1 })
    .end();
  expect(res.list).toEqual([
    { _id: 'g1', total: 8, n: 2, grid: [{ _id: 'g1', name: '第一网格' }] },
    { _id: 'g2', total: 4, n: 1, grid: [{ _id: 'g2', name: '第二网格' }] },
  ]);
  expect(h.engine.find('grids')).toHaveLength(2);
});
