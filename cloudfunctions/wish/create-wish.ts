import { createHash } from 'node:crypto';
import { wishCreate } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import type { WishHistoryEntry } from '../../src/shared/domain/wish';
import { checkSubmission } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { notify, templates, thing } from '../_lib/notify';
import { orgNames } from '../_lib/org';
import { collections, db, type Loose } from '../_lib/runtime';
import { listCategories, toViews, wishes, type WishDoc } from './wish-repo';

// 群众点单: a resident posts a wish; it waits for the grid worker (组织建单).
export const createWish = defineHandler(wishCreate, async (input, { openid, user, requestId }) => {
  const categories = await listCategories();
  if (!categories.some((c) => c._id === input.categoryId)) throw new DomainError('CATEGORY_NOT_FOUND');

  const verdict = await checkSubmission(openid, `${input.title}\n${input.description}`, input.photos);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');

  const names = await orgNames([user.gridId, user.buildingId]);
  const now = new Date();
  const created: WishHistoryEntry = { event: 'create', by: openid, at: now, from: null, to: 'submitted', note: verdict === 'review' ? '内容待人工复核' : null };
  const wish: WishDoc = {
    // A retried create with the same requestId lands on the same id, so it can never post twice.
    _id: requestId ? createHash('sha256').update(`wish\n${openid}\n${requestId}`).digest('hex').slice(0, 32) : '',
    ...input,
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
    heldForReview: verdict === 'review',
    rejectReason: null,
    history: [created],
    createdAt: now,
    updatedAt: now,
  };
  const { _id, ...fields } = wish;
  const added: Loose = await wishes().add({ data: _id ? wish : fields });
  const saved = { ...wish, _id: _id || (added._id as string) };

  await notify((await reviewersOf(user)).map((touser) => ({
    touser,
    templateId: templates.wishSubmitted,
    page: `pages/staff/queue/index?wishId=${saved._id}`,
    data: { thing1: thing(saved.title), thing2: thing(user.name), time3: now.toISOString().slice(0, 16).replace('T', ' ') },
  })));
  return { wish: (await toViews([saved], user))[0] };
});

/** The grid workers of the resident's grid review new wishes; with no grid, the community staff do. */
async function reviewersOf(resident: UserProfile): Promise<string[]> {
  const where = resident.gridId ? { gridId: resident.gridId, roles: 'grid_worker' } : { communityId: resident.communityId, roles: 'staff' };
  const res: Loose = await db.collection(collections.users).where(where).limit(20).get();
  return (res.data as UserProfile[]).map((u) => u._id);
}
