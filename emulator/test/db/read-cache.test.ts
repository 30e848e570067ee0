// What a read of a document by _id keeps in memory between writes, and that it never answers from memory what a
// write has changed since. Counts, never times: Store.stats.lookups counts the lookups that went to SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeEJSON, encodeEJSON, type Doc } from '../../src/db/ejson';
import { replyEJSON, Store } from '../../src/db/store';

describe('reads by _id between writes', () => {
  let store: Store;
  beforeEach(() => {
    store = new Store(':memory:');
    store.apply([
      { coll: 'users', id: 'wang', doc: { _id: 'wang', name: '王秀英' } },
      { coll: 'users', id: 'li', doc: { _id: 'li', name: '李' } },
    ]);
    store.resetStats();
  });
  afterEach(() => store.close());

  test('a document read again before any write is not looked up in SQLite again, nor is one that is missing', () => {
    expect(store.get('users', 'wang')?.doc).toEqual({ _id: 'wang', name: '王秀英' });
    expect(store.get('users', 'wang')?.doc).toEqual({ _id: 'wang', name: '王秀英' });
    expect(store.get('users', 'nobody')).toBeUndefined();
    expect(store.get('users', 'nobody')).toBeUndefined();
    expect(store.stats.lookups).toBe(2);
    expect(store.stats.fetched).toBe(2);
  });

  test('every write is seen by the next read: an update, an insert, a delete, another document, a reset', () => {
    store.get('users', 'wang');
    store.get('users', 'zhao');
    store.apply([{ coll: 'users', id: 'wang', doc: { _id: 'wang', name: '王' } }]);
    expect(store.get('users', 'wang')?.doc).toEqual({ _id: 'wang', name: '王' });
    store.apply([{ coll: 'users', id: 'zhao', doc: { _id: 'zhao', name: '赵' } }]);
    expect(store.get('users', 'zhao')?.doc).toEqual({ _id: 'zhao', name: '赵' });
    store.apply([{ coll: 'users', id: 'wang', doc: null }]);
    expect(store.get('users', 'wang')).toBeUndefined();
    // A write to one document, and the same _id in another collection, are other keys.
    store.get('users', 'li');
    store.apply([{ coll: 'orgs', id: 'li', doc: { _id: 'li', name: '李家' } }]);
    expect(store.get('orgs', 'li')?.doc).toEqual({ _id: 'li', name: '李家' });
    expect(store.get('users', 'li')?.doc).toEqual({ _id: 'li', name: '李' });
    store.replaceAll({}, ['users']);
    expect(store.get('users', 'li')).toBeUndefined();
    expect(store.get('users', 'zhao')).toBeUndefined();
  });
});

describe('replies of documents read from the file', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'linli-read-cache-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Values whose EJSON is not plain JSON, and plain ones.
  const doc: Doc = {
    _id: 'd1',
    at: new Date(Date.UTC(2026, 11, 5, 13, 30, 0, 123)),
    before1970: new Date(-86_400_000),
    negativeZero: -0,
    notANumber: NaN,
    infinite: -Infinity,
    fraction: 1.5,
    big: 2 ** 53 + 2,
    pattern: /^王.*$/im,
    nested: { list: [1, 'two', { three: [new Date(0), null, true] }], empty: {} },
    text: '帮忙换灯泡 "quoted" \\ \n',
  };

  test('is the stored text, which is what encoding the document gives', () => {
    const file = path.join(dir, 'db.sqlite');
    const writer = new Store(file);
    writer.apply([{ coll: 'things', id: 'd1', doc }]);
    writer.close();
    const reader = new Store(file);
    const row = reader.get('things', 'd1')!;
    expect(reader.stats.parsed).toBe(1);
    expect(replyEJSON(row.doc)).toBe(encodeEJSON(row.doc));
    expect(decodeEJSON(replyEJSON(row.doc), 0)).toEqual(row.doc);
    // A document that did not come from the file as it is (a projection's, a write's) is encoded.
    const changed = { ...row.doc, fraction: 2.5 };
    expect(replyEJSON(changed)).toBe(encodeEJSON(changed));
    reader.close();
  });
});
