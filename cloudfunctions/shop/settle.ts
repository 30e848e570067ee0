import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { ratings, settleRating } from './ratings';

/** Older than this, an unsettled rating has no caller left posting its points. */
const STALE_MS = 60_000;

/** The timer behind ratings whose points were not posted (a crash, a busy ledger): posts them now. */
export async function settleRatings(): Promise<Record<string, unknown>> {
  const stale = await ratings()
    .where({ settled: false, at: _.lt(new Date(Date.now() - STALE_MS)) })
    .orderBy('at', 'asc')
    .limit(100)
    .get();
  const shops = await table(collections.shops).byIds(stale.map((r) => r.shopId));
  const tally = { settled: 0, failed: 0 };
  for (const rating of stale) {
    const shop = shops.get(rating.shopId);
    if (!shop) continue;
    await settleRating(rating, shop).then(
      () => (tally.settled += 1),
      (error: unknown) => {
        tally.failed += 1;
        console.warn('[shop] settle failed', rating._id, error);
      },
    );
  }
  return tally;
}
