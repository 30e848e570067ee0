import { userApplications, userReviewJoin } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertJoinPending, residentProfile, roomLabel } from '../../src/shared/domain/join';
import { joinApplicant } from '../../src/shared/domain/privacy';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { isProfile } from '../_lib/platform/actor';
import { defineHandler } from '../_lib/platform/handler';
import type { UserProfile } from '../../src/shared/domain/org';
import { inWorkGrids } from '../../src/shared/domain/scope';
import { _, collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import { reviewsJoin } from '../../src/shared/domain/join';
import { joinApplications, joinViews, joinViewWith, placeNames } from './join-view';

/** Who reviews what: a grid worker their grids' buildings, community staff their whole community. */
function scopeOf(user: UserProfile) {
  return user.roles.includes('staff') ? { communityId: user.communityId } : { gridId: inWorkGrids(user, (ids) => (ids.length ? _.in(ids) : '-')) };
}

// 入驻审核: the applications of the reviewer's reach, oldest first, and how many wait (the badge).
export const applications = defineHandler(userApplications, async ({ status, offset, limit }, { user }) => {
  const scope = scopeOf(user);
  const [{ docs, nextOffset }, pending] = await Promise.all([
    joinApplications()
      .where({ ...scope, status })
      .orderBy('createdAt', status === 'pending' ? 'asc' : 'desc')
      .page(offset, limit),
    joinApplications()
      .where({ ...scope, status: 'pending' })
      .count(),
  ]);
  return { items: await joinViews(docs, (app) => joinApplicant(user, app)), nextOffset, pending };
});

/**
 * 通过 / 驳回. Approving a newcomer makes them a resident of the building; approving a move moves them — in
 * the transaction of the decision, so two reviewers approving at once make one user (the second is refused).
 * Nobody reviews their own application (a grid worker moving within their own grid asks a colleague).
 */
export const reviewJoin = defineHandler(
  userReviewJoin,
  async ({ applicationId, approve, reason }, { openid, user, request }) => {
    const now = new Date();
    const { app, names } = await transact(
      async (tx) => {
        const apps = tableIn(tx, collections.joinApplications);
        const found = await apps.get(applicationId);
        if (!found || !reviewsJoin(user, found)) throw new DomainError('JOIN_APPLICATION_NOT_FOUND');
        assertNotSelf(openid, found.applicantId);
        const pending = assertJoinPending(found);
        const decided = {
          status: approve ? 'approved' : 'rejected',
          reason: approve ? null : (reason ?? null),
          decidedAt: now,
          decidedBy: openid,
        } as const;
        if (approve) {
          const users = tableIn(tx, collections.users);
          const found = await users.get(pending.applicantId);
          // A 注销 under way leaves its marker there: nobody to move, and nobody to register until it is done.
          if (found && !isProfile(found)) throw new DomainError('ACCOUNT_ERASING');
          const person = found;
          const place = { streetId: pending.streetId, communityId: pending.communityId, gridId: pending.gridId, buildingId: pending.buildingId };
          if (pending.kind === 'move') {
            if (!person) throw new DomainError('NOT_FOUND', '申请人已退出社区');
            await users.change(person._id, { ...place, room: roomLabel(pending.unit, pending.room) });
          } else if (!person) {
            const profile = residentProfile(pending.applicantId, pending, place);
            await users.set(profile._id, { ...fieldsOf(profile), privacy: pending.privacy });
          }
        }
        await apps.change(applicationId, decided);
        return { app: { ...pending, ...decided }, names: await placeNames([pending]) };
      },
      {
        busy: 'BUSY',
        record: { request, output: ({ app: done, names: known }) => ({ application: joinViewWith(done, known, joinApplicant(user, done)) }) },
      },
    );
    return { application: joinViewWith(app, names, joinApplicant(user, app)) };
  },
  { record: 'inTransaction' },
);
