// The store at scale: nothing is parsed at open, and a query through a declared index reads (parses) only the
// documents within the index's bounds, or just a page's worth when the index gives the order. Counts, never
// times: Store.stats.parsed counts every document parsed from SQLite. The indexed path must answer exactly as
// reading the whole collection does (the property test at the end compares the two on random queries).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudDatabase, type DbMeterEvent } from '../../src/db';
import { encodeEJSON } from '../../src/db/ejson';
import { startHarness, type Harness } from './sdk-harness';

const indexesFile = path.join(__dirname, 'fixtures', 'scale-indexes.json');
const moreIndexesFile = path.join(__dirname, 'fixtures', 'scale-indexes-more.json');
const DAY = 86_400_000;

type Listed = { data: { _id: string }[] };
const listed = (reply: unknown) => (reply as Listed).data;
const ids = (reply: unknown) => listed(reply).map((d) => d._id);

function items(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    _id: `i${String(i).padStart(6, '0')}`,
    communityId: `c${i % 4}`,
    status: i % 3 === 0 ? 'approved' : 'submitted',
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    n: i % 100,
    tags: [`t${i % 5}`, `t${i % 7}`],
  }));
}

describe('indexed reads through the real SDK', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ indexesFile });
    h.engine.load({ items: items(10_000) });
  });
  afterAll(() => h.close());
  beforeEach(() => h.engine.resetStats());

  test('a page sorted by an index over 10,000 documents parses only the page', async () => {
    const _ = h.db.command;
    const data = listed(
      await h.db
        .collection('items')
        .where({ communityId: 'c1', status: 'approved', createdAt: _.lt(new Date(Date.UTC(2026, 0, 1) + 9_000 * 60_000)) })
        .orderBy('createdAt', 'desc')
        .limit(20)
        .get(),
    );
    expect(data).toHaveLength(20);
    expect(data[0]._id).toBe('i008997');
    expect(h.engine.parsed).toBe(20);
    const event = h.meter[h.meter.length - 1];
    expect(event).toMatchObject({ read: 20, examined: 20 });
    expect(event.flags).toBeUndefined();
  });

  test('the next page (skip) walks on from the index, still not the collection', async () => {
    const page = ids(
      await h.db.collection('items').where({ communityId: 'c2', status: 'submitted' }).orderBy('createdAt', 'desc').skip(20).limit(20).get(),
    );
    expect(page).toEqual(
      items(10_000)
        .filter((d) => d.communityId === 'c2' && d.status === 'submitted')
        .reverse()
        .slice(20, 40)
        .map((d) => d._id),
    );
    expect(h.engine.parsed).toBe(40);
  });

  test('a count of equalities on an index reads its entries only; an unsorted page parses only the page', async () => {
    const { total } = (await h.db.collection('items').where({ communityId: 'c3', status: 'approved' }).count()) as { total: number };
    expect(total).toBe(items(10_000).filter((d) => d.communityId === 'c3' && d.status === 'approved').length);
    expect(h.engine.parsed).toBe(0);
    expect(h.meter[h.meter.length - 1]).toMatchObject({ read: total, examined: total });
    // A count the index does not answer exactly reads the documents within its bounds.
    const { total: some } = (await h.db.collection('items').where({ communityId: 'c3', status: 'approved', n: 7 }).count()) as { total: number };
    expect(some).toBe(items(10_000).filter((d) => d.communityId === 'c3' && d.status === 'approved' && d.n === 7).length);
    expect(h.engine.parsed).toBe(total);
    h.engine.resetStats();
    expect(listed(await h.db.collection('items').where({ communityId: 'c2', status: 'approved' }).limit(5).get())).toHaveLength(5);
    expect(h.engine.parsed).toBe(5);
  });

  test('an aggregate with a leading $match reads through the index too', async () => {
    const $ = h.db.command.aggregate;
    const { list } = (await h.db
      .collection('items')
      .aggregate()
      .match({ communityId: 'c0', status: 'approved' })
      .group({ _id: null, count: $.sum(1) })
      .end()) as { list: unknown[] };
    expect(list).toEqual([{ _id: null, count: 834 }]);
    expect(h.engine.parsed).toBe(834);
  });

  test('multikey: an array field has one entry per element, and an update moves them', async () => {
    await h.db.collection('items').add({ data: { _id: 'multi', tags: ['red', 'blue'] } });
    h.engine.resetStats();
    expect(ids(await h.db.collection('items').where({ tags: 'blue' }).get())).toEqual(['multi']);
    expect(h.engine.parsed).toBe(1);
    await h.db
      .collection('items')
      .doc('multi')
      .update({ data: { tags: h.db.command.pull('blue') } });
    expect(ids(await h.db.collection('items').where({ tags: 'blue' }).get())).toEqual([]);
    expect(
      ids(
        await h.db
          .collection('items')
          .where({ tags: h.db.command.in(['red', 'green']) })
          .get(),
      ),
    ).toEqual(['multi']);
    await h.db.collection('items').doc('multi').remove();
    expect(ids(await h.db.collection('items').where({ tags: 'red' }).get())).toEqual([]);
  });
});

test('natural order: an update keeps a document in its place, a delete and reinsert moves it to the end', () => {
  const db = new CloudDatabase({ file: ':memory:', now: () => 0, indexesFile });
  try {
    db.load({ items: [1, 2, 3].map((i) => ({ _id: `n${i}`, communityId: 'c', status: 'open', n: i })) });
    const order = () =>
      (
        db.handle('database.getDocument', { collectionName: 'items', query: encodeEJSON({ communityId: 'c', status: 'open' }) }) as {
          data: { list: string[] };
        }
      ).data.list.map((text) => (JSON.parse(text) as { _id: string })._id);
    db.handle('database.modifyDocument', {
      collectionName: 'items',
      query: encodeEJSON({ _id: 'n1' }),
      data: encodeEJSON({ $set: { n: 10 } }),
      multi: false,
    });
    expect(order()).toEqual(['n1', 'n2', 'n3']);
    db.handle('database.removeDocument', { collectionName: 'items', query: encodeEJSON({ _id: 'n2' }), multi: false });
    db.handle('database.insertDocument', { collectionName: 'items', data: [encodeEJSON({ _id: 'n2', communityId: 'c', status: 'open' })] });
    expect(order()).toEqual(['n1', 'n3', 'n2']);
  } finally {
    db.close();
  }
});

describe('a data dir on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'linli-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('opening it parses no document; a lookup by _id parses one', () => {
    const file = path.join(dir, 'db.sqlite');
    const first = new CloudDatabase({ file, now: () => 0, indexesFile });
    first.load({ items: items(2_000) });
    first.close();
    const db = new CloudDatabase({ file, now: () => 0, indexesFile });
    try {
      expect(db.parsed).toBe(0);
      expect(db.isEmpty()).toBe(false);
      const reply = db.handle('database.getDocument', { collectionName: 'items', query: encodeEJSON({ _id: 'i000042' }) }) as {
        data: { list: string[] };
      };
      expect(reply.data.list).toHaveLength(1);
      expect(db.parsed).toBe(1);
    } finally {
      db.close();
    }
  });

  test('an index declared after the data was written is built at open, once, and then serves its queries', () => {
    const file = path.join(dir, 'db.sqlite');
    const first = new CloudDatabase({ file, now: () => 0, indexesFile });
    first.load({ items: items(1_000) });
    first.close();
    const meter: DbMeterEvent[] = [];
    const built = new CloudDatabase({ file, now: () => 0, indexesFile: moreIndexesFile, onMeter: (e) => meter.push(e) });
    expect(built.parsed).toBe(1_000);
    built.close();
    const db = new CloudDatabase({ file, now: () => 0, indexesFile: moreIndexesFile, onMeter: (e) => meter.push(e) });
    try {
      expect(db.parsed).toBe(0);
      const reply = db.handle('database.getDocument', { collectionName: 'items', query: encodeEJSON({ n: 7 }) }) as { data: { list: string[] } };
      expect(reply.data.list).toHaveLength(10);
      expect(db.parsed).toBe(10);
      expect(meter[meter.length - 1]).toMatchObject({ read: 10, examined: 10 });
    } finally {
      db.close();
    }
  });
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

// Seeds tried once each; a failure names its seed so it can be replayed.
describe.each([17, 3, 2026, 8])('the indexed path answers as a full read does (seed %i)', (seed) => {
  const r = random(seed);
  const values = [null, 0, 1, 2, 2.5, -1, 'a', 'b', 'ab', '', true, false, new Date(0), new Date(DAY), new Date(2 * DAY)];
  const doc = (i: number): Record<string, unknown> => {
    const d: Record<string, unknown> = { _id: `d${i}` };
    if (r.next() < 0.9) d.communityId = r.pick(['c1', 'c2', 'c3', null]);
    if (r.next() < 0.9) d.status = r.pick(['approved', 'submitted', 'done']);
    if (r.next() < 0.9) d.createdAt = r.next() < 0.8 ? new Date(Math.floor(r.next() * 20) * DAY) : r.pick(values);
    if (r.next() < 0.8) d.a = r.next() < 0.15 ? [r.pick(values), r.next() < 0.2 ? [r.pick(values)] : r.pick(values)] : r.pick(values);
    if (r.next() < 0.8) d.b = Math.floor(r.next() * 5);
    if (r.next() < 0.7) d.tags = r.next() < 0.2 ? [] : r.next() < 0.3 ? r.pick(['x', 'y']) : [r.pick(['x', 'y', 'z']), r.pick(['x', 'y', 'z'])];
    if (r.next() < 0.5) d.n = Math.floor(r.next() * 10);
    return d;
  };
  const docs = Array.from({ length: 400 }, (_, i) => doc(i));
  const cond = (): unknown => {
    const v = r.pick(values);
    switch (Math.floor(r.next() * 8)) {
      case 0:
      case 1:
        return v;
      case 2:
        return { $in: [r.pick(values), r.pick(values)] };
      case 3:
        return { [r.pick(['$gt', '$gte', '$lt', '$lte'])]: v };
      case 4:
        return { $gte: r.pick(values), $lt: r.pick(values) };
      case 5:
        return { $ne: v };
      case 6:
        return { $eq: v };
      default:
        return { $exists: r.next() < 0.5 };
    }
  };
  const query = (): Record<string, unknown> => {
    const q: Record<string, unknown> = {};
    const shape = r.pick(['community', 'community', 'tags', 'a', 'a', 'created', 'or', 'other']);
    if (shape === 'community') {
      q.communityId = r.next() < 0.7 ? r.pick(['c1', 'c2', 'c3', null]) : cond();
      if (r.next() < 0.7) q.status = r.next() < 0.7 ? r.pick(['approved', 'submitted']) : { $in: ['approved', 'done'] };
      if (r.next() < 0.5) q.createdAt = { [r.pick(['$gt', '$lt', '$gte', '$lte'])]: new Date(Math.floor(r.next() * 20) * DAY) };
    } else if (shape === 'tags') q.tags = r.next() < 0.6 ? r.pick(['x', 'y', 'z']) : cond();
    else if (shape === 'a') {
      q.a = cond();
      if (r.next() < 0.5) q.b = r.next() < 0.5 ? Math.floor(r.next() * 5) : cond();
    } else if (shape === 'created') q.createdAt = cond();
    else if (shape === 'or') q.$or = [{ communityId: r.pick(['c1', 'c2']) }, { tags: r.pick(['x', 'y']) }];
    if (r.next() < 0.3) q.n = r.next() < 0.5 ? Math.floor(r.next() * 10) : { $gt: Math.floor(r.next() * 10) };
    return q;
  };
  const orders = [undefined, { createdAt: -1 }, { createdAt: 1 }, { a: 1, b: -1 }, { a: -1, b: 1 }, { a: 1 }, { b: 1 }, { tags: 1 }, { n: -1 }];

  let indexed: CloudDatabase;
  let scanned: CloudDatabase;
  const meters: Record<'indexed' | 'scanned', DbMeterEvent[]> = { indexed: [], scanned: [] };
  beforeAll(() => {
    indexed = new CloudDatabase({ file: ':memory:', now: () => 0, indexesFile, onMeter: (e) => meters.indexed.push(e) });
    scanned = new CloudDatabase({ file: ':memory:', now: () => 0, indexesFile, indexEntries: false, onMeter: (e) => meters.scanned.push(e) });
    indexed.load({ items: docs });
    scanned.load({ items: docs });
  });
  afterAll(() => {
    indexed.close();
    scanned.close();
  });

  test('600 random queries: the same documents in the same order, the same counts, the same documents examined', () => {
    let fetchedIndexed = 0;
    let fetchedScanned = 0;
    for (let i = 0; i < 600; i++) {
      const q = query();
      const order = r.pick(orders);
      const params: Record<string, unknown> = { collectionName: 'items', query: encodeEJSON(q) };
      if (order) params.order = encodeEJSON(order);
      if (r.next() < 0.6) params.limit = 1 + Math.floor(r.next() * 15);
      if (r.next() < 0.3) params.offset = Math.floor(r.next() * 10);
      const action = r.next() < 0.3 ? 'database.calculateDocument' : 'database.getDocument';
      if (action === 'database.calculateDocument') {
        delete params.order;
        delete params.limit;
        delete params.offset;
      }
      indexed.resetStats();
      scanned.resetStats();
      const got = indexed.handle(action, params) as Record<string, unknown>;
      const want = scanned.handle(action, params) as Record<string, unknown>;
      fetchedIndexed += indexed.fetched;
      fetchedScanned += scanned.fetched;
      const label = `${action} ${JSON.stringify(params)}`;
      expect({ label, data: got.data ?? got.message }).toEqual({ label, data: want.data ?? want.message });
      const [a, b] = [meters.indexed[meters.indexed.length - 1], meters.scanned[meters.scanned.length - 1]];
      expect({ label, read: a.read, examined: a.examined }).toEqual({ label, read: b.read, examined: b.examined });
    }
    // The point of the indexes: far fewer documents read than reading the collection each time.
    expect(fetchedIndexed).toBeLessThan(fetchedScanned / 2);
  });
});
