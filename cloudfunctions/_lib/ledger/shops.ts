import { account } from '../../../src/shared/domain/ledger';
import { assertActive, defaultMerchantRules, type MerchantRules, type Shop } from '../../../src/shared/domain/merchant';
import { shopQrText, shopStars } from '../../../src/shared/domain/merchant-shop';
import type { UserProfile } from '../../../src/shared/domain/org';
import { balancesOf } from '.';
import { cachedPointRules } from './point-rules';
import { collections } from '../platform/runtime';
import { table } from '../platform/typed-db';

export const shops = () => table(collections.shops);

export async function findShop(id: string): Promise<Shop | null> {
  return shops().get(id);
}

/** The caller's own shop, refusing a merchant without one or whose shop is suspended. */
export async function activeShopOf(user: UserProfile): Promise<Shop> {
  return assertActive(user.shopId ? await findShop(user.shopId) : null);
}

/** The community's merchant limits: `point_rules.<community>.merchant` over the defaults. */
export async function merchantRules(communityId: string): Promise<MerchantRules> {
  const rules = await cachedPointRules(communityId);
  return { ...defaultMerchantRules, ...(rules?.merchant ?? {}) };
}

/** 商铺积分: the shop's balance of shop points. */
export async function shopPoints(shopId: string): Promise<number> {
  return (await shopStanding(shopId)).points;
}

/** Its shop points, and the virtue points it has taken from residents. */
export async function shopStanding(shopId: string): Promise<{ points: number; virtue: number }> {
  const balances = await balancesOf(account.shop(shopId));
  return { points: balances.get('shop')?.balance ?? 0, virtue: balances.get('virtue')?.balance ?? 0 };
}

/** What anyone may see of a shop. */
export function publicShopView(shop: Shop, points: number) {
  const level = shopStars(points);
  return {
    id: shop._id,
    name: shop.name,
    address: shop.address,
    category: shop.category,
    points,
    level: { stars: level.stars, name: level.name },
    ratingAvg: shop.ratingCount > 0 ? Math.round((shop.ratingSum / shop.ratingCount) * 10) / 10 : null,
    ratingCount: shop.ratingCount,
  };
}

/** What the owner and the community staff see besides: its standing, its takings and its rating QR. */
export function shopView(shop: Shop, standing: { points: number; virtue: number }) {
  return {
    ...publicShopView(shop, standing.points),
    virtue: standing.virtue,
    status: shop.status,
    suspendReason: shop.suspendReason,
    qr: shopQrText(shop._id),
  };
}
