import { customer, nameFor } from '../../src/shared/domain/privacy';
import type { Shop } from '../../src/shared/domain/merchant';
import { collections } from '../_lib/platform/runtime';
import type { ShopRating } from '../_lib/platform/documents';
import { table } from '../_lib/platform/typed-db';
import { postShopPoints } from './shop-points';

/** One consumer's rating of one shop on one day. */
export type Rating = ShopRating;

export const ratings = () => table(collections.shopRatings);

/** Posts a rating's shop points and marks it settled; the shop timer reruns it after a crash. */
export async function settleRating(rating: Rating, shop: Shop): Promise<number> {
  const posted = await postShopPoints(shop, rating.points, {
    _id: `rate:${rating._id}`,
    reason: `顾客评价 ${rating.stars} 星`,
    ref: rating._id,
    by: rating.raterId,
    byName: nameFor(rating.raterName, customer),
  });
  await ratings().change(rating._id, { settled: true, posted });
  return posted;
}

export const ratingView = (r: Rating) => ({
  raterName: nameFor(r.raterName, customer),
  stars: r.stars,
  comment: r.comment && !r.hidden ? r.comment : null,
  at: new Date(r.at).toISOString(),
});
