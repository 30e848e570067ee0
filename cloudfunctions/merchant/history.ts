import { merchantHistory } from '../../src/shared/contract';
import { tallyId } from '../../src/shared/domain/merchant';
import { dayCst, startOfDayCst } from '../../src/shared/domain/time';
import type { Charge } from '../../src/shared/domain/merchant-charge';
import { charges, chargeView } from '../_lib/charges';
import { defineHandler } from '../_lib/handler';
import { _, collections } from '../_lib/runtime';
import { activeShopOf } from '../_lib/shops';
import { table, type Query } from '../_lib/typed-db';

// 今日核销 / 历史: the shop's charges newest first, and today's totals from the day's tally (held charges count).
export const history = defineHandler(merchantHistory, async ({ scope, offset, limit }, { user }) => {
  const now = new Date();
  const shop = await activeShopOf(user);
  const since = startOfDayCst(now);
  const where: Query<Charge> = { shopId: shop._id };
  if (scope === 'today') where.createdAt = _.gte(since);
  const [page, tally, checks] = await Promise.all([
    charges().where(where).orderBy('createdAt', 'desc').page(offset, limit),
    table(collections.merchantTallies).get(tallyId.shop(shop._id, dayCst(now))),
    table(collections.merchantChecks)
      .where({ shopId: shop._id, at: _.gte(since) })
      .count(),
  ]);
  return {
    items: page.docs.map((c) => chargeView(c, now)),
    nextOffset: page.nextOffset,
    today: { count: tally?.count ?? 0, points: tally?.total ?? 0, checks },
  };
});
