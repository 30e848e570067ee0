// Query and update operators as db.command encodes them, executed by mingo behind the engine.
import { startHarness, type Harness } from './sdk-harness';

let h: Harness;
let db: any;
let _: any;

beforeAll(async () => {
  h = await startHarness();
  db = h.db;
  _ = db.command;
});
afterAll(() => h.close());

describe('query commands', () => {
  const people = [
    { _id: 'p1', age: 80, roles: ['resident'], tags: ['elderly', 'alone'], addr: { grid: 'g1' } },
    { _id: 'p2', age: 35, roles: ['resident', 'member'], tags: [], addr: { grid: 'g2' } },
    { _id: 'p3', age: 50, roles: ['grid_worker'], addr: { grid: 'g1' }, phone: '138' },
  ];
  beforeAll(() => h.engine.load({ people }));

  const ids = async (where: object) => (await db.collection('people').where(where).get()).data.map((d: { _id: string }) => d._id);

  test.each([
    ['eq / neq', () => ({ age: _.eq(80) }), ['p1']],
    ['neq', () => ({ age: _.neq(80) }), ['p2', 'p3']],
    ['gt / lte chained with and', () => ({ age: _.gt(35).and(_.lte(80)) }), ['p1', 'p3']],
    ['in on an array field', () => ({ roles: _.in(['member', 'grid_worker']) }), ['p2', 'p3']],
    ['nin', () => ({ roles: _.nin(['resident']) }), ['p3']],
    ['exists', () => ({ phone: _.exists(true) }), ['p3']],
    ['size', () => ({ tags: _.size(0) }), ['p2']],
    ['all', () => ({ tags: _.all(['alone', 'elderly']) }), ['p1']],
    ['elemMatch', () => ({ tags: _.elemMatch(_.eq('alone')) }), ['p1']],
    ['nested object is a dot path', () => ({ addr: { grid: 'g1' } }), ['p1', 'p3']],
    ['dot path string', () => ({ 'addr.grid': 'g2' }), ['p2']],
    ['or across fields', () => _.or([{ age: _.lt(40) }, { phone: '138' }]), ['p2', 'p3']],
    ['mod', () => ({ age: _.mod([25, 5]) }), ['p1']],
    ['expr compares two fields', () => _.expr(db.command.aggregate.gt(['$age', 60])), ['p1']],
    ['a range on _id', () => ({ _id: _.gt('p1') }), ['p2', 'p3']],
    ['_id in a list, with another condition', () => ({ _id: _.in(['p1', 'p2', 'zz']), age: _.lt(50) }), ['p2']],
  ])('%s', async (_name, where, expected) => {
    expect(await ids(where())).toEqual(expected);
  });
});

describe('update commands', () => {
  const update = async (data: object) => {
    await db.collection('docs').doc('d').update({ data });
    return h.engine.find('docs', { _id: 'd' })[0];
  };
  beforeEach(() => h.engine.load({ docs: [{ _id: 'd', n: 10, list: [1, 2, 3, 2], set: ['a'], name: 'x', obj: { keep: 1, old: 2 } }] }));

  test('inc and mul', async () => {
    expect(await update({ n: _.inc(5) })).toMatchObject({ n: 15 });
    expect(await update({ n: _.mul(2) })).toMatchObject({ n: 30 });
  });

  test('min and max', async () => {
    expect(await update({ n: _.max(12) })).toMatchObject({ n: 12 });
    expect(await update({ n: _.min(3) })).toMatchObject({ n: 3 });
  });

  test('remove (unset) and set of a whole sub-object', async () => {
    expect(await update({ name: _.remove() })).not.toHaveProperty('name');
    expect((await update({ obj: _.set({ fresh: true }) })).obj).toEqual({ fresh: true });
  });

  test('push, unshift, pop and shift', async () => {
    expect((await update({ list: _.push([4]) })).list).toEqual([1, 2, 3, 2, 4]);
    expect((await update({ list: _.unshift([0]) })).list).toEqual([0, 1, 2, 3, 2, 4]);
    expect((await update({ list: _.pop() })).list).toEqual([0, 1, 2, 3, 2]);
    expect((await update({ list: _.shift() })).list).toEqual([1, 2, 3, 2]);
  });

  test('push with position and slice modifiers', async () => {
    expect((await update({ list: _.push({ each: [9], position: 1, slice: 3 }) })).list).toEqual([1, 9, 2]);
  });

  test('pull, pullAll and addToSet', async () => {
    expect((await update({ list: _.pull(2) })).list).toEqual([1, 3]);
    expect((await update({ list: _.pullAll([1, 3]) })).list).toEqual([]);
    expect((await update({ set: _.addToSet('a') })).set).toEqual(['a']);
    // The SDK sends addToSet's argument verbatim; WeChat's docs spell the batch form with `$each`.
    expect((await update({ set: _.addToSet({ $each: ['b', 'c', 'a'] }) })).set).toEqual(['a', 'b', 'c']);
  });

  test('rename', async () => {
    const doc = await update({ name: _.rename('title') });
    expect(doc).toMatchObject({ title: 'x' });
    expect(doc).not.toHaveProperty('name');
  });

  test('the positional $ updates the element the query matched', async () => {
    h.engine.load({
      docs: [
        {
          _id: 'd',
          items: [
            { k: 1, v: 0 },
            { k: 2, v: 0 },
          ],
        },
      ],
    });
    await db
      .collection('docs')
      .where({ _id: 'd', 'items.k': 2 })
      .update({ data: { 'items.$.v': 7 } });
    expect(h.engine.find('docs')[0].items).toEqual([
      { k: 1, v: 0 },
      { k: 2, v: 7 },
    ]);
  });
});
