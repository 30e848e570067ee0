import { reviewOpen } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { periodOf, roundIdOf } from '../../src/shared/domain/review';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import type { ReviewRound } from './review-docs';
import { forgetRound, MAX_ROUND_MEMBERS, roundView } from './rounds';

// 开启民主评议: this half-year's round for the community's party members as they are now. Its id is the community's
// and the half-year's, so a second opening (another tap, a colleague) is refused by the insert itself.
export const open = defineHandler(reviewOpen, async (_input, { openid, user }) => {
  const now = new Date();
  const period = periodOf(now);
  const members = await table(collections.users)
    .where({ communityId: user.communityId, roles: 'member' })
    .orderBy('name', 'asc')
    .field({ name: true })
    .limit(MAX_ROUND_MEMBERS + 1)
    .get();
  // Never a round that leaves members out unseen: one beyond the bound is refused, saying so.
  if (members.length > MAX_ROUND_MEMBERS) throw new DomainError('REVIEW_TOO_MANY_MEMBERS');
  const round: ReviewRound = {
    _id: roundIdOf(user.communityId, period),
    communityId: user.communityId,
    period,
    status: 'open',
    members: members.map((m) => ({ id: m._id, name: m.name })),
    openedBy: openid,
    openedByName: user.name,
    openedAt: now,
    closedBy: null,
    closedByName: null,
    closedAt: null,
    publishedAt: null,
    settled: 0,
  };
  await table(collections.reviewRounds)
    .add(round)
    .catch(async (error: unknown) => {
      throw (await table(collections.reviewRounds).get(round._id)) ? new DomainError('REVIEW_ROUND_EXISTS') : error;
    });
  forgetRound(round._id);
  const items = round.members.map((m) => ({
    memberId: m.id,
    name: m.name,
    selfDone: false,
    peerCount: 0,
    massCount: 0,
    result: null,
    me: m.id === openid,
  }));
  return { round: roundView(round), items };
});
