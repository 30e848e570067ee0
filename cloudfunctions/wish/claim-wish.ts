import { wishClaim, wishDispatch, wishRelease } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { assertMayClaim } from '../../src/shared/domain/wish';
import { loadUser } from '../_lib/platform/actor';
import { defineHandler } from '../_lib/platform/handler';
import { templates, thing } from '../_lib/platform/templates';
import { moveWish } from './change-wish';
import { assertOrganises, progressNotice } from './review-wish';

// 党员接单: the first member to claim gets it; everyone else racing them gets WISH_ALREADY_CLAIMED.
export const claimWish = defineHandler(
  wishClaim,
  async ({ wishId }, ctx) => {
    const { openid, user } = ctx;
    return moveWish(wishId, 'claim', ctx, (current) => {
      assertMayClaim(user, current);
      return {
        changes: { claimantId: openid, claimantName: user.name, claimantPhone: user.phone, claimedAt: new Date(), flaggedAt: null },
        notices: (w) => [progressNotice(w, '已认领', `${user.name} 认领了你的心愿`)],
      };
    });
  },
  { record: 'inTransaction' },
);

// 派单: staff give an approved wish to a named member of the community, never to themselves.
export const dispatchWish = defineHandler(
  wishDispatch,
  async ({ wishId, memberId }, ctx) => {
    const { openid, user } = ctx;
    assertNotSelf(openid, memberId);
    const member = await loadUser(memberId);
    if (!member || !member.roles.includes('member')) throw new DomainError('MEMBER_NOT_FOUND');
    return moveWish(wishId, 'dispatch', ctx, (current) => {
      assertOrganises(user, current);
      if (member.communityId !== current.communityId) throw new DomainError('MEMBER_NOT_FOUND');
      assertMayClaim(member, current);
      return {
        changes: { claimantId: member._id, claimantName: member.name, claimantPhone: member.phone, claimedAt: new Date(), flaggedAt: null },
        note: `派给 ${member.name}`,
        notices: (w) => [
          {
            touser: member._id,
            templateId: templates.wishDispatched,
            page: `pages/wish-detail/index?id=${w._id}`,
            data: { thing1: thing(w.title), thing2: thing(user.name), thing3: thing(`${w.buildingName ?? ''} 完成可得 ${w.points ?? 0} 积分`) },
          },
          progressNotice(w, '已派单', `${member.name} 将为你服务`),
        ],
      };
    });
  },
  { record: 'inTransaction' },
);

/** The claimant gives a wish back with a reason; it returns to the wall for others. */
export const releaseWish = defineHandler(
  wishRelease,
  async ({ wishId, reason }, ctx) =>
    moveWish(wishId, 'release', ctx, (current) => {
      if (current.claimantId !== ctx.openid) throw new DomainError('WISH_NOT_CLAIMANT');
      return { changes: { claimantId: null, claimantName: null, claimantPhone: null, claimedAt: null }, note: reason };
    }),
  { record: 'inTransaction' },
);
