import { postCheckIn, postCheckOut } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertMayCheckIn, countShift, type PostShift, type ServicePost } from '../../src/shared/domain/post';
import { defineHandler } from '../_lib/handler';
import { idForRequest } from '../_lib/ids';
import { fieldsOf, transact } from '../_lib/transact';
import type { Tx } from '../_lib/typed-db';
import { openPostIn, posts, postsIn, shifts, postView, shiftsIn, shiftView } from './post-repo';
import { creditShift } from './shift-points';

/** The holder's entry moved to `openShiftId`, written back on the post in `tx`. */
async function markDuty(tx: Tx, post: ServicePost, openid: string, openShiftId: string | null): Promise<ServicePost> {
  const holders = post.holders.map((h) => (h.openid === openid ? { ...h, openShiftId } : h));
  await postsIn(tx).change(post._id, { holders });
  return { ...post, holders };
}

function holderOf(post: ServicePost, openid: string) {
  const mine = post.holders.find((h) => h.openid === openid);
  if (!mine) throw new DomainError('POST_NOT_HOLDER');
  return mine;
}

// 值班签到: on a duty day before its window closes; one shift in progress per holder and post.
export const checkIn = defineHandler(postCheckIn, async ({ postId }, { openid, user, requestId }) => {
  const now = new Date();
  const { post, shift } = await transact(async (tx) => {
    const found = await openPostIn(tx, postId, user);
    if (holderOf(found, openid).openShiftId) throw new DomainError('POST_SHIFT_OPEN');
    if (found.status !== 'open') throw new DomainError('POST_CLOSED');
    assertMayCheckIn(found.schedule, now);
    const shift: PostShift = {
      _id: `shift-${idForRequest(['shift', postId, openid], requestId, 16)}`,
      postId,
      postTitle: found.title,
      communityId: found.communityId,
      gridId: found.gridId,
      buildingId: found.buildingId,
      holderId: openid,
      holderName: user.name,
      startedAt: now,
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
    await shiftsIn(tx).set(shift._id, fieldsOf(shift));
    return { post: await markDuty(tx, found, openid, shift._id), shift };
  }, 'POST_BUSY');
  return { post: postView(post, user), shift: shiftView(shift, user) };
});

/**
 * 值班签退: the shift counts the time inside its day's window, at most the schedule's hours per shift, so a
 * forgotten check-out done days later counts only up to that day's end. The points are posted first (their id
 * comes from the shift, so a rerun posts nothing new), then the shift is closed with the posting's id.
 */
export const checkOut = defineHandler(postCheckOut, async ({ postId }, { openid, user }) => {
  const now = new Date();
  const post = await posts().get(postId);
  if (!post || post.communityId !== user.communityId) throw new DomainError('POST_NOT_FOUND');
  const shiftId = holderOf(post, openid).openShiftId;
  if (!shiftId) throw new DomainError('POST_NO_SHIFT');
  const open = await shifts().get(shiftId);
  if (!open || open.status !== 'open') throw new DomainError('POST_NO_SHIFT');
  const counted = countShift(post.schedule, new Date(open.startedAt), now, post.pointsPerHour);
  const postingId = await creditShift(open, counted.points);
  const closed = await transact(async (tx) => {
    const fresh = await openPostIn(tx, postId, user);
    const shift = await shiftsIn(tx).get(shiftId);
    if (!shift) throw new DomainError('POST_SHIFT_NOT_FOUND');
    // A twin check-out closed it first: its record stands.
    if (shift.status !== 'open') return { post: fresh, shift };
    const done: PostShift = { ...shift, ...counted, endedAt: now, postingId, status: 'done' };
    await shiftsIn(tx).set(shiftId, fieldsOf(done));
    return { post: await markDuty(tx, fresh, openid, null), shift: done };
  }, 'POST_BUSY');
  return { post: postView(closed.post, user), shift: shiftView(closed.shift, user) };
});
