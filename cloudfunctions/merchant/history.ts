import { merchantHistory } from '../../src/shared/contract';
import { tallyId } from '../../src/shared/domain/merchant';
import { dayCst, startOfDayCst } from '../../src/shared/domain/time';
import type { Charge } from '../../src/shared/domain/merchant-charge';
import { chargeView } from '../_lib/charges';
import { defineHandler } from '../_lib/handler';
import { pageOf } from '../_lib/page';
import { _, collections, db, type Loose } from '../_lib/runtime';
import { activeShopOf } from '../_lib/shops';

// 今日核销 / 历史: the shop's charges newest first, and today's totals from the day's tally (held charges count).
export const history = defineHandler(merchantHistory, async ({ scope, offset, limit }, { user }) => {
  const now = new Date();
  const shop = await activeShopOf(user);
  const since = startOfDayCst(now);
  const where: Record<string, unknown> = { shopId: shop._id };
  if (scope === 'today') where.createdAt = _.gte(since);
  const [page, tally, checks]: [{ docs: Charge[]; nextOffset: number | null }, Loose, Loose] = await Promise.all([
    pageOf<Charge>(collections.merchantCharges, where, { field: 'createdAt', dir: 'desc' }, offset, limit),
    db
      .collection(collections.merchantTallies)
      .doc(tallyId.shop(shop._id, dayCst(now)))
      .get(),
    db
      .collection(collections.merchantChecks)
      .where({ shopId: shop._id, at: _.gte(since) })
      .count(),
  ]);
  return {
    items: page.docs.map((c) => chargeView(c, now)),
    nextOffset: page.nextOffset,
    today: { count: tally.data?.count ?? 0, points: tally.data?.total ?? 0, checks: checks.total as number },
  };
});
