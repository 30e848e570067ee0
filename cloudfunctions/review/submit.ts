import { reviewSubmit } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { addRating, emptyTally, GRADE_SCORE, ratingIdOf, ratingRefusal, scoreIdOf } from '../../src/shared/domain/review';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { ReviewRating } from './review-docs';

/** The rating of this rater for this member is on record already. */
class AlreadyRated extends Error {}

const ratingView = (r: ReviewRating) => ({ memberId: r.memberId, kind: r.kind, grade: r.grade, at: r.at.toISOString() });

/**
 * 群评's proof of service: a wish of the resident's that this member carried out and the resident confirmed. One
 * indexed read of what already exists, so nothing has to be written when a wish is confirmed.
 */
async function assertServed(residentId: string, memberId: string): Promise<void> {
  const served = await table(collections.wishes)
    .where({ residentId, status: 'confirmed', claimantId: memberId })
    .field({ status: true })
    .limit(1)
    .get();
  if (served.length === 0) throw new DomainError('REVIEW_NOT_SERVED');
}

// 评议: one rating per rater, member and round — its id says so. The rating and the member's running tally move in one
// transaction, which reads the round: a rating lands while the round is open, or not at all. The rating keeps the
// requestId, so it is the call's own record: a retry finds it and is answered from it; any other call is refused.
export const submit = defineHandler(
  reviewSubmit,
  async ({ roundId, memberId, kind, grade }, { openid, user, requestId }) => {
    if (!requestId) throw new DomainError('BAD_INPUT', '缺少请求编号（requestId），请刷新后重试');
    const _id = ratingIdOf(roundId, openid, memberId);
    try {
      if (kind === 'mass' && memberId !== openid) await assertServed(openid, memberId);
      const rating = await transact(async (tx) => {
        const round = await tableIn(tx, collections.reviewRounds).get(roundId);
        if (!round) throw new DomainError('REVIEW_NO_ROUND');
        if (round.communityId !== user.communityId) throw new DomainError('FORBIDDEN_SCOPE');
        if (round.status !== 'open') throw new DomainError('REVIEW_ROUND_CLOSED');
        const refusal = ratingRefusal(
          kind,
          openid,
          memberId,
          round.members.some((m) => m.id === openid),
        );
        if (refusal) throw new DomainError(refusal);
        const member = round.members.find((m) => m.id === memberId);
        if (!member) throw new DomainError('REVIEW_TARGET_NOT_MEMBER');
        const made: ReviewRating = {
          _id,
          roundId,
          communityId: round.communityId,
          raterId: openid,
          memberId,
          kind,
          grade,
          at: new Date(),
          requestId,
        };
        await tableIn(tx, collections.reviewRatings)
          .add(made)
          .catch(() => {
            throw new AlreadyRated();
          });
        const scores = tableIn(tx, collections.reviewScores);
        const scoreId = scoreIdOf(roundId, memberId);
        const moved = kind === 'self' ? { self: grade } : { [`${kind}.sum`]: _.inc(GRADE_SCORE[grade]), [`${kind}.count`]: _.inc(1) };
        if ((await scores.change(scoreId, { ...moved, updatedAt: made.at })) === 0) {
          const tally = addRating(emptyTally(), kind, grade);
          await scores.set(scoreId, {
            roundId,
            communityId: round.communityId,
            memberId,
            memberName: member.name,
            ...tally,
            updatedAt: made.at,
            settled: false,
            result: null,
            postingId: null,
          });
        }
        return made;
      }, 'BUSY');
      return { rating: ratingView(rating), replayed: false };
    } catch (error) {
      // A retry of the call that made the rating — even once the round has closed — is answered from it.
      if (!(error instanceof AlreadyRated) && !(error instanceof DomainError)) throw error;
      const first = await table(collections.reviewRatings).get(_id);
      if (first?.requestId === requestId) return { rating: ratingView(first), replayed: true };
      throw error instanceof AlreadyRated ? new DomainError('REVIEW_ALREADY_RATED') : error;
    }
  },
  { record: 'effect' },
);
