// Transactions driven by the real SDK. A conflict at commit reaches runTransaction as `code`
// DATABASE_TRANSACTION_CONFLICT and it retries; a write conflict (the write itself fails, as on MongoDB) reaches the
// caller through wx-server-sdk's wrapper with only its message, and runTransaction does not retry it.
import { startHarness, type Harness } from './sdk-harness';

let h: Harness;
let db: any;
beforeAll(async () => {
  h = await startHarness();
  db = h.db;
});
afterAll(() => h.close());
beforeEach(() => h.engine.load({ counters: [{ _id: 'c', n: 0, log: [] }], audit: [] }));

const conflictReplies = () => h.replies.filter((r) => r.code === 'DATABASE_TRANSACTION_CONFLICT').length;
/** How a caller tells a lost transaction (cloudfunctions/_lib/platform/transact.ts isConflict does the same). */
const isConflict = (e: any) => e?.code === 'DATABASE_TRANSACTION_CONFLICT' || /WriteConflict/.test(String(e?.errMsg));

/** Resolves once `count` callers have arrived, so that many transactions provably read the same version. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return () => (++arrived === count && open(), gate);
}

test('20 concurrent read-modify-write transactions lose no update; the losers fail at their write', async () => {
  const conflictsBefore = conflictReplies();
  const allRead = barrier(20);
  const attempts = new Array<number>(20).fill(0);
  const writesRefused = new Array<number>(20).fill(0);
  // The caller retries what it lost (as transact does): each transaction can lose to the 19 others once each.
  const spend = async (i: number): Promise<void> => {
    try {
      await db.runTransaction(async (t: any) => {
        const firstAttempt = attempts[i]++ === 0;
        const { data } = await t.collection('counters').doc('c').get();
        if (firstAttempt) await allRead();
        await t
          .collection('counters')
          .doc('c')
          .update({ data: { n: data.n + 1, log: [...data.log, i] } })
          .catch((error: unknown) => {
            writesRefused[i]++;
            throw error;
          });
      }, 0);
    } catch (error) {
      if (!isConflict(error) || attempts[i] > 20) throw error;
      return spend(i);
    }
  };
  await Promise.all(attempts.map((_, i) => spend(i)));
  const [counter] = h.engine.find('counters');
  expect(counter.n).toBe(20);
  expect([...(counter.log as number[])].sort((a, b) => a - b)).toEqual(attempts.map((_, i) => i));
  // All 20 read version 0 before anyone wrote: the first writer holds the counter until it commits, so the 19
  // others lose at their write — none of them gets as far as a commit that cannot succeed.
  expect(conflictReplies() - conflictsBefore).toBeGreaterThanOrEqual(19);
  expect(writesRefused.reduce((a, b) => a + b)).toBe(attempts.reduce((a, b) => a + b) - 20);
  expect(attempts.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(39);
});

test('with the default 3 retries, a transaction either commits or fails loudly: never a lost update', async () => {
  const allRead = barrier(10);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () => {
      let first = true;
      return db.runTransaction(async (t: any) => {
        const { data } = await t.collection('counters').doc('c').get();
        if (first) await allRead();
        first = false;
        await t
          .collection('counters')
          .doc('c')
          .update({ data: { n: data.n + 1 } });
      });
    }),
  );
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  for (const f of failed) expect(isConflict(f.reason)).toBe(true);
  expect(h.engine.find('counters')[0].n).toBe(outcomes.length - failed.length);
});

test('rollback discards every write of the transaction and rejects with the given reason', async () => {
  const run = db.runTransaction(async (t: any) => {
    await t
      .collection('counters')
      .doc('c')
      .update({ data: { n: 99 } });
    await t.collection('audit').add({ data: { note: 'should vanish' } });
    await t.rollback('不够积分');
  });
  await expect(run).rejects.toBe('不够积分');
  expect(h.engine.find('counters')[0].n).toBe(0);
  expect(h.engine.find('audit')).toEqual([]);
});

test('startTransaction: a write outside the transaction makes its own write of that document fail at once', async () => {
  const t = await db.startTransaction();
  const { data } = await t.collection('counters').doc('c').get();
  await db
    .collection('counters')
    .doc('c')
    .update({ data: { n: 5 } });
  const write = t
    .collection('counters')
    .doc('c')
    .update({ data: { n: data.n + 1 } });
  await expect(write).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('WriteConflict') });
  // Mongo aborts a transaction that hit a write conflict: there is nothing left to commit.
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  expect(h.engine.find('counters')[0].n).toBe(5);
});

test('startTransaction: a document only read, changed outside meanwhile, still fails the commit', async () => {
  h.engine.load({ counters: [{ _id: 'c', n: 0 }], limits: [{ _id: 'l', max: 3 }] });
  const t = await db.startTransaction();
  await t.collection('limits').doc('l').get();
  await db
    .collection('limits')
    .doc('l')
    .update({ data: { max: 0 } });
  await t
    .collection('counters')
    .doc('c')
    .update({ data: { n: 1 } });
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect(h.engine.find('counters')[0].n).toBe(0);
});

test('doc().set() and doc().remove() inside a transaction apply together at commit', async () => {
  await db.runTransaction(async (t: any) => {
    await t
      .collection('counters')
      .doc('d')
      .set({ data: { n: 1 } });
    await t.collection('counters').doc('c').remove();
    expect(h.engine.find('counters').map((d) => d._id)).toEqual(['c']);
  });
  expect(h.engine.find('counters')).toEqual([{ _id: 'd', n: 1 }]);
});

test('only single-document operations are allowed in a transaction', async () => {
  const run = db.runTransaction(async (t: any) => {
    await t.collection('counters').where({ n: 0 }).get();
  });
  await expect(run).rejects.toMatchObject({ errMsg: expect.stringContaining('single-document') });
});

test('where().update() on a transaction object runs outside it (the SDK omits transactionId)', async () => {
  const run = db.runTransaction(async (t: any) => {
    await t
      .collection('counters')
      .where({ _id: 'c' })
      .update({ data: { n: 7 } });
    await t.rollback('undo');
  });
  await expect(run).rejects.toBe('undo');
  expect(h.engine.find('counters')[0].n).toBe(7);
});

test('a conditional update is atomic without a transaction: one claim wins', async () => {
  h.engine.load({ wishes: [{ _id: 'w', status: 'approved' }] });
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      db
        .collection('wishes')
        .where({ _id: 'w', status: 'approved' })
        .update({ data: { status: 'claimed', by: i } }),
    ),
  );
  const winners = results.flatMap((r: { stats: { updated: number } }, i: number) => (r.stats.updated === 1 ? [i] : []));
  expect(winners).toHaveLength(1);
  expect(h.engine.find('wishes')).toEqual([{ _id: 'w', status: 'claimed', by: winners[0] }]);
});
