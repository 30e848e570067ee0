import { wishApprove, wishReject } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { organisesPlace } from '../../src/shared/domain/scope';
import { assertPointsInRange } from '../../src/shared/domain/wish';
import { defineHandler } from '../_lib/handler';
import { findWish, listCategories, toViews, transition, type WishDoc } from './wish-repo';

async function findReviewable(wishId: string, user: UserProfile): Promise<WishDoc> {
  const wish = await findWish(wishId);
  if (!organisesPlace(user, wish)) throw new DomainError('FORBIDDEN_SCOPE');
  return wish;
}

// 组织建单: the grid worker or staff publishes the wish on the wall with the points it earns.
export const approveWish = defineHandler(wishApprove, async ({ wishId, points }, { openid, user }) => {
  const wish = await findReviewable(wishId, user);
  const category = (await listCategories()).find((c) => c._id === wish.categoryId);
  if (!category) throw new DomainError('CATEGORY_NOT_FOUND');
  assertPointsInRange(category, points);
  const approved = await transition(wish, 'approve', openid, { points, heldForReview: false }, `积分 ${points}`);
  return { wish: (await toViews([approved], user))[0] };
});

export const rejectWish = defineHandler(wishReject, async ({ wishId, reason }, { openid, user }) => {
  const wish = await findReviewable(wishId, user);
  const rejected = await transition(wish, 'reject', openid, { rejectReason: reason }, reason);
  return { wish: (await toViews([rejected], user))[0] };
});
