import { postCheckIn, postCheckOut } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertMayCheckIn, countShift, type PostShift, type ServicePost } from '../../src/shared/domain/post';
import { defineHandler } from '../_lib/handler';
import { idForRequest } from '../_lib/ids';
import { fieldsOf, transact } from '../_lib/transact';
import type { Tx } from '../_lib/typed-db';
import { openPostIn, posts, postsIn, postView, recordedAs, shiftsIn, shiftView } from './post-repo';
import { creditShift } from './shift-points';

/** The holder's entry put on or off duty, written back on the post in `tx`. */
async function markDuty(tx: Tx, post: ServicePost, openid: string, shift: Pick<PostShift, '_id' | 'startedAt'> | null): Promise<ServicePost> {
  const duty = { openShiftId: shift?._id ?? null, dutySince: shift?.startedAt ?? null };
  const holders = post.holders.map((h) => (h.openid === openid ? { ...h, ...duty } : h));
  await postsIn(tx).change(post._id, { holders });
  return { ...post, holders };
}

function holderOf(post: ServicePost, openid: string) {
  const mine = post.holders.find((h) => h.openid === openid);
  if (!mine) throw new DomainError('POST_NOT_HOLDER');
  return mine;
}

function newShift(post: ServicePost, holder: UserProfile, _id: string, startedAt: Date): PostShift {
  const { streetId, communityId, gridId, buildingId } = post;
  return {
    _id,
    postId: post._id,
    postTitle: post.title,
    ...{ streetId, communityId, gridId, buildingId },
    holderId: holder._id,
    holderName: holder.name,
    startedAt,
    endedAt: null,
    minutes: 0,
    points: 0,
    capped: false,
    postingId: null,
    status: 'open',
    correction: null,
    ratingSum: 0,
    ratingCount: 0,
  };
}

const viewOf = (user: UserProfile) => (r: { post: ServicePost; shift: PostShift }) => ({
  post: postView(r.post, user),
  shift: shiftView(r.shift, user),
});

// 值班签到: on a duty day before its window closes; one shift in progress per holder and post.
export const checkIn = defineHandler(
  postCheckIn,
  async ({ postId }, { openid, user, requestId, request }) => {
    const now = new Date();
    const view = viewOf(user);
    const result = await transact(
      async (tx) => {
        const found = await openPostIn(tx, postId, user);
        if (holderOf(found, openid).openShiftId) throw new DomainError('POST_SHIFT_OPEN');
        if (found.status !== 'open') throw new DomainError('POST_CLOSED');
        assertMayCheckIn(found.schedule, now);
        const shift = newShift(found, user, `shift-${idForRequest(['shift', postId, openid], requestId, 16)}`, now);
        await shiftsIn(tx).set(shift._id, fieldsOf(shift));
        return { post: await markDuty(tx, found, openid, shift), shift };
      },
      recordedAs(request, view),
    );
    return view(result);
  },
  { record: 'inTransaction' },
);

/**
 * 值班签退: the shift counts the time inside its day's window, at most the schedule's hours per shift, so a
 * forgotten check-out done days later counts only up to that day's end. The points are posted first (their id
 * comes from the shift, so a rerun posts nothing new), then the shift is closed with the posting's id.
 */
export const checkOut = defineHandler(
  postCheckOut,
  async ({ postId }, { openid, user, request }) => {
    const now = new Date();
    const view = viewOf(user);
    const post = await posts().get(postId);
    if (!post || post.communityId !== user.communityId) throw new DomainError('POST_NOT_FOUND');
    const { openShiftId: shiftId, dutySince } = holderOf(post, openid);
    if (!shiftId || !dutySince) throw new DomainError('POST_NO_SHIFT');
    const counted = countShift(post.schedule, new Date(dutySince), now, post.pointsPerHour);
    const shift = { _id: shiftId, postTitle: post.title, communityId: post.communityId, holderId: openid, holderName: user.name };
    const postingId = await creditShift(shift, counted.points);
    const result = await transact(
      async (tx) => {
        const fresh = await openPostIn(tx, postId, user);
        // A twin check-out closed it first: nothing more to do here.
        if (holderOf(fresh, openid).openShiftId !== shiftId) throw new DomainError('POST_NO_SHIFT');
        const changes = { ...counted, endedAt: now, postingId, status: 'done' as const };
        await shiftsIn(tx).change(shiftId, changes);
        // An open shift has no rating or correction yet: the closed one is known without reading it.
        const closed: PostShift = { ...newShift(fresh, user, shiftId, new Date(dutySince)), ...changes };
        return { post: await markDuty(tx, fresh, openid, null), shift: closed };
      },
      recordedAs(request, view),
    );
    return view(result);
  },
  { record: 'inTransaction' },
);
