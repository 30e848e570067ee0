import { compacted, type BalanceDoc } from '../_lib/ledger/balances';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';

/**
 * Entries a balance may gain before it is compacted. A credit made without reading the balance pushes a lot, a shop
 * is pushed one by each charge paid to it, and a resident's first charge of a day keys the day's spending: without
 * compaction a party member's lots, a busy shop's and a daily shopper's days would grow with every week of history,
 * and every read of the balance (each charge reads the shop's) with them.
 */
export const GROWTH_LIMIT = 32;
/** Balances one timer run compacts: each is a transaction of its own (a read and a write), well within the run. */
const PER_RUN = 50;
/**
 * How long one run goes on compacting, and how long one balance is tried while spends and charges keep changing it:
 * the rest waits for the next run, ten minutes on, so a busy shop's desk never holds up the timer's other work.
 */
const RUN_MS = 5_000;
const ONE_MS = 1_000;

/**
 * What the ledger's ten-minute timer does last: each balance that has grown by GROWTH_LIMIT entries is
 * written whole once (balances.ts compacted), in a transaction of its own, so a spend or a charge made meanwhile is
 * neither lost nor written over: the compaction loses and tries again. Reads only the balances that grew (index
 * growth); those past PER_RUN, or past RUN_MS of work, wait for the next run, as does one that stays busy.
 */
export async function compactBalances(): Promise<Record<string, number>> {
  const started = Date.now();
  const tally = { compacted: 0, busy: 0 };
  const grown: BalanceDoc[] = await table(collections.balances)
    .where({ growth: _.gte(GROWTH_LIMIT) })
    .limit(PER_RUN)
    .get();
  for (const { _id } of grown) {
    if (Date.now() - started > RUN_MS) break;
    try {
      await transact(
        async (tx) => {
          const balances = tableIn(tx, collections.balances);
          const doc = await balances.get(_id);
          if (!doc) return;
          const { _id: _ignored, ...whole } = compacted(doc, new Date());
          await balances.set(_id, whole);
        },
        { giveUpMs: ONE_MS },
      );
      tally.compacted += 1;
    } catch (error) {
      tally.busy += 1;
      console.warn('[points] balance left to the next compaction', _id, error);
    }
  }
  return tally;
}
