import { wishCreate } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { gridWorkersOf } from '../../src/shared/domain/scope';
import type { WishHistoryEntry } from '../../src/shared/domain/wish';
import { assertPublishable } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { cachedOrgNames } from '../_lib/org';
import { idForRequest } from '../_lib/ids';
import { collections } from '../_lib/runtime';
import { templates, thing, time } from '../_lib/templates';
import { transact } from '../_lib/transact';
import { holdersWhere } from '../_lib/holders';
import { cachedCategories, type WishDoc } from './wish-repo';
import { toView } from './wish-view';

// 群众点单: a resident posts a wish; it waits for the grid worker (组织建单).
export const createWish = defineHandler(
  wishCreate,
  async (input, { openid, user, requestId, request }) => {
    const categories = await cachedCategories();
    if (!categories.some((c) => c._id === input.categoryId)) throw new DomainError('CATEGORY_NOT_FOUND');

    const verdict = await assertPublishable(openid, `${input.title}\n${input.description}`, input.photos);

    const [names, reviewers] = await Promise.all([cachedOrgNames([user.gridId, user.buildingId]), reviewersOf(user)]);
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
      residentPhone: user.phone,
      residentRoom: user.room,
      streetId: user.streetId,
      communityId: user.communityId,
      gridId: user.gridId,
      buildingId: user.buildingId,
      buildingName: user.buildingId ? (names.get(user.buildingId) ?? null) : null,
      gridName: user.gridId ? (names.get(user.gridId) ?? null) : null,
      claimantId: null,
      claimantName: null,
      claimantPhone: null,
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
      statsDirty: true,
      statsCounted: 0,
      createdAt: now,
      updatedAt: now,
    };
    // A retry after success finds its wish (same id) already there and replays the first reply.
    return transact(
      async (tx, unit) => {
        await tx.collection(collections.wishes).add({ data: wish });
        await unit.notify(
          reviewers.map((touser) => ({
            touser,
            templateId: templates.wishSubmitted,
            page: `package-grid/queue/index?wishId=${wish._id}`,
            data: { thing1: thing(wish.title), thing2: thing(user.name), time3: time(now) },
          })),
        );
        return { wish: await toView(wish, user) };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/** The grid workers of the resident's grid review new wishes; with no grid, the community staff do. */
function reviewersOf(resident: UserProfile): Promise<string[]> {
  return holdersWhere(resident.gridId ? gridWorkersOf(resident.gridId) : { communityId: resident.communityId, roles: 'staff' });
}
