import { postClaim, postLeave } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { defineHandler } from '../_lib/platform/handler';
import { transact } from '../_lib/platform/transact';
import type { ServicePost } from '../../src/shared/domain/post';
import { openPostIn, postsIn, postView, recordedAs } from './post-repo';

/**
 * 认领岗位: the holders live on the post itself, so a claim is one read and one write of one document in a
 * transaction. Concurrent claims conflict and retry; each retry reads the holders the winners left, so the
 * slots are never exceeded and the late ones are told POST_FULL.
 */
export const claim = defineHandler(
  postClaim,
  async ({ postId }, { openid, user, request }) => {
    const view = (post: ServicePost) => ({ post: postView(post, user) });
    const post = await transact(
      async (tx) => {
        const found = await openPostIn(tx, postId, user);
        if (found.status !== 'open') throw new DomainError('POST_CLOSED');
        if (found.holderIds.includes(openid)) throw new DomainError('POST_ALREADY_HELD');
        if (found.holders.length >= found.slots) throw new DomainError('POST_FULL');
        const holders = [...found.holders, { openid, name: user.name, since: new Date(), openShiftId: null, dutySince: null }];
        const changes = { holders, holderIds: holders.map((h) => h.openid), free: found.slots - holders.length, updatedAt: new Date() };
        await postsIn(tx).change(postId, changes);
        return { ...found, ...changes };
      },
      recordedAs(request, view),
    );
    return view(post);
  },
  { record: 'inTransaction' },
);

export const leave = defineHandler(
  postLeave,
  async ({ postId }, { openid, user, request }) => {
    const view = (post: ServicePost) => ({ post: postView(post, user) });
    const post = await transact(
      async (tx) => {
        const found = await openPostIn(tx, postId, user);
        const mine = found.holders.find((h) => h.openid === openid);
        if (!mine) throw new DomainError('POST_NOT_HOLDER');
        if (mine.openShiftId) throw new DomainError('POST_SHIFT_OPEN');
        const holders = found.holders.filter((h) => h !== mine);
        const changes = { holders, holderIds: holders.map((h) => h.openid), free: found.slots - holders.length, updatedAt: new Date() };
        await postsIn(tx).change(postId, changes);
        return { ...found, ...changes };
      },
      recordedAs(request, view),
    );
    return view(post);
  },
  { record: 'inTransaction' },
);
