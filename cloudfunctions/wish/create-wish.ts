import { wishCreate } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import type { WishHistoryEntry } from '../../src/shared/domain/wish';
import { assertPublishable } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { orgNames } from '../_lib/org';
import { idForRequest } from '../_lib/ids';
import { deliver, enqueue } from '../_lib/outbox';
import { collections, db, type Loose } from '../_lib/runtime';
import { templates, thing, time } from '../_lib/templates';
import { listCategories, type WishDoc } from './wish-repo';
import { toView } from './wish-view';

// 群众点单: a resident posts a wish; it waits for the grid worker (组织建单).
export const createWish = defineHandler(wishCreate, async (input, { openid, user, requestId }) => {
  const categories = await listCategories();
  if (!categories.some((c) => c._id === input.categoryId)) throw new DomainError('CATEGORY_NOT_FOUND');

  const verdict = await assertPublishable(openid, `${input.title}\n${input.description}`, input.photos);

  const [names, reviewers] = await Promise.all([orgNames([user.gridId, user.buildingId]), reviewersOf(user)]);
  const now = new Date();
  const created: WishHistoryEntry = {
    event: 'create',
    by: openid,
    byName: user.name,
    at: now,
    from: null,
    to: 'submitted',
    note: verdict === 'review' ? '内容待人工复核' : null,
  };
  const wish: WishDoc = {
    // A retried create with the same requestId lands on the same id, so it can never post twice.
    _id: idForRequest(['wish', openid], requestId, 32),
    title: input.title,
    description: input.description,
    categoryId: input.categoryId,
    photos: input.photos,
    preferredTime: input.preferredTime || null,
    status: 'submitted',
    points: null,
    residentId: openid,
    residentName: user.name,
    streetId: user.streetId,
    communityId: user.communityId,
    gridId: user.gridId,
    buildingId: user.buildingId,
    buildingName: user.buildingId ? (names.get(user.buildingId) ?? null) : null,
    gridName: user.gridId ? (names.get(user.gridId) ?? null) : null,
    claimantId: null,
    claimantName: null,
    heldForReview: verdict === 'review',
    rejectReason: null,
    proof: null,
    rating: null,
    award: null,
    approvedAt: null,
    claimedAt: null,
    checkedInAt: null,
    completedAt: null,
    confirmedAt: null,
    flaggedAt: null,
    history: [created],
    createdAt: now,
    updatedAt: now,
  };
  const noticeIds: string[] = await db.runTransaction(async (tx: Loose) => {
    await tx.collection(collections.wishes).add({ data: wish });
    return enqueue(
      tx,
      reviewers.map((touser) => ({
        touser,
        templateId: templates.wishSubmitted,
        page: `package-grid/queue/index?wishId=${wish._id}`,
        data: { thing1: thing(wish.title), thing2: thing(user.name), time3: time(now) },
      })),
    );
  });
  await deliver(noticeIds);
  return { wish: await toView(wish, user) };
});

/** The grid workers of the resident's grid review new wishes; with no grid, the community staff do. */
async function reviewersOf(resident: UserProfile): Promise<string[]> {
  const where = resident.gridId ? { gridId: resident.gridId, roles: 'grid_worker' } : { communityId: resident.communityId, roles: 'staff' };
  const res: Loose = await db.collection(collections.users).where(where).limit(20).get();
  return (res.data as UserProfile[]).map((u) => u._id);
}
