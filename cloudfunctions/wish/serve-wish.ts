import { wishCheckIn, wishComplete } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertPublishable } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { changeWish } from './change-wish';
import { progressNotice } from './review-wish';
import type { WishDoc } from './wish-repo';
import { toView } from './wish-view';

function assertClaimant(wish: WishDoc, openid: string): void {
  if (wish.claimantId !== openid) throw new DomainError('WISH_NOT_CLAIMANT');
}

/** The member arrives and starts the service (签到). */
export const checkIn = defineHandler(wishCheckIn, async ({ wishId }, { openid, user }) => {
  const wish = await changeWish(wishId, 'checkIn', { openid, name: user.name }, (current) => {
    assertClaimant(current, openid);
    return { changes: { checkedInAt: new Date() } };
  });
  return { wish: await toView(wish, user) };
});

/** The member reports the service done with words and photos; the resident is asked to confirm. */
export const complete = defineHandler(wishComplete, async ({ wishId, proof, photos }, { openid, user }) => {
  const verdict = await assertPublishable(openid, proof, photos);
  const wish = await changeWish(wishId, 'complete', { openid, name: user.name }, (current) => {
    assertClaimant(current, openid);
    return {
      changes: { proof: { text: proof, photos }, completedAt: new Date() },
      note: verdict === 'review' ? '完成说明待人工复核' : null,
      notices: (w) => [progressNotice(w, '待确认', '服务已完成，请确认并评价')],
    };
  });
  return { wish: await toView(wish, user) };
});
