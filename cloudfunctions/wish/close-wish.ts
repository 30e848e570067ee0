import { wishCancel, wishConfirm } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { awardFor } from '../../src/shared/domain/wish';
import { settleAward } from '../_lib/awards';
import { assertPublishable } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { changeWish, moveWish } from './change-wish';
import type { WishDoc } from './wish-repo';
import { toView } from './wish-view';

function assertOwner(wish: WishDoc, openid: string): void {
  if (wish.residentId !== openid) throw new DomainError('WISH_NOT_OWNER');
}

/** The resident confirms the service and rates it; the member's award is recorded for the ledger. */
export const confirm = defineHandler(wishConfirm, async ({ wishId, rating, comment }, { openid, user }) => {
  await assertPublishable(openid, comment);
  const wish = await changeWish(wishId, 'confirm', { openid, name: user.name }, (current) => {
    assertOwner(current, openid);
    return {
      changes: { rating: { stars: rating, comment: comment || null }, confirmedAt: new Date(), award: awardFor(current, rating) },
      note: `${rating} 星`,
    };
  });
  // The confirmation stands even if settling fails now: the hourly sweep settles pending awards.
  const award = await settleAward(wish).catch((error: unknown) => (console.error('[award]', wish._id, error), wish.award));
  return { wish: await toView({ ...wish, award }, user) };
});

/** The resident withdraws a wish nobody has claimed yet. */
export const cancel = defineHandler(
  wishCancel,
  async ({ wishId, reason }, ctx) =>
    moveWish(wishId, 'cancel', ctx, (current) => {
      assertOwner(current, ctx.openid);
      return { note: reason || null };
    }),
  { record: 'inTransaction' },
);
