// Child process for durability.test.ts: commits transactions back to back until it is killed. Each one moves
// value between accounts (the total never changes), bumps a commit counter and inserts markers, and is
// reported on stdout only after commitTransaction returned.
import { CloudDatabase } from '../../src/db';

const ACCOUNTS = 10;
const MARKERS = 10;
const db = new CloudDatabase({ file: process.argv[2], now: () => Date.now(), indexesFile: process.argv[3] });
const q = (v: unknown) => JSON.stringify(v);

function call(action: string, params: Record<string, unknown>): any {
  const reply = db.handle(`database.${action}`, params) as { code?: string; message?: string };
  if (reply.code) throw new Error(`${action}: ${reply.code} ${reply.message}`);
  return reply;
}

function read(coll: string, id: string, transactionId: string): Record<string, number> {
  const { data } = call('getDocument', { collectionName: coll, query: q({ _id: id }), queryType: 'DOC', transactionId });
  return JSON.parse(data.list[0]);
}

function set(coll: string, id: string, fields: object, transactionId: string): void {
  const data = q({ $set: fields });
  call('modifyDocument', { collectionName: coll, query: q({ _id: id }), queryType: 'DOC', data, multi: false, merge: true, transactionId });
}

for (;;) {
  const { transactionId } = call('startTransaction', {});
  // Every account changes in every transaction (random shifts that sum to zero), so most of a commit's time
  // is spent writing and a kill often lands between its first and last row.
  const shifts = Array.from({ length: ACCOUNTS - 1 }, () => Math.floor(Math.random() * 21) - 10);
  shifts.push(-shifts.reduce((a, b) => a + b, 0));
  shifts.forEach((shift, i) => set('accounts', `acc${i}`, { v: read('accounts', `acc${i}`, transactionId).v + shift }, transactionId));
  const seq = read('meta', 'commits', transactionId).n + 1;
  set('meta', 'commits', { n: seq }, transactionId);
  const markers = Array.from({ length: MARKERS }, (_, k) => q({ _id: `m${seq}-${k}`, seq }));
  call('insertDocument', { collectionName: 'markers', data: markers, transactionId });
  call('commitTransaction', { transactionId });
  process.stdout.write(`${seq}\n`);
}
