// Transaction edge cases at the engine boundary: what counts as a conflict, snapshots, expiry, metering.
import { CloudDatabase, type DbMeterEvent } from '../../src/db';

type Reply = { code?: string; message?: string; transactionId?: string; data?: any };
const q = (v: unknown) => JSON.stringify(v);

let db: CloudDatabase;
let meter: DbMeterEvent[];
const call = (action: string, params: Record<string, unknown> = {}) => db.handle(`database.${action}`, params) as Reply;
const start = () => call('startTransaction').transactionId as string;
const get = (coll: string, id: string, transactionId?: string) =>
  call('getDocument', { collectionName: coll, query: q({ _id: id }), queryType: 'DOC', transactionId }).data.list.map((s: string) => JSON.parse(s));
const update = (coll: string, id: string, data: object, transactionId?: string) =>
  call('modifyDocument', {
    collectionName: coll,
    query: q({ _id: id }),
    queryType: 'DOC',
    data: q(data),
    multi: false,
    merge: true,
    upsert: false,
    transactionId,
  });
const insert = (coll: string, doc: object, transactionId?: string) => call('insertDocument', { collectionName: coll, data: [q(doc)], transactionId });

beforeEach(() => {
  meter = [];
  db = new CloudDatabase({ file: ':memory:', now: () => 0, onMeter: (e) => meter.push(e), transactionTtlMs: 1000 });
  db.load({
    acc: [
      { _id: 'a', v: 10 },
      { _id: 'b', v: 10 },
    ],
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  db.close();
});

test('a document deleted and re-inserted meanwhile is a conflict, even with identical content', () => {
  const tx = start();
  expect(get('acc', 'a', tx)).toEqual([{ _id: 'a', v: 10 }]);
  call('removeDocument', { collectionName: 'acc', query: q({ _id: 'a' }), queryType: 'DOC', multi: false });
  insert('acc', { _id: 'a', v: 10 });
  update('acc', 'b', { $inc: { v: 1 } }, tx);
  expect(call('commitTransaction', { transactionId: tx }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(db.find('acc', { _id: 'b' })[0].v).toBe(10);
});

test('a document the transaction saw as absent and someone else created is a conflict', () => {
  const tx = start();
  expect(get('acc', 'new', tx)).toEqual([]);
  insert('acc', { _id: 'new', v: 1 });
  insert('log', { ref: 'new' }, tx);
  expect(call('commitTransaction', { transactionId: tx }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(db.find('log')).toEqual([]);
});

test('reads inside a transaction are repeatable, and see its own writes', () => {
  const tx = start();
  expect(get('acc', 'a', tx)[0].v).toBe(10);
  update('acc', 'a', { $set: { v: 99 } });
  expect(get('acc', 'a', tx)[0].v).toBe(10);
  update('acc', 'b', { $inc: { v: 5 } }, tx);
  expect(get('acc', 'b', tx)[0].v).toBe(15);
  expect(get('acc', 'b')[0].v).toBe(10);
});

test('two transactions on different documents both commit', () => {
  const t1 = start();
  const t2 = start();
  update('acc', 'a', { $inc: { v: -3 } }, t1);
  update('acc', 'b', { $inc: { v: 3 } }, t2);
  expect(call('commitTransaction', { transactionId: t2 }).code).toBeUndefined();
  expect(call('commitTransaction', { transactionId: t1 }).code).toBeUndefined();
  expect(db.find('acc').map((d) => d.v)).toEqual([7, 13]);
});

test('inserting an existing _id inside a transaction fails at once', () => {
  const tx = start();
  expect(insert('acc', { _id: 'a' }, tx).code).toBe('DATABASE_REQUEST_FAILED');
});

test('count, aggregate and where-queries are refused inside a transaction', () => {
  const tx = start();
  expect(call('calculateDocument', { collectionName: 'acc', transactionId: tx }).code).toBe('DATABASE_REQUEST_FAILED');
  expect(call('aggregateDocuments', { collectionName: 'acc', stages: [], transactionId: tx }).code).toBe('DATABASE_REQUEST_FAILED');
  const where = call('modifyDocument', { collectionName: 'acc', query: q({ v: 10 }), data: q({ $set: { v: 0 } }), multi: true, transactionId: tx });
  expect(where.code).toBe('DATABASE_REQUEST_FAILED');
  expect(db.find('acc', { v: 0 })).toEqual([]);
});

test('an abandoned transaction expires after its time to live (real time, not the emulator clock)', () => {
  const t0 = Date.now();
  const now = jest.spyOn(Date, 'now').mockReturnValue(t0);
  const tx = start();
  update('acc', 'a', { $set: { v: 0 } }, tx);
  now.mockReturnValue(t0 + 1000);
  const reply = call('commitTransaction', { transactionId: tx });
  expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('expired') });
  expect(db.find('acc', { _id: 'a' })[0].v).toBe(10);
});

test('abort forgets the transaction; a second commit or abort is an error', () => {
  const tx = start();
  update('acc', 'a', { $set: { v: 0 } }, tx);
  expect(call('abortTransaction', { transactionId: tx }).code).toBeUndefined();
  expect(call('commitTransaction', { transactionId: tx }).code).toBe('DATABASE_REQUEST_FAILED');
  expect(call('abortTransaction', { transactionId: tx }).code).toBe('DATABASE_REQUEST_FAILED');
  expect(db.find('acc', { _id: 'a' })[0].v).toBe(10);
});

test('writes inside a transaction are metered at commit, not when buffered', () => {
  const tx = start();
  update('acc', 'a', { $inc: { v: -1 } }, tx);
  update('acc', 'b', { $inc: { v: 1 } }, tx);
  call('commitTransaction', { transactionId: tx });
  expect(meter.map((e) => [e.action, e.read, e.written])).toEqual([
    ['database.startTransaction', 0, 0],
    ['database.modifyDocument', 1, 0],
    ['database.modifyDocument', 1, 0],
    ['database.commitTransaction', 0, 2],
  ]);
});

test('load() (reset to seed) drops open transactions', () => {
  const tx = start();
  db.load({ acc: [] });
  expect(call('commitTransaction', { transactionId: tx }).code).toBe('DATABASE_REQUEST_FAILED');
});

// Write conflicts as on MongoDB: the write fails at once, and the transaction that made it is gone.
const remove = (coll: string, id: string, transactionId?: string) =>
  call('removeDocument', { collectionName: coll, query: q({ _id: id }), queryType: 'DOC', multi: false, transactionId });
const commit = (transactionId: string) => call('commitTransaction', { transactionId });

test('the first writer holds a document: a second transaction writing it fails at that write, and is aborted', () => {
  const t1 = start();
  const t2 = start();
  expect(update('acc', 'a', { $inc: { v: -1 } }, t1).code).toBeUndefined();
  const lost = update('acc', 'a', { $inc: { v: -2 } }, t2);
  expect(lost).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: expect.stringContaining('WriteConflict') });
  // Nothing of t2 is left: not its earlier writes, not the transaction.
  expect(commit(t2)).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('does not exist') });
  expect(commit(t1).code).toBeUndefined();
  expect(db.find('acc', { _id: 'a' })[0].v).toBe(9);
});

test('reads never conflict; only a write does, and an insert of the same new id is a write', () => {
  const t1 = start();
  const t2 = start();
  insert('acc', { _id: 'new', v: 1 }, t1);
  expect(get('acc', 'a', t2)[0].v).toBe(10);
  expect(get('acc', 'new', t2)).toEqual([]);
  expect(insert('acc', { _id: 'new', v: 2 }, t2).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(commit(t1).code).toBeUndefined();
  expect(db.find('acc', { _id: 'new' })[0].v).toBe(1);
});

test('a document committed by another after this transaction began cannot be written by it, even if read after', () => {
  const t1 = start();
  const t2 = start();
  expect(get('acc', 'b', t2)[0].v).toBe(10); // t2's snapshot is taken here
  update('acc', 'a', { $inc: { v: 1 } }, t1);
  expect(commit(t1).code).toBeUndefined();
  expect(get('acc', 'a', t2)[0].v).toBe(11);
  expect(update('acc', 'a', { $inc: { v: 1 } }, t2).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  // A transaction whose first operation comes after that commit writes it.
  const t3 = start();
  expect(update('acc', 'a', { $inc: { v: 1 } }, t3).code).toBeUndefined();
  expect(commit(t3).code).toBeUndefined();
  expect(db.find('acc', { _id: 'a' })[0].v).toBe(12);
});

test('a holder that aborts, or expires, lets the document go', () => {
  const t0 = Date.now();
  const now = jest.spyOn(Date, 'now').mockReturnValue(t0);
  const t1 = start();
  const t2 = start();
  const t3 = start();
  update('acc', 'a', { $set: { v: 1 } }, t1);
  call('abortTransaction', { transactionId: t1 });
  expect(update('acc', 'a', { $set: { v: 2 } }, t2).code).toBeUndefined();
  now.mockReturnValue(t0 + 1000); // t2 (and t3, never used) expire
  const t4 = start();
  expect(update('acc', 'a', { $set: { v: 4 } }, t4).code).toBeUndefined();
  expect(commit(t4).code).toBeUndefined();
  expect(commit(t3).code).toBe('DATABASE_REQUEST_FAILED');
  expect(db.find('acc', { _id: 'a' })[0].v).toBe(4);
});

test('a removal after the snapshot is a change; one before it is not', () => {
  remove('acc', 'b');
  const t1 = start();
  expect(get('acc', 'a', t1)[0].v).toBe(10);
  remove('acc', 'a');
  expect(update('acc', 'a', { $inc: { v: 1 } }, t1).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  const t2 = start();
  expect(insert('acc', { _id: 'b', v: 2 }, t2).code).toBeUndefined();
  expect(commit(t2).code).toBeUndefined();
  expect(db.find('acc')).toEqual([{ _id: 'b', v: 2 }]);
});

test('a transaction writes its own documents again freely', () => {
  const tx = start();
  update('acc', 'a', { $inc: { v: 1 } }, tx);
  expect(update('acc', 'a', { $inc: { v: 1 } }, tx).code).toBeUndefined();
  expect(remove('acc', 'a', tx).code).toBeUndefined();
  expect(commit(tx).code).toBeUndefined();
  expect(db.find('acc').map((d) => d._id)).toEqual(['b']);
});
