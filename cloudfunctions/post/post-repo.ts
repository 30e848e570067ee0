import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { averageOf, type PostRating, type PostShift, type ServicePost } from '../../src/shared/domain/post';
import { customer, nameFor } from '../../src/shared/domain/privacy';
import { coversPlace } from '../../src/shared/domain/scope';
import { collections } from '../_lib/platform/runtime';
import type { RetryRecord, TransactOptions } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';

export const posts = () => table(collections.posts);
export const shifts = () => table(collections.postShifts);
export const postsIn = (tx: Tx) => tableIn(tx, collections.posts);
export const shiftsIn = (tx: Tx) => tableIn(tx, collections.postShifts);

const iso = (d: Date) => new Date(d).toISOString();

/** Staff of the post's community, or an admin of its street, run it. */
export function runsPost(user: UserProfile, post: Pick<ServicePost, 'streetId' | 'communityId'>): boolean {
  const place = { ...post, gridId: null, buildingId: null };
  return coversPlace(user, 'staff', place) || coversPlace(user, 'admin', place);
}

/** The post, read in `tx`, that the caller may act on as a member of its community. */
export async function openPostIn(tx: Tx, postId: string, user: UserProfile): Promise<ServicePost> {
  const post = await postsIn(tx).get(postId);
  if (!post || post.communityId !== user.communityId) throw new DomainError('POST_NOT_FOUND');
  return post;
}

export function postView(p: ServicePost, viewer: UserProfile) {
  const mine = p.holders.find((h) => h.openid === viewer._id);
  return {
    id: p._id,
    type: p.type,
    title: p.title,
    description: p.description,
    placeName: p.placeName,
    gridId: p.gridId,
    buildingId: p.buildingId,
    slots: p.slots,
    free: p.free,
    schedule: p.schedule,
    pointsPerHour: p.pointsPerHour,
    status: p.status,
    held: Boolean(mine),
    openShiftId: mine?.openShiftId ?? null,
    // People on staff lists are shown by their full name; members browsing posts see no holders.
    holders: runsPost(viewer, p) ? p.holders.map((h) => ({ name: h.name, since: iso(h.since), onDuty: h.openShiftId !== null })) : [],
  };
}

export function shiftView(s: PostShift, viewer: UserProfile, ratedByMe = false) {
  return {
    id: s._id,
    postId: s.postId,
    postTitle: s.postTitle,
    holderName: s.holderName,
    startedAt: iso(s.startedAt),
    endedAt: s.endedAt ? iso(s.endedAt) : null,
    minutes: s.minutes,
    points: s.points,
    capped: s.capped,
    status: s.status,
    correction: s.correction ? { byName: s.correction.byName, reason: s.correction.reason, at: iso(s.correction.at) } : null,
    ratingAvg: averageOf(s.ratingSum, s.ratingCount),
    ratingCount: s.ratingCount,
    mine: s.holderId === viewer._id,
    ratedByMe,
  };
}

export const ratingIdOf = (shiftId: string, raterId: string) => `${shiftId}:${raterId}`;

export const ratingView = (r: PostRating) => ({
  raterName: nameFor(r.raterName, customer),
  stars: r.stars,
  comment: r.comment && !r.hidden ? r.comment : null,
  postTitle: r.postTitle,
  at: iso(r.at),
});

/**
 * Transaction options of a post action: its retry record is written with its effect, as the reply `output` makes
 * it — or, for an action whose effect carries its requestId (`byEffect`: a check-out, a correction, a rating), not
 * at all: a retry finds that mark in its own transaction and is answered from what it marked.
 */
export function recordedAs<T>(request: RetryRecord | undefined, output: (result: T) => unknown, byEffect = false): TransactOptions<T> {
  return { busy: 'POST_BUSY', record: { request, output, byEffect } };
}
