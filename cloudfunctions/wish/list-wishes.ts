import { wishCategories, wishGet, wishListMine, wishListQueue, wishListWall } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { organisesPlace } from '../../src/shared/domain/scope';
import { defineHandler } from '../_lib/handler';
import { findWish, listCategories, page, toViews, type WishDoc } from './wish-repo';

async function render(result: { docs: WishDoc[]; nextOffset: number | null }, viewer: UserProfile) {
  return { items: await toViews(result.docs, viewer), nextOffset: result.nextOffset };
}

export const categories = defineHandler(wishCategories, async () => ({
  items: (await listCategories()).map((c) => ({ id: c._id, name: c.name, minPoints: c.minPoints, maxPoints: c.maxPoints })),
}));

export const listMine = defineHandler(wishListMine, async ({ offset, limit }, { openid, user }) =>
  render(await page({ residentId: openid }, 'desc', offset, limit), user),
);

// 心愿墙: what is approved and waiting for a member, in my grid or my whole community.
export const listWall = defineHandler(wishListWall, async ({ scope, categoryId, offset, limit }, { user }) => {
  const where: Record<string, unknown> = scope === 'grid' && user.gridId ? { gridId: user.gridId } : { communityId: user.communityId };
  where.status = 'approved';
  if (categoryId) where.categoryId = categoryId;
  return render(await page(where, 'desc', offset, limit), user);
});

/** Staff see their community's queue; a grid worker their grid's. Oldest first: first come, first served. */
export const listQueue = defineHandler(wishListQueue, async ({ offset, limit }, { user }) => {
  const where = user.roles.includes('staff') ? { communityId: user.communityId } : { gridId: user.gridId };
  return render(await page({ ...where, status: 'submitted' }, 'asc', offset, limit), user);
});

/** Unpublished wishes are private to the resident and the organisers; published ones to the community. */
export const getWish = defineHandler(wishGet, async ({ wishId }, { openid, user }) => {
  const wish = await findWish(wishId);
  const unpublished = wish.status === 'submitted' || wish.status === 'rejected' || wish.status === 'cancelled';
  const visible =
    wish.residentId === openid || wish.claimantId === openid || organisesPlace(user, wish) || (!unpublished && wish.communityId === user.communityId);
  if (!visible) throw new DomainError('WISH_NOT_FOUND');
  return { wish: (await toViews([wish], user))[0] };
});
