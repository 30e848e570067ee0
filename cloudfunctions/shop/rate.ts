import { shopRate } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { ratingPoints } from '../../src/shared/domain/merchant-shop';
import { dayCst } from '../../src/shared/domain/time';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { publicShopView, shopPoints } from '../_lib/ledger/shops';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import { ratingView, settleRating, type Rating } from './ratings';

export const ratingIdOf = (shopId: string, openid: string, at: Date) => `${shopId}:${openid}:${dayCst(at)}`;

/**
 * 评价店铺 from its QR: one rating per person per shop per day. The rating and the shop's running average
 * are written in one transaction (a second rating the same day finds the first); its points follow.
 */
export const rate = defineHandler(shopRate, async ({ shopId, stars, comment }, { openid, user }) => {
  const verdict = await assertPublishable(openid, comment);
  const now = new Date();
  const rating: Rating = {
    _id: ratingIdOf(shopId, openid, now),
    shopId,
    raterId: openid,
    raterName: user.name,
    stars,
    comment,
    hidden: verdict === 'review',
    points: ratingPoints(stars),
    posted: null,
    settled: false,
    at: now,
  };
  const shop = await transact(async (tx) => {
    const shops = tableIn(tx, collections.shops);
    const ratings = tableIn(tx, collections.shopRatings);
    const found = await shops.get(shopId);
    if (!found || found.status !== 'active') throw new DomainError('SHOP_NOT_FOUND');
    if (found.ownerId === openid) throw new DomainError('SHOP_OWN_RATING');
    if (await ratings.get(rating._id)) throw new DomainError('SHOP_ALREADY_RATED');
    const counts = { ratingSum: found.ratingSum + stars, ratingCount: found.ratingCount + 1 };
    await ratings.set(rating._id, fieldsOf(rating));
    await shops.change(shopId, counts);
    return { ...found, ...counts };
  }, 'POINTS_BUSY');
  const points = await settleRating(rating, shop);
  return { points, shop: publicShopView(shop, await shopPoints(shopId)), rating: ratingView(rating) };
});
