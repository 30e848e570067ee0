import { postClose, postPublish } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertValidSchedule, type ServicePost } from '../../src/shared/domain/post';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { postsIn, postView, recordedAs, runsPost } from './post-repo';

/** The grid or building a post is tied to, with its place in the tree; the caller must run its community. */
async function placeOf(placeId: string, user: UserProfile) {
  const unit = await table(collections.orgUnits).get(placeId);
  if (!unit || unit.retiredAt || (unit.kind !== 'grid' && unit.kind !== 'building')) throw new DomainError('POST_PLACE_INVALID');
  const [streetId, communityId, gridId] = unit.kind === 'grid' ? [unit.path[0], unit.path[1], unit._id] : unit.path;
  const place = { streetId, communityId, gridId, buildingId: unit.kind === 'building' ? unit._id : null, placeName: unit.name };
  if (!runsPost(user, place)) throw new DomainError('FORBIDDEN_SCOPE');
  return place;
}

// 发布岗位: staff of the community (or an admin of the street) publish or edit a post; an edit keeps its holders.
export const publish = defineHandler(
  postPublish,
  async ({ postId, placeId, ...fields }, { openid, user, requestId, request }) => {
    const view = (post: ServicePost) => ({ post: postView(post, user) });
    assertValidSchedule(fields.schedule);
    await assertPublishable(openid, `${fields.title}\n${fields.description}`);
    const place = await placeOf(placeId, user);
    const now = new Date();
    const id = postId ?? `post-${idForRequest(['post', openid], requestId, 16)}`;
    const post = await transact(
      async (tx) => {
        const found = await postsIn(tx).get(id);
        if (postId && (!found || !runsPost(user, found))) throw new DomainError('POST_NOT_FOUND');
        const holders = found?.holders ?? [];
        if (fields.slots < holders.length) throw new DomainError('POST_SLOTS_BELOW_HOLDERS');
        const next: ServicePost = {
          _id: id,
          ...fields,
          ...place,
          holders,
          holderIds: holders.map((h) => h.openid),
          free: fields.slots - holders.length,
          status: found?.status ?? 'open',
          createdBy: found?.createdBy ?? openid,
          createdAt: found?.createdAt ?? now,
          updatedAt: now,
        };
        await postsIn(tx).set(id, fieldsOf(next));
        return next;
      },
      recordedAs(request, view),
    );
    return view(post);
  },
  { record: 'inTransaction' },
);

export const close = defineHandler(
  postClose,
  async ({ postId }, { user, request }) => {
    const view = (post: ServicePost) => ({ post: postView(post, user) });
    const post = await transact(
      async (tx) => {
        const found = await postsIn(tx).get(postId);
        if (!found || !runsPost(user, found)) throw new DomainError('POST_NOT_FOUND');
        const next = { ...found, status: 'closed' as const, updatedAt: new Date() };
        await postsIn(tx).change(postId, { status: 'closed', updatedAt: next.updatedAt });
        return next;
      },
      recordedAs(request, view),
    );
    return view(post);
  },
  { record: 'inTransaction' },
);
