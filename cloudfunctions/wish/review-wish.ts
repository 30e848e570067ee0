import { wishApprove, wishReject } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { organisesPlace } from '../../src/shared/domain/scope';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { assertPointsInRange } from '../../src/shared/domain/wish';
import { defineHandler } from '../_lib/platform/handler';
import { templates, thing } from '../_lib/platform/templates';
import { moveWish } from './change-wish';
import { cachedCategories, type WishDoc } from './wish-repo';

/** Organisers act on the wishes of their grid or community, never on a wish of their own. */
export function assertOrganises(user: UserProfile, wish: WishDoc): void {
  if (!organisesPlace(user, wish)) throw new DomainError('FORBIDDEN_SCOPE');
  assertNotSelf(user._id, wish.residentId);
}

export const progressNotice = (wish: WishDoc, phrase: string, note: string) => ({
  touser: wish.residentId,
  templateId: templates.wishProgress,
  page: `pages/wish-detail/index?id=${wish._id}`,
  data: { thing1: thing(wish.title), phrase2: thing(phrase, 5), thing3: thing(note) },
});

// 组织建单: the grid worker or staff publishes the wish on the wall with the points it earns.
export const approveWish = defineHandler(
  wishApprove,
  async ({ wishId, points }, ctx) => {
    const { user } = ctx;
    const categories = await cachedCategories();
    return moveWish(wishId, 'approve', ctx, (current) => {
      assertOrganises(user, current);
      const category = categories.find((c) => c._id === current.categoryId);
      if (!category) throw new DomainError('CATEGORY_NOT_FOUND');
      assertPointsInRange(category, points);
      return {
        changes: { points, heldForReview: false, approvedAt: new Date() },
        note: `积分 ${points}`,
        notices: (w) => [progressNotice(w, '已发布', `已上心愿墙，完成可得 ${points} 积分`)],
      };
    });
  },
  { record: 'inTransaction' },
);

export const rejectWish = defineHandler(
  wishReject,
  async ({ wishId, reason }, ctx) =>
    moveWish(wishId, 'reject', ctx, (current) => {
      assertOrganises(ctx.user, current);
      return { changes: { rejectReason: reason }, note: reason, notices: (w) => [progressNotice(w, '未通过', reason)] };
    }),
  { record: 'inTransaction' },
);
