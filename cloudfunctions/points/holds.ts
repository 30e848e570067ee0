import { pointsConfirmHold, pointsPendingHolds, pointsRejectHold } from '../../src/shared/contract';
import { holdOpen } from '../../src/shared/domain/merchant-charge';
import { decideHold } from '../_lib/charge-ledger';
import { charges, holdView } from '../_lib/charges';
import { defineHandler } from '../_lib/handler';

// 待确认扣分: merchant charges above the cap wait here for the resident; past the deadline they are gone.
export const pendingHolds = defineHandler(pointsPendingHolds, async (_input, { openid }) => {
  const now = new Date();
  const held = await charges().where({ residentId: openid, status: 'awaiting' }).orderBy('createdAt', 'desc').limit(20).get();
  return { items: held.filter((c) => holdOpen(c, now)).map(holdView) };
});

export const confirmHold = defineHandler(pointsConfirmHold, async ({ chargeId }, { openid }) => ({
  hold: holdView(await decideHold(chargeId, openid, 'confirmed')),
}));

export const rejectHold = defineHandler(pointsRejectHold, async ({ chargeId }, { openid }) => ({
  hold: holdView(await decideHold(chargeId, openid, 'rejected')),
}));
