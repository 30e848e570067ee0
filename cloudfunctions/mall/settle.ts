import { _ } from '../_lib/platform/runtime';
import { settle } from './checkout';
import { sweepHeldStock } from './held-stock';
import { orders } from './mall-repo';

/** Older than this, a reserved order has no caller left waiting on it: functions time out long before. */
const STALE_MS = 5 * 60 * 1000;

/**
 * The mall's ten-minute timer. First the stock held for orders whose call died before it cleared its mark
 * (held-stock.ts), then every order left half-way between taking the stock and paying (orders made before an
 * order's stock and payment went together, checkout.ts `place`): it finishes each one, paying it or putting the
 * goods back.
 */
export async function settleStale(): Promise<Record<string, unknown>> {
  const held = await sweepHeldStock();
  const stale = await orders()
    .where({ status: 'reserved', createdAt: _.lt(new Date(Date.now() - STALE_MS)) })
    .orderBy('createdAt', 'asc')
    .limit(100)
    .get();
  const tally = { placed: 0, refused: 0, pending: 0 };
  for (const order of stale) {
    const after = await settle(order).catch((error: unknown) => {
      console.warn('[mall] settle failed', order._id, error);
      return order;
    });
    tally[after.status === 'placed' ? 'placed' : after.status === 'refused' ? 'refused' : 'pending'] += 1;
  }
  return { ...tally, held };
}
