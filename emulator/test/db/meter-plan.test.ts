// The meter's query plans, driven through the real wx-server-sdk: documents examined (not only returned),
// and the covered queries it still flags — part of an index, a sort outside it, a skip beyond 1,000.
import path from 'node:path';
import { Meter } from '../../src/meter';
import { startHarness, type Harness } from './sdk-harness';

// wishes: grid_status {gridId, status}, resident_created {residentId, createdAt↓},
// claimant_status_updated {claimantId, status, updatedAt↓}; categories allow full scans.
const indexesFile = path.join(__dirname, 'fixtures', 'indexes.json');
const day = (d: number) => new Date(Date.UTC(2026, 0, d));

let h: Harness;
// The SDK's typings are loose; the tests call it the way function code does.
let db: any;
let _: any;

/** 30 wishes: grids g1 (20) / g2 (10), residents r0–r2, claimants c0–c1, one a day in January. */
const wishes = Array.from({ length: 30 }, (_unused, i) => ({
  _id: `w${i}`,
  gridId: i < 20 ? 'g1' : 'g2',
  status: ['approved', 'claimed', 'confirmed'][Math.floor(i / 2) % 3],
  residentId: `r${i % 3}`,
  claimantId: `c${i % 2}`,
  title: i === 17 ? '换灯泡' : '其他',
  createdAt: day(i + 1),
  updatedAt: day(i + 1),
}));

beforeAll(async () => {
  h = await startHarness({ indexesFile });
  db = h.db;
  _ = db.command;
});
afterAll(() => h.close());
beforeEach(() => {
  h.engine.load({ wishes, categories: [{ _id: 'c1' }, { _id: 'c2' }] });
  h.meter.length = 0;
});

const last = () => h.meter[h.meter.length - 1];
const reasons = () => (last().flags ?? []).map((f) => f.reason);
const wishesWhere = (query: unknown) => db.collection('wishes').where(query);

describe('documents examined', () => {
  test('without an index: the whole collection, however few are returned', async () => {
    const { data } = await wishesWhere({ title: '换灯泡' }).get();
    expect(data).toHaveLength(1);
    expect(last()).toMatchObject({ read: 1, examined: 30, uncovered: { collection: 'wishes' } });
  });

  test('through an index: the documents of the equality prefix, the other conditions filter them', async () => {
    const { data } = await wishesWhere({ gridId: 'g1', title: '换灯泡' }).get();
    expect(data).toHaveLength(1);
    expect(last()).toMatchObject({ read: 1, examined: 20 });
    expect(last().uncovered).toBeUndefined();
    expect(last().flags).toBeUndefined();
  });

  test('a range on the key after the prefix narrows the scan', async () => {
    await wishesWhere({ residentId: 'r0', createdAt: _.gte(day(20)) }).get();
    // r0 has wishes on days 1, 4, … 28: those from day 20 on are days 22, 25, 28.
    expect(last()).toMatchObject({ read: 3, examined: 3 });
    expect(last().flags).toBeUndefined();
  });

  test('an index that gives the order stops at the page: only the documents walked', async () => {
    await wishesWhere({ residentId: 'r1' }).orderBy('createdAt', 'desc').limit(2).get();
    expect(last()).toMatchObject({ read: 2, examined: 2 });
    // r1, newest first: days 29 (confirmed), 26 (approved), 23 (confirmed), 20 (approved): two approved ones take 4.
    await wishesWhere({ residentId: 'r1', status: 'approved' }).orderBy('createdAt', 'desc').limit(2).get();
    expect(last()).toMatchObject({ read: 2, examined: 4 });
    expect(last().flags).toBeUndefined();
  });

  test('a sort the index cannot give reads the whole prefix', async () => {
    await wishesWhere({ gridId: 'g1' }).orderBy('title', 'asc').limit(2).get();
    expect(last()).toMatchObject({ read: 2, examined: 20 });
  });

  test('by _id: the documents fetched; count, update and remove examine too', async () => {
    await db.collection('wishes').doc('w3').get();
    expect(last()).toMatchObject({ read: 1, examined: 1 });
    await wishesWhere({ gridId: 'g2', status: 'approved' }).count();
    expect(last()).toMatchObject({ read: 2, examined: 2 });
    await wishesWhere({ gridId: 'g2', title: '其他' }).update({ data: { title: '改' } });
    expect(last()).toMatchObject({ read: 10, examined: 10, written: 10 });
    await wishesWhere({ claimantId: 'c0', title: '改' }).remove();
    expect(last()).toMatchObject({ read: 5, examined: 15, written: 5 });
  });

  test('a full-scan collection examines all of it; an insert examines nothing', async () => {
    await db.collection('categories').get();
    expect(last()).toMatchObject({ read: 2, examined: 2 });
    expect(last().uncovered).toBeUndefined();
    await db.collection('wishes').add({ data: { gridId: 'g3' } });
    expect(last()).toMatchObject({ examined: 0, written: 1 });
  });

  test('an $or examines what each branch index lets through', async () => {
    await wishesWhere(_.or([{ gridId: 'g2' }, { residentId: 'r0' }])).get();
    // g2: 10; r0: 10, of which w21, w24, w27 are in g2 too.
    expect(last()).toMatchObject({ read: 17, examined: 17 });
  });
});

describe('flags on covered queries', () => {
  test('partial-index: a range on a field that is not the next key after the equality prefix', async () => {
    // grid_status has no createdAt: the window bounds nothing, every g1 wish is read.
    await wishesWhere({ gridId: 'g1', createdAt: _.gte(day(15)) }).get();
    expect(last().flags).toEqual([
      expect.objectContaining({ collection: 'wishes', reason: 'partial-index', detail: expect.stringContaining('range on createdAt') }),
    ]);
    expect(last()).toMatchObject({ read: 6, examined: 20 });
    // A gap: updatedAt is in claimant_status_updated, but behind status, which has no condition.
    await wishesWhere({ claimantId: 'c0', updatedAt: _.gte(day(15)) }).get();
    expect(reasons()).toEqual(['partial-index']);
  });

  test('partial-index is not raised for equality on a short prefix, nor for a range right after it', async () => {
    await wishesWhere({ claimantId: 'c0', title: '其他', residentId: 'r2' }).get();
    expect(last().flags).toBeUndefined();
    await wishesWhere({ claimantId: 'c0', status: 'confirmed', updatedAt: _.gte(day(15)) }).get();
    expect(last().flags).toBeUndefined();
    await wishesWhere({ claimantId: 'c0', status: _.gte('b') }).get();
    expect(last().flags).toBeUndefined();
  });

  test('the planner picks the index that serves the query without a flag when there is one', async () => {
    // grid_status alone would leave the createdAt range unbounded; resident_created bounds it.
    await wishesWhere({ gridId: 'g1', residentId: 'r0', createdAt: _.gte(day(15)) }).get();
    expect(last().flags).toBeUndefined();
    expect(last()).toMatchObject({ read: 2, examined: 5 });
  });

  test('sort-outside-index: a sort on a field the index does not hold next', async () => {
    await wishesWhere({ gridId: 'g1', status: 'approved' }).orderBy('createdAt', 'desc').get();
    expect(last().flags).toEqual([
      expect.objectContaining({ reason: 'sort-outside-index', order: { createdAt: -1 }, detail: expect.stringContaining('grid_status') }),
    ]);
    // A range on status, then a sort on updatedAt: the index orders by status first.
    await wishesWhere({ claimantId: 'c0', status: _.gte('b') })
      .orderBy('updatedAt', 'desc')
      .get();
    expect(reasons()).toEqual(['sort-outside-index']);
    // Two keys in mixed directions against an index whose keys run one way.
    await wishesWhere({ claimantId: 'c0' }).orderBy('status', 'asc').orderBy('updatedAt', 'asc').get();
    expect(reasons()).toEqual(['sort-outside-index']);
  });

  test('a sort the index gives is fine: the next key, reversed, after an $in, or on a key pinned to one value', async () => {
    const sorted = [
      wishesWhere({ residentId: 'r1' }).orderBy('createdAt', 'asc'),
      wishesWhere({ claimantId: 'c0', status: _.in(['claimed', 'confirmed']) }).orderBy('updatedAt', 'desc'),
      wishesWhere({ claimantId: 'c0' }).orderBy('status', 'asc').orderBy('updatedAt', 'desc'),
      wishesWhere({ claimantId: 'c0', status: 'claimed' }).orderBy('status', 'asc').orderBy('updatedAt', 'asc'),
      wishesWhere({ gridId: 'g1', status: 'approved', residentId: 'r1' }).orderBy('residentId', 'asc'),
    ];
    for (const query of sorted) {
      await query.get();
      expect(last().flags).toBeUndefined();
    }
  });

  test('an $or is flagged when one of its branches is', async () => {
    await wishesWhere(
      _.or([
        { residentId: 'r0', createdAt: _.gte(day(15)) },
        { gridId: 'g2', createdAt: _.gte(day(15)) },
      ]),
    ).get();
    expect(reasons()).toEqual(['partial-index']);
  });

  test('skip-over-1000: a skip beyond 1,000 on any query, covered or not', async () => {
    await wishesWhere({ gridId: 'g1' }).skip(1000).get();
    expect(last().flags).toBeUndefined();
    await wishesWhere({ gridId: 'g1' }).skip(1001).get();
    expect(last().flags).toEqual([expect.objectContaining({ reason: 'skip-over-1000', detail: expect.stringContaining('1001') })]);
    await db.collection('categories').skip(5000).get();
    expect(reasons()).toEqual(['skip-over-1000']);
  });

  test('an uncovered query is reported as uncovered, not flagged again', async () => {
    await wishesWhere({ status: 'approved', createdAt: _.gte(day(3)) })
      .orderBy('title', 'asc')
      .get();
    expect(last().uncovered).toMatchObject({ collection: 'wishes' });
    expect(last().flags).toBeUndefined();
  });
});

describe('per invocation', () => {
  test('the record sums examined and lists uncovered and flagged queries with their reason', () => {
    const meter = new Meter();
    const base = { parentId: null, function: 'wish', action: 'wish.list', caller: { openid: 'o', source: 'wx_client' }, trigger: null };
    meter.start({ ...base, invocationId: 'inv', startedAt: '2026-01-01T00:00:00Z' });
    const shown = { collection: 'wishes', query: { a: 1 } };
    meter.onDb({ invocationId: 'inv', action: 'database.getDocument', read: 2, examined: 30, written: 0, uncovered: shown });
    meter.onDb({
      invocationId: 'inv',
      action: 'database.getDocument',
      read: 1,
      examined: 5,
      written: 0,
      flags: [{ ...shown, reason: 'skip-over-1000', detail: 'skip 2000' }],
    });
    expect(meter.get('inv')).toMatchObject({
      read: 3,
      examined: 35,
      uncovered: [
        { ...shown, reason: 'no-index', detail: expect.stringContaining('whole collection') },
        { ...shown, reason: 'skip-over-1000', detail: 'skip 2000' },
      ],
    });
  });
});
