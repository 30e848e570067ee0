import { wishCancel, wishConfirm } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { awardFor, relaysFor } from '../../src/shared/domain/wish';
import { settleIn } from '../_lib/ledger/awards';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { moveWish } from './change-wish';
import type { WishDoc } from './wish-repo';

/** The resident, or whoever relays for them (代办人, or the filer of a roster person not yet joined): 代评. */
function assertOwner(wish: WishDoc, openid: string): { byProxy: boolean } {
  if (wish.residentId === openid) return { byProxy: false };
  if (relaysFor(openid, wish)) return { byProxy: true };
  throw new DomainError('WISH_NOT_OWNER');
}

/**
 * The resident confirms the service and rates it; the member's award is settled in the same transaction (posted,
 * held for staff, or nothing due), so the confirmation and its points commit together. The confirmation is its own
 * retry record (`effect`): its history line carries the requestId, and a retry is answered with the wish as it stands.
 */
export const confirm = defineHandler(
  wishConfirm,
  async ({ wishId, rating, comment }, ctx) => {
    await assertPublishable(ctx.openid, comment);
    return moveWish(wishId, 'confirm', ctx, async (current, tx) => {
      const { byProxy } = assertOwner(current, ctx.openid);
      const stars = { stars: rating, comment: comment || null, ...(byProxy ? { byProxy } : {}) };
      const changes = { rating: stars, confirmedAt: new Date(), award: awardFor(current, rating) };
      const award = await settleIn(tx, { ...current, ...changes });
      return { changes: { ...changes, award }, note: `${byProxy ? '代评：' : ''}${rating} 星` };
    });
  },
  { record: 'effect' },
);

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
