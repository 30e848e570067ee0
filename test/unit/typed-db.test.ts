import { Table, TxTable, type RawAggregate, type RawCollection, type RawQuery, type Tx } from '../../cloudfunctions/_lib/platform/typed-db';
import type { Shop } from '../../src/shared/domain/merchant';

/** A stand-in for the SDK's collection: records every request and every chained call, answers `answers`. */
function fakeCollection(answers: { docs?: unknown[]; doc?: unknown; updated?: Record<string, unknown>; groups?: unknown[] } = {}) {
  const calls: string[] = [];
  const requests: string[] = [];
  const query = (): RawQuery => ({
    where: (q) => (calls.push(`where ${JSON.stringify(q)}`), query()),
    orderBy: (f, d) => (calls.push(`orderBy ${f} ${d}`), query()),
    skip: (n) => (calls.push(`skip ${n}`), query()),
    limit: (n) => (calls.push(`limit ${n}`), query()),
    field: (f) => (calls.push(`field ${Object.keys(f).join(',')}`), query()),
    get: async () => (requests.push('get'), { data: answers.docs ?? [] }),
    count: async () => (requests.push('count'), { total: answers.docs?.length ?? 0 }),
    update: async () => (requests.push('update'), { stats: { updated: answers.docs?.length ?? 0 } }),
    remove: async () => (requests.push('remove'), { stats: { removed: answers.docs?.length ?? 0 } }),
  });
  const collection: RawCollection = {
    ...query(),
    doc: (id) => ({
      get: async () => (requests.push(`doc.get ${id}`), { data: answers.doc ?? null }),
      set: async () => void requests.push(`doc.set ${id}`),
      update: async () => (requests.push(`doc.update ${id}`), answers.updated ?? { stats: { updated: 0 } }),
      remove: async () => void requests.push(`doc.remove ${id}`),
    }),
    add: async () => (requests.push('add'), { _id: 'new-id' }),
    aggregate: () => {
      const stages: RawAggregate = {
        match: (q) => (calls.push(`match ${JSON.stringify(q)}`), stages),
        group: (g) => (calls.push(`group ${JSON.stringify((g as { _id: unknown })._id)}`), stages),
        limit: (n) => (calls.push(`limit ${n}`), stages),
        end: async () => (requests.push('aggregate'), { list: answers.groups ?? [] }),
      };
      return stages;
    },
  };
  return { collection, calls, requests };
}

const shop = { name: '老街面馆', communityId: 'c1', status: 'active' } as Omit<Shop, '_id'>;

describe('typed collections: typed answers, one SDK request per call', () => {
  it('countBy groups the matching documents by a field in one aggregate request (limited: the cloud returns 20 without), leaving out those without one', async () => {
    const found = fakeCollection({
      groups: [
        { _id: 'c1', n: 3 },
        { _id: null, n: 2 },
        { _id: 'c2', n: 1 },
      ],
    });
    const counts = await new Table<Shop>(found.collection).countBy({ status: 'active' }, 'communityId');
    expect([...counts]).toEqual([
      ['c1', 3],
      ['c2', 1],
    ]);
    expect(found.calls).toEqual(['match {"status":"active"}', 'group "$communityId"', 'limit 1000']);
    expect(found.requests).toEqual(['aggregate']);
  });

  it('get(id) answers the document under the id it was read by, or null', async () => {
    const found = fakeCollection({ doc: shop });
    await expect(new Table<Shop>(found.collection).get('s1')).resolves.toEqual({ ...shop, _id: 's1' });
    expect(found.requests).toEqual(['doc.get s1']);
    await expect(new Table<Shop>(fakeCollection().collection).get('s2')).resolves.toBeNull();
  });

  it('a page asks for one row more than it shows, once, and says where the next one starts', async () => {
    const rows = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }];
    const full = fakeCollection({ docs: rows });
    const page = await new Table<Shop>(full.collection).where({ communityId: 'c1' }).orderBy('name', 'asc').page(4, 2);
    expect(page).toEqual({ docs: rows.slice(0, 2), nextOffset: 6 });
    expect(full.calls).toEqual(['where {"communityId":"c1"}', 'orderBy name asc', 'skip 4', 'limit 3']);
    expect(full.requests).toEqual(['get']);
    const last = await new Table<Shop>(fakeCollection({ docs: rows.slice(0, 2) }).collection).where({}).page(0, 2);
    expect(last.nextOffset).toBeNull();
  });

  it('change answers how many documents changed, in either shape the SDK reports it', async () => {
    await expect(new Table<Shop>(fakeCollection({ updated: { stats: { updated: 1 } } }).collection).change('s1', { ratingCount: 2 })).resolves.toBe(
      1,
    );
    await expect(new Table<Shop>(fakeCollection({ updated: { updated: 1 } }).collection).change('s1', { ratingCount: 2 })).resolves.toBe(1);
    await expect(new Table<Shop>(fakeCollection({ updated: {} }).collection).change('s1', { ratingCount: 2 })).resolves.toBe(0);
  });

  it('byIds reads nothing for no ids, and once for many (duplicates and nulls dropped)', async () => {
    const none = fakeCollection();
    await expect(new Table<Shop>(none.collection).byIds([null])).resolves.toEqual(new Map());
    expect(none.requests).toEqual([]);
    const some = fakeCollection({ docs: [{ _id: 'a' }] });
    const map = await new Table<Shop>(some.collection).byIds(['a', 'a', null, 'b']);
    expect([...map.keys()]).toEqual(['a']);
    expect(some.calls.at(-1)).toBe('limit 2');
    expect(some.requests).toEqual(['get']);
  });

  it('inside a transaction, reads and writes go through the transaction', async () => {
    const inTx = fakeCollection({ doc: shop, updated: { stats: { updated: 1 } } });
    const names: string[] = [];
    const tx: Tx = { collection: (name) => (names.push(name), inTx.collection) };
    const shops = new TxTable<Shop>(tx, 'shops');
    await expect(shops.get('s1')).resolves.toEqual({ ...shop, _id: 's1' });
    await shops.set('s1', shop);
    await expect(shops.change('s1', { ratingSum: 5 })).resolves.toBe(1);
    expect(inTx.requests).toEqual(['doc.get s1', 'doc.set s1', 'doc.update s1']);
    expect(names).toEqual(['shops', 'shops', 'shops']);
  });

  it('the compiler checks documents, queries and changes (npx tsc fails if these stop being errors)', () => {
    const shops = new Table<Shop>(fakeCollection().collection);
    // @ts-expect-error a shop's rating count is a number
    void shops.change('s1', { ratingCount: 'many' });
    // @ts-expect-error no such field on a shop
    void shops.where({ colour: 'red' });
    // @ts-expect-error a whole document must have every field
    void shops.set('s1', { name: '老街面馆' });
    // @ts-expect-error only a field of the document can order a query
    void shops.where({}).orderBy('colour', 'asc');
    expect(true).toBe(true);
  });
});
