// Collections exist only once created, as on the cloud: the index file's at open (what the deploy creates),
// a seed's when loaded, and db.createCollection's. Anything else fails with DATABASE_COLLECTION_NOT_EXIST,
// which wx-server-sdk surfaces as errCode -502005.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CloudDatabase } from '../../src/db';
import { startHarness, type Harness } from './sdk-harness';

const indexesFile = path.join(__dirname, 'fixtures', 'indexes.json');
const notExist = { errCode: -502005, errMsg: expect.stringContaining('database collection not exists') };
// The SDK's aggregate path does not map the code to a number (errCode -1), as with the cloud's reply.
const notExistInAggregate = { errCode: -1, errMsg: expect.stringContaining('[ResourceNotFound] Db or Table not exist') };

describe('through wx-server-sdk', () => {
  let h: Harness;
  let db: any;
  beforeAll(async () => {
    h = await startHarness({ indexesFile });
    db = h.db;
  });
  afterAll(() => h.close());
  beforeEach(() => h.engine.load({ seeded: [{ _id: 's1', n: 1 }] }));

  test('the index file declares wishes and categories: they exist, empty, from the start', async () => {
    expect((await db.collection('wishes').get()).data).toEqual([]);
    expect((await db.collection('categories').count()).total).toBe(0);
    expect((await db.collection('seeded').doc('s1').get()).data).toMatchObject({ n: 1 });
  });

  test.each([
    ['get', (c: any) => c.where({ a: 1 }).get()],
    ['doc().get', (c: any) => c.doc('x').get()],
    ['count', (c: any) => c.count()],
    ['add', (c: any) => c.add({ data: { a: 1 } })],
    ['doc().set', (c: any) => c.doc('x').set({ data: { a: 1 } })],
    ['where().update', (c: any) => c.where({ a: 1 }).update({ data: { a: 2 } })],
    ['where().remove', (c: any) => c.where({ a: 1 }).remove()],
  ])('%s on a collection never created fails with -502005 and writes nothing', async (_name, call) => {
    await expect(call(db.collection('typo_wishes'))).rejects.toMatchObject(notExist);
    expect(h.engine.hasCollection('typo_wishes')).toBe(false);
    expect(h.engine.find('typo_wishes')).toEqual([]);
  });

  test('aggregate on a collection never created fails with the same message', async () => {
    await expect(db.collection('typo_wishes').aggregate().match({ a: 1 }).end()).rejects.toMatchObject(notExistInAggregate);
  });

  test('a transaction touching an unknown collection fails the same way', async () => {
    const run = db.runTransaction(async (t: any) => {
      await t
        .collection('seeded')
        .doc('s1')
        .update({ data: { n: 2 } });
      await t.collection('typo').add({ data: { a: 1 } });
    });
    await expect(run).rejects.toMatchObject({ errCode: -502005 });
    expect(h.engine.find('seeded')[0].n).toBe(1);
  });

  test('db.createCollection sends database.addCollection, then the collection works; a second create fails', async () => {
    const created = await db.createCollection('todos');
    expect(created).toMatchObject({ errMsg: 'createCollection:ok' });
    expect(h.requests.at(-1)).toMatchObject({ action: 'database.addCollection', collectionName: 'todos' });
    await db.collection('todos').add({ data: { _id: 't1', title: '买菜' } });
    expect((await db.collection('todos').doc('t1').get()).data.title).toBe('买菜');
    await expect(db.createCollection('todos')).rejects.toMatchObject({ errMsg: expect.stringContaining('collection todos already exists') });
    await expect(db.createCollection('wishes')).rejects.toMatchObject({ errMsg: expect.stringContaining('already exists') });
  });

  test('a reset (load) keeps the declared collections and drops the ones created since', async () => {
    await db.createCollection('scratch');
    h.engine.load({});
    expect(h.engine.hasCollection('scratch')).toBe(false);
    expect(h.engine.hasCollection('seeded')).toBe(false);
    expect(h.engine.hasCollection('wishes')).toBe(true);
    await expect(db.collection('scratch').get()).rejects.toMatchObject(notExist);
  });
});

describe('on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-colls-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('created collections survive reopening, even empty', () => {
    const file = path.join(dir, 'reopen.db');
    const first = new CloudDatabase({ file, now: () => 0 });
    first.handle('database.addCollection', { collectionName: 'empty_one' });
    first.close();
    const again = new CloudDatabase({ file, now: () => 0 });
    expect(again.hasCollection('empty_one')).toBe(true);
    expect(again.hasCollection('other')).toBe(false);
    again.close();
  });

  test('a data dir from before the collections table: every collection holding documents exists', () => {
    const file = path.join(dir, 'old.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE docs (coll TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (coll, key))');
    raw.prepare('INSERT INTO docs VALUES (?, ?, ?, ?)').run('legacy', 'a', 1, '{"_id":"a"}');
    raw.close();
    const db = new CloudDatabase({ file, now: () => 0 });
    expect(db.hasCollection('legacy')).toBe(true);
    expect(db.find('legacy')).toEqual([{ _id: 'a' }]);
    db.close();
  });
});
