import { shopGet, shopHistory, shopList, shopListVirtue } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { account } from '../../src/shared/domain/ledger';
import { managesShops } from '../../src/shared/domain/merchant';
import { VIRTUE_SHOPS_MAX } from '../../src/shared/domain/merchant-shop';
import { viewerFor } from '../_lib/platform/guest';
import { defineHandler, definePublicHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { findShop, publicShopView, shopPoints, shopStanding } from '../_lib/ledger/shops';
import { ratingIdOf } from './rate';
import { table } from '../_lib/platform/typed-db';
import { ratings, ratingView } from './ratings';

// 店铺页 (reached from its rating QR): the shop, its latest ratings, and whether I rated it today.
export const getShop = defineHandler(shopGet, async ({ shopId }, { openid }) => {
  const shop = await findShop(shopId);
  if (!shop || shop.status !== 'active') throw new DomainError('SHOP_NOT_FOUND');
  const [points, latest, mine] = await Promise.all([
    shopPoints(shopId),
    ratings().where({ shopId }).orderBy('at', 'desc').limit(10).get(),
    ratings().get(ratingIdOf(shopId, openid, new Date())),
  ]);
  return { shop: publicShopView(shop, points), ratings: latest.map(ratingView), ratedToday: Boolean(mine) };
});

/**
 * 美德商铺榜: the community's shops by shop points, read from the cached balances (one indexed query),
 * suspended shops left out.
 */
export const listVirtue = definePublicHandler(shopListVirtue, async ({ communityId }, { openid, user: caller }) => {
  const user = await viewerFor(openid, caller, communityId);
  const balances = await table(collections.balances)
    .where({ communityId: user.communityId, asset: 'shop', balance: _.gt(0) })
    .orderBy('balance', 'desc')
    .limit(VIRTUE_SHOPS_MAX * 2)
    .get();
  const ranked = balances.filter((b) => b.account.startsWith('shop:'));
  const shops = await table(collections.shops).byIds(ranked.map((b) => b.account.slice('shop:'.length)));
  const items = ranked.flatMap((b) => {
    const shop = shops.get(b.account.slice('shop:'.length));
    return shop?.status === 'active' ? [publicShopView(shop, b.balance)] : [];
  });
  return { items: items.slice(0, VIRTUE_SHOPS_MAX) };
});

// 店铺积分明细: the owner sees their shop; community staff any shop of their community.
export const history = defineHandler(shopHistory, async ({ shopId, offset, limit }, { user }) => {
  const id = shopId ?? user.shopId;
  const shop = id ? await findShop(id) : null;
  if (!shop || (shop.ownerId !== user._id && !managesShops(user, shop))) throw new DomainError('SHOP_NOT_FOUND');
  const mine = account.shop(shop._id);
  const { docs, nextOffset } = await table(collections.postings).where({ accounts: mine, asset: 'shop' }).orderBy('at', 'desc').page(offset, limit);
  return {
    items: docs.map((p) => ({
      id: p._id,
      amount: p.to === mine ? p.amount : -p.amount,
      reason: p.reason,
      byName: p.byName,
      at: new Date(p.at).toISOString(),
    })),
    nextOffset,
  };
});

// 商家名录 for staff: every shop of the community, suspended ones included, by name.
export const listShops = defineHandler(shopList, async ({ offset, limit }, { user }) => {
  const { docs, nextOffset } = await table(collections.shops).where({ communityId: user.communityId }).orderBy('name', 'asc').page(offset, limit);
  const standings = await Promise.all(docs.map((shop) => shopStanding(shop._id)));
  return {
    items: docs.map((shop, i) => ({
      ...publicShopView(shop, standings[i].points),
      status: shop.status,
      suspendReason: shop.suspendReason,
      ownerName: shop.ownerName,
    })),
    nextOffset,
  };
});
