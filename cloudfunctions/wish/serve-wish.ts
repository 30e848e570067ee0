import { wishCheckIn, wishComplete } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { moveWish } from './change-wish';
import { progressNotice } from './review-wish';
import type { WishDoc } from './wish-repo';

function assertClaimant(wish: WishDoc, openid: string): void {
  if (wish.claimantId !== openid) throw new DomainError('WISH_NOT_CLAIMANT');
}

/** The member arrives and starts the service (签到). */
export const checkIn = defineHandler(
  wishCheckIn,
  async ({ wishId }, ctx) =>
    moveWish(wishId, 'checkIn', ctx, (current) => {
      assertClaimant(current, ctx.openid);
      return { changes: { checkedInAt: new Date() } };
    }),
  { record: 'inTransaction' },
);

/** The member reports the service done with words and photos; the resident is asked to confirm. */
export const complete = defineHandler(
  wishComplete,
  async ({ wishId, proof, photos }, ctx) => {
    const verdict = await assertPublishable(ctx.openid, proof, photos);
    return moveWish(wishId, 'complete', ctx, (current) => {
      assertClaimant(current, ctx.openid);
      return {
        changes: { proof: { text: proof, photos }, completedAt: new Date() },
        note: verdict === 'review' ? '完成说明待人工复核' : null,
        notices: (w) => [progressNotice(w, '待确认', '服务已完成，请确认并评价')],
      };
    });
  },
  { record: 'inTransaction' },
);
