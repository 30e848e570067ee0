import { postCheckIn, postCheckOut } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertMayCheckIn, countShift, type PostShift, type ServicePost } from '../../src/shared/domain/post';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { fieldsOf, transact } from '../_lib/platform/transact';
import type { Tx } from '../_lib/platform/typed-db';
import { openPostIn, postsIn, postView, recordedAs, shiftsIn, shiftView } from './post-repo';
import { AlreadyPosted, creditShiftIn } from './shift-points';

/**
 * The holder's entry put on or off duty, written back on the post in `tx`; off duty, with the shift just closed
 * and the call that closed it (`closed`), by which a retry of that check-out knows itself.
 */
async function markDuty(
  tx: Tx,
  post: ServicePost,
  openid: string,
  shift: Pick<PostShift, '_id' | 'startedAt'> | null,
  closed?: { shiftId: string; requestId: string },
): Promise<ServicePost> {
  const duty = { openShiftId: shift?._id ?? null, dutySince: shift?.startedAt ?? null, ...(closed ? { lastCheckOut: closed } : {}) };
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
 * forgotten check-out done days later counts only up to that day's end. One transaction holds the points (their
 * id comes from the shift), the closed shift and the holder off duty, marked with the call that closed it — its
 * own retry record (`byEffect`): a retry of that call finds the mark and is answered with the shift as it stands.
 * A refusal posts nothing, and of twin check-outs one commits while the other, retried, finds no shift open.
 */
export const checkOut = defineHandler(
  postCheckOut,
  async ({ postId }, { openid, user, requestId, request }) => {
    const view = viewOf(user);
    const result = await transact(
      async (tx) => {
        const now = new Date();
        const post = await openPostIn(tx, postId, user);
        const { openShiftId: shiftId, dutySince, lastCheckOut } = holderOf(post, openid);
        if (!shiftId && requestId && lastCheckOut?.requestId === requestId) {
          const closed = await shiftsIn(tx).get(lastCheckOut.shiftId);
          if (closed) return { post, shift: closed };
        }
        if (!shiftId || !dutySince) throw new DomainError('POST_NO_SHIFT');
        const counted = countShift(post.schedule, new Date(dutySince), now, post.pointsPerHour);
        // An open shift has no rating or correction yet: the closed one is known without reading it.
        const open = newShift(post, user, shiftId, new Date(dutySince));
        const postingId = await creditShiftIn(tx, open, counted.points).catch(refuseTwin);
        const changes = { ...counted, endedAt: now, postingId, status: 'done' as const };
        // Marked for the stats fold (its volunteer hours), in this same write.
        await shiftsIn(tx).change(shiftId, { ...changes, statsDirty: true });
        const closed = requestId ? { shiftId, requestId } : undefined;
        return { post: await markDuty(tx, post, openid, null, closed), shift: { ...open, ...changes } };
      },
      recordedAs(request, view, true),
    );
    return view(result);
  },
  { record: 'inTransaction' },
);

/** The shift's posting exists: a twin check-out committed it with the shift closed, so none is open for this one. */
function refuseTwin(error: unknown): never {
  throw error instanceof AlreadyPosted ? new DomainError('POST_NO_SHIFT') : error;
}
