import { merchantHistory } from '../../src/shared/contract';
import { shopDay } from '../../src/shared/domain/merchant';
import { dayCst, startOfDayCst } from '../../src/shared/domain/time';
import type { Charge } from '../../src/shared/domain/merchant-charge';
import { charges, chargeView } from '../_lib/ledger/charges';
import { defineHandler } from '../_lib/platform/handler';
import { _ } from '../_lib/platform/runtime';
import { openDeskOf } from '../_lib/ledger/shop-desk';
import type { Query } from '../_lib/platform/typed-db';

// 今日核销 / 历史: the shop's charges newest first, and today's totals as its desk keeps them (held charges count).
export const history = defineHandler(merchantHistory, async ({ scope, offset, limit }, { user }) => {
  const now = new Date();
  const shop = await openDeskOf(user);
  const where: Query<Charge> = { shopId: shop.shopId };
  if (scope === 'today') where.createdAt = _.gte(startOfDayCst(now));
  const page = await charges().where(where).orderBy('createdAt', 'desc').page(offset, limit);
  const today = shopDay(shop, dayCst(now));
  return {
    items: page.docs.map((c) => chargeView(c, now)),
    nextOffset: page.nextOffset,
    today: { count: today.count, points: today.total, checks: today.checks },
  };
});
