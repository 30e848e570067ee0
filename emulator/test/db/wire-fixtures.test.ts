// The golden wire payloads recorded from wx-server-sdk 4.0.2 (copied from shared/fixtures), replayed in
// order against the engine; each reply and the resulting data are checked, not just "no error".
import fixtures from './fixtures/wx-server-sdk-4.0.2-wire.json';
import { CloudDatabase } from '../../src/db';

type Payload = { action: string; params: Record<string, unknown> };
const NOW = Date.UTC(2026, 0, 15, 8, 30);

const matching = (a: number) => ({ _id: `m${a}`, a, b: 'k', c: 1, extra: true });
const seed = {
  x: [
    { _id: 'a1', n: 5, arr: [0], a: 1 },
    ...[2, 3, 4, 5, 6, 7, 8, 9].map(matching),
    { _id: 'wrong-b', a: 50, b: 'other', c: 1 },
    { _id: 'wrong-c', a: 60, b: 'k', c: 3 },
    { _id: 'low-a', a: 1, b: 'k', c: 2 },
  ],
  y: [],
};

describe('wx-server-sdk 4.0.2 golden payloads', () => {
  const payloads = fixtures as Payload[];
  const db = new CloudDatabase({ file: ':memory:', now: () => NOW });
  const run = (i: number, patch: Record<string, unknown> = {}) => {
    const { action, params } = payloads[i];
    return db.handle(action, { ...params, ...patch }) as Record<string, any>;
  };
  beforeAll(() => db.load(seed));
  afterAll(() => db.close());

  test('the fixture file holds the eleven recorded payloads', () => {
    expect(payloads.map((p) => p.action)).toEqual([
      'database.getDocument',
      'database.insertDocument',
      'database.modifyDocument',
      'database.modifyDocument',
      'database.calculateDocument',
      'database.removeDocument',
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.commitTransaction',
    ]);
  });

  test('getDocument: filter, order desc, offset 5, limit 10, projection', () => {
    const reply = run(0);
    expect(reply.code).toBeUndefined();
    expect(reply.data.list.map((s: string) => JSON.parse(s))).toEqual([
      { _id: 'm4', a: 4 },
      { _id: 'm3', a: 3 },
      { _id: 'm2', a: 2 },
    ]);
    expect(reply.data).toMatchObject({ limit: 10, offset: 5 });
  });

  test('insertDocument resolves serverDate to the emulator clock and keeps $date', () => {
    const reply = run(1);
    const [id] = reply.data.insertedIds;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(db.find('x', { _id: id })).toEqual([{ _id: id, a: 1, when: new Date(NOW), d: new Date(0) }]);
  });

  test('modifyDocument by doc id: $inc, dotted $set and $push $each', () => {
    expect(run(2).data).toMatchObject({ updated: 1 });
    expect(db.find('x', { _id: 'a1' })).toEqual([{ _id: 'a1', n: 6, arr: [0, 1], a: 1, sub: { k: 'v' } }]);
  });

  test('modifyDocument where + multi updates every match', () => {
    const reply = run(3);
    expect(reply.data).toMatchObject({ updated: 3 });
    const updated = db.find('x', { 'b.z': 1 });
    expect(updated).toHaveLength(3);
    expect(updated.every((d) => d.a === 1)).toBe(true);
    expect(db.find('x', { _id: 'm2' })[0].b).toBe('k');
  });

  test('calculateDocument counts with $exists', () => {
    // 12 seeded documents + the one inserted above, all with an `a`.
    expect(run(4).data).toEqual({ total: 13 });
  });

  test('removeDocument where + multi removes every match', () => {
    expect(run(5).data).toEqual({ deleted: 3 });
    expect(db.find('x', { a: 1 })).toEqual([]);
  });

  test('a transaction sees its own writes and applies them only at commit', () => {
    db.load(seed);
    const started = run(6);
    expect(started.transactionId).toEqual(expect.any(String));
    const tx = { transactionId: started.transactionId };

    expect(run(7, tx).data.list.map((s: string) => JSON.parse(s))).toEqual([seed.x[0]]);
    expect(run(8, tx).data).toMatchObject({ updated: 1 });
    expect(run(9, tx).data.insertedIds).toHaveLength(1);
    expect(run(7, tx).data.list.map((s: string) => JSON.parse(s).n)).toEqual([4]);
    expect(db.find('x', { _id: 'a1' })[0].n).toBe(5);
    expect(db.find('y')).toEqual([]);

    const committed = run(10, tx);
    expect(committed.code).toBeUndefined();
    expect(db.find('x', { _id: 'a1' })[0].n).toBe(4);
    expect(db.find('y')).toEqual([{ _id: expect.stringMatching(/^[0-9a-f]{32}$/), ref: 'a1' }]);
    expect(run(10, tx).code).toBe('DATABASE_REQUEST_FAILED');
  });
});
