import { postRate } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { ratingTallyId, type PostRating, type PostShift } from '../../src/shared/domain/post';
import { coversPlace } from '../../src/shared/domain/scope';
import { monthOf } from '../../src/shared/domain/time';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import { ratingIdOf, ratingView, recordedAs, runsPost, shifts, shiftsIn, shiftView } from './post-repo';

/** Who was served by a shift: residents and members living at the post's building (or in its grid), its grid worker, its community's staff. */
function served(user: UserProfile, shift: PostShift): boolean {
  const place = { streetId: user.streetId, communityId: shift.communityId, gridId: shift.gridId, buildingId: shift.buildingId };
  if (runsPost(user, place) || coversPlace(user, 'grid_worker', place)) return true;
  const lives = shift.buildingId ? user.buildingId === shift.buildingId : user.gridId === shift.gridId;
  return user.communityId === shift.communityId && lives && (user.roles.includes('resident') || user.roles.includes('member'));
}

/** The rating this rater already made of the shift: a second one is refused. */
class AlreadyRated extends Error {}

/**
 * 服务评价: one rating per rater per shift (its id says so), never one's own. The rating, the shift's running
 * average and the holder's month tally (what the party points entry shows) are written in one transaction. The
 * rating names the call that made it, its own retry record (`byEffect`): a retry of that call finds it taken and
 * is answered with it and the shift as they stand; any other call is told POST_ALREADY_RATED.
 */
export const rate = defineHandler(
  postRate,
  async ({ shiftId, stars, comment }, { openid, user, requestId, request }) => {
    const view = (r: { shift: PostShift; rating: PostRating }) => ({ shift: shiftView(r.shift, user, true), rating: ratingView(r.rating) });
    const verdict = await assertPublishable(openid, comment);
    const now = new Date();
    const made = await transact(
      async (tx) => {
        const shift = await shiftsIn(tx).get(shiftId);
        if (!shift || shift.communityId !== user.communityId) throw new DomainError('POST_SHIFT_NOT_FOUND');
        if (shift.holderId === openid) throw new DomainError('POST_OWN_RATING');
        if (!served(user, shift)) throw new DomainError('POST_RATE_NOT_SERVED');
        if (shift.status !== 'done') throw new DomainError('POST_SHIFT_STATE');
        const ratings = tableIn(tx, collections.postRatings);
        const rating: PostRating = {
          _id: ratingIdOf(shiftId, openid),
          shiftId,
          postId: shift.postId,
          postTitle: shift.postTitle,
          communityId: shift.communityId,
          holderId: shift.holderId,
          raterId: openid,
          raterName: user.name,
          stars,
          comment,
          hidden: verdict === 'review',
          at: now,
          ...(requestId ? { requestId } : {}),
        };
        // One rating per rater and shift: its id says so, and a second insert of it fails.
        await ratings.add(rating).catch(() => {
          throw new AlreadyRated();
        });
        await shiftsIn(tx).change(shiftId, { ratingSum: _.inc(stars), ratingCount: _.inc(1) });
        const month = monthOf(now);
        const tallyId = ratingTallyId(shift.communityId, month, shift.holderId);
        const tallies = tableIn(tx, collections.postRatingTallies);
        if ((await tallies.change(tallyId, { sum: _.inc(stars), count: _.inc(1), updatedAt: now })) === 0)
          await tallies.set(tallyId, { communityId: shift.communityId, month, openid: shift.holderId, sum: stars, count: 1, updatedAt: now });
        return { shift: { ...shift, ratingSum: shift.ratingSum + stars, ratingCount: shift.ratingCount + 1 }, rating };
      },
      recordedAs(request, view, true),
    ).catch((error: unknown) => replayOf(error, shiftId, openid, requestId));
    return view(made);
  },
  { record: 'inTransaction' },
);

/** The rating taken: this call's own (a retry, answered from it), or another's (POST_ALREADY_RATED). */
async function replayOf(error: unknown, shiftId: string, openid: string, requestId: string | undefined) {
  if (!(error instanceof AlreadyRated)) throw error;
  const rating = requestId ? await table(collections.postRatings).get(ratingIdOf(shiftId, openid)) : null;
  const shift = rating?.requestId === requestId ? await shifts().get(shiftId) : null;
  if (!rating || !shift) throw new DomainError('POST_ALREADY_RATED');
  return { shift, rating };
}
