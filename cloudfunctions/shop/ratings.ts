import { customer, nameFor } from '../../src/shared/domain/privacy';
import type { Shop } from '../../src/shared/domain/merchant';
import { collections, db } from '../_lib/runtime';
import { postShopPoints } from './shop-points';

/** One consumer's rating of one shop on one day (its id says so: `<shopId>:<openid>:<day>`). */
export interface Rating {
  _id: string;
  shopId: string;
  raterId: string;
  raterName: string;
  stars: number;
  comment: string;
  /** The content check asked for review: the comment is kept but not shown. */
  hidden: boolean;
  /** Shop points the rules give for it; `posted` is what the ledger took (a deduction stops at zero). */
  points: number;
  posted: number | null;
  settled: boolean;
  at: Date;
}

export const ratings = () => db.collection(collections.shopRatings);

/** Posts a rating's shop points and marks it settled; the shop timer reruns it after a crash. */
export async function settleRating(rating: Rating, shop: Shop): Promise<number> {
  const posted = await postShopPoints(shop, rating.points, {
    _id: `rate:${rating._id}`,
    reason: `顾客评价 ${rating.stars} 星`,
    ref: rating._id,
    by: rating.raterId,
    byName: nameFor(rating.raterName, customer),
  });
  await ratings()
    .doc(rating._id)
    .update({ data: { settled: true, posted } });
  return posted;
}

export const ratingView = (r: Rating) => ({
  raterName: nameFor(r.raterName, customer),
  stars: r.stars,
  comment: r.comment && !r.hidden ? r.comment : null,
  at: new Date(r.at).toISOString(),
});
