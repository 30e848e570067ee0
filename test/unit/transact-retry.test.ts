// Linli's transaction helper against the emulator's engine through the real SDK: a transaction that loses at its
// write (as on MongoDB) is retried, whatever the work made of the failed write. Linli's, so it lives here; the
// engine side of a conflict is the emulator's own (emulator/test/db/transactions-sdk.test.ts).
import { startHarness, type Harness } from '../../emulator/test/db/sdk-harness';

let h: Harness;
let transact: typeof import('../../cloudfunctions/_lib/platform/transact').transact;
let isConflict: typeof import('../../cloudfunctions/_lib/platform/transact').isConflict;
let DomainError: typeof import('../../src/shared/domain/errors').DomainError;
beforeAll(async () => {
  h = await startHarness();
  // After the harness: the helper's SDK instance finds the harness through the environment it set.
  ({ transact, isConflict } = await import('../../cloudfunctions/_lib/platform/transact'));
  ({ DomainError } = await import('../../src/shared/domain/errors'));
});
afterAll(() => h.close());
beforeEach(() => h.engine.load({ counters: [{ _id: 'c', n: 0 }] }));

/** Resolves once `count` callers have arrived. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return () => (++arrived === count && open(), gate);
}

test('a write conflict the work turns into a refusal is retried, not answered', async () => {
  const allRead = barrier(2);
  const refusedWrites: unknown[] = [];
  const add = () => {
    let first = true;
    return transact(async (tx) => {
      const { data } = (await tx.collection('counters').doc('c').get()) as { data: { n: number } };
      if (first) await allRead();
      first = false;
      // As a work does that takes any failed insert or update for "already there".
      await tx
        .collection('counters')
        .doc('c')
        .update({ data: { n: data.n + 1 } })
        .catch((error: unknown) => {
          refusedWrites.push(error);
          throw new DomainError('BAD_INPUT', '已经有了');
        });
      return data.n + 1;
    });
  };
  const results = await Promise.all([add(), add()]);
  expect(results.sort()).toEqual([1, 2]);
  expect(h.engine.find('counters')[0].n).toBe(2);
  // Both read before either wrote: the second writer lost at its write and was run again.
  expect(refusedWrites).toHaveLength(1);
  expect(isConflict(refusedWrites[0])).toBe(true);
});

test('a refusal that is not a lost write is answered at once', async () => {
  let runs = 0;
  const refused = transact(async () => {
    runs++;
    throw new DomainError('BAD_INPUT', '不行');
  });
  await expect(refused).rejects.toMatchObject({ code: 'BAD_INPUT' });
  expect(runs).toBe(1);
});
