import { postList, postMemberStats, postShifts } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { averageOf, ratingTallyId, type ServicePost } from '../../src/shared/domain/post';
import { monthOf } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { profilesFor } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { posts, postView, ratingIdOf, ratingView, shifts, shiftView } from './post-repo';

type View = 'open' | 'mine' | 'nearby' | 'all';

/** Which posts each view lists; `all` is for those who run the community's posts. */
function postsWhere(view: View, user: UserProfile): Query<ServicePost> {
  const communityId = user.communityId;
  switch (view) {
    case 'open':
      return { communityId, status: 'open', free: _.gt(0) };
    case 'mine':
      return { holderIds: user._id };
    case 'nearby':
      return { communityId, gridId: user.gridId ?? '', status: 'open' };
    case 'all':
      if (!user.roles.includes('staff') && !user.roles.includes('admin')) throw new DomainError('FORBIDDEN_ROLE');
      return { communityId };
  }
}

// 岗位列表: one indexed page per view, newest first.
export const list = defineHandler(postList, async ({ view, offset, limit }, { user }) => {
  const found = posts().where(postsWhere(view, user));
  // Open posts with the most free slots first, the range on `free` and the order served by one index.
  const ordered = view === 'open' ? found.orderBy('free', 'desc').orderBy('createdAt', 'desc') : found.orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await ordered.page(offset, limit);
  return { items: docs.map((p) => postView(p, user)), nextOffset };
});

// 值班记录: a post's shifts (its community's people), or my own.
export const listShifts = defineHandler(postShifts, async ({ postId, offset, limit }, { openid, user }) => {
  const where = postId ? { postId, communityId: user.communityId } : { holderId: openid };
  const { docs, nextOffset } = await shifts().where(where).orderBy('startedAt', 'desc').page(offset, limit);
  // Which of them the viewer rated: one read by id, whatever the history.
  const rated = postId ? await table(collections.postRatings).byIds(docs.map((s) => ratingIdOf(s._id, openid))) : new Map();
  return { items: docs.map((s) => shiftView(s, user, rated.has(ratingIdOf(s._id, openid)))), nextOffset };
});

/**
 * 服务评价汇总 of a month: a member's own average and recent ratings; for staff, every rated member's average
 * and count from the month tallies, which the rating's transaction keeps (a suggestion for the party entry).
 */
export const memberStats = defineHandler(postMemberStats, async ({ month: asked, openid: member, offset, limit }, { openid, user }) => {
  const month = asked ?? monthOf(new Date());
  const tallies = table(collections.postRatingTallies);
  const mine = user.roles.includes('member') ? await myStats(openid, user.communityId, month) : null;
  if (!user.roles.includes('staff')) return { month, mine, members: null };
  const page = member
    ? { docs: [await tallies.get(ratingTallyId(user.communityId, month, member))].filter((t) => t !== null), nextOffset: null }
    : await tallies.where({ communityId: user.communityId, month }).orderBy('count', 'desc').page(offset, limit);
  const people = await profilesFor(
    page.docs.map((t) => t.openid),
    user,
  );
  const items = page.docs.map((t) => ({ name: people.get(t.openid)?.name ?? '已离开社区', average: averageOf(t.sum, t.count), count: t.count }));
  return { month, mine, members: { items, nextOffset: page.nextOffset } };
});

async function myStats(openid: string, communityId: string, month: string) {
  const [tally, recent] = await Promise.all([
    table(collections.postRatingTallies).get(ratingTallyId(communityId, month, openid)),
    table(collections.postRatings).where({ holderId: openid, hidden: false }).orderBy('at', 'desc').limit(5).get(),
  ]);
  return {
    average: tally ? averageOf(tally.sum, tally.count) : null,
    count: tally?.count ?? 0,
    recent: recent.map((r) => ratingView(r)),
  };
}
