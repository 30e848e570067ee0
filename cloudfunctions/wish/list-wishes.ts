import { wishCategories, wishGet, wishListMine, wishListQueue, wishListTasks, wishListWall } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { nameFor, wishResident } from '../../src/shared/domain/privacy';
import { relaysFor } from '../../src/shared/domain/wish';
import { inWorkGrids, organisesPlace } from '../../src/shared/domain/scope';
import { viewerFor } from '../_lib/platform/guest';
import { defineHandler, definePublicHandler } from '../_lib/platform/handler';
import { _ } from '../_lib/platform/runtime';
import { findWish, listCategories, page, type WishDoc } from './wish-repo';
import { toView, toViews } from './wish-view';

async function render(result: { docs: WishDoc[]; nextOffset: number | null }, viewer: UserProfile) {
  return { items: await toViews(result.docs, viewer), nextOffset: result.nextOffset };
}

const newestFirst = { field: 'createdAt', dir: 'desc' } as const;
const oldestFirst = { field: 'createdAt', dir: 'asc' } as const;

export const categories = definePublicHandler(wishCategories, async () => ({
  items: (await listCategories()).map((c) => ({
    id: c._id,
    name: c.name,
    minPoints: c.minPoints,
    maxPoints: c.maxPoints,
    order: c.order,
    awardMode: c.awardMode ?? 'fixed',
    perHour: c.perHour ?? null,
  })),
}));

/** 我的心愿, or 我代办的 (filed for someone else: as their 代办人, or as their grid worker or staff). */
export const listMine = defineHandler(wishListMine, async ({ kind, offset, limit }, { openid, user }) =>
  render(await page(kind === 'filed' ? { filedById: openid } : { residentId: openid }, newestFirst, offset, limit), user),
);

// 心愿墙: what is approved and waiting for a member, in my grid or my whole community.
export const listWall = definePublicHandler(wishListWall, async ({ scope, categoryId, communityId, offset, limit }, { openid, user: caller }) => {
  const user = await viewerFor(openid, caller, communityId);
  const where: Record<string, unknown> = scope === 'grid' && user.gridId ? { gridId: user.gridId } : { communityId: user.communityId };
  where.status = 'approved';
  if (categoryId) where.categoryId = categoryId;
  return render(await page(where, newestFirst, offset, limit), user);
});

/**
 * What waits for an organiser, oldest first: new wishes to review, or approved ones nobody claimed
 * (those past the community's limit are flagged `unclaimedTooLong`). Staff see their community, a grid
 * worker their grids.
 */
export const listQueue = defineHandler(wishListQueue, async ({ kind, offset, limit }, { user }) => {
  const where = user.roles.includes('staff') ? { communityId: user.communityId } : { gridId: inWorkGrids(user, (ids) => _.in(ids)) };
  return render(await page({ ...where, status: kind === 'review' ? 'submitted' : 'approved' }, oldestFirst, offset, limit), user);
});

/** A member's claimed wishes: in progress, or finished (confirmed). */
export const listTasks = defineHandler(wishListTasks, async ({ state, offset, limit }, { openid, user }) => {
  const status = state === 'active' ? _.in(['claimed', 'in_service', 'done']) : 'confirmed';
  return render(await page({ claimantId: openid, status }, { field: 'updatedAt', dir: 'desc' }, offset, limit), user);
});

/** Unpublished wishes are private to the resident and the organisers; published ones to the community. */
export const getWish = defineHandler(wishGet, async ({ wishId }, { openid, user }) => {
  const wish = await findWish(wishId);
  const unpublished = wish.status === 'submitted' || wish.status === 'rejected' || wish.status === 'cancelled';
  const visible =
    wish.residentId === openid ||
    wish.claimantId === openid ||
    wish.filedById === openid ||
    organisesPlace(user, wish) ||
    (!unpublished && wish.communityId === user.communityId);
  if (!visible) throw new DomainError('WISH_NOT_FOUND');
  // The resident acts in the history too: someone who may not see their name sees it masked there as well.
  const resident = wishResident(user, wish);
  const by = (h: (typeof wish.history)[number]) => (h.by === wish.residentId ? nameFor(h.byName, resident) : h.byName);
  const history = wish.history.map((h) => ({ event: h.event, by: by(h), at: new Date(h.at).toISOString(), note: h.note }));
  const viewer = {
    isResident: wish.residentId === openid,
    isClaimant: wish.claimantId === openid,
    organises: organisesPlace(user, wish),
    relays: relaysFor(openid, wish),
  };
  return { wish: { ...(await toView(wish, user)), history, viewer } };
});
