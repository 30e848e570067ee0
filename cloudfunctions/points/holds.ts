import { pointsConfirmHold, pointsPendingHolds, pointsRejectHold } from '../../src/shared/contract';
import { account } from '../../src/shared/domain/ledger';
import { chargePostingIds, holdOpen } from '../../src/shared/domain/merchant-charge';
import { decideHold } from '../_lib/ledger/charge-ledger';
import { charges, holdView } from '../_lib/ledger/charges';
import { defineHandler } from '../_lib/platform/handler';
import { balanceId, findPosting } from '../_lib/ledger';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { balanceView, postingView } from './my-points';

// 待确认扣分: merchant charges above the cap wait here for the resident; past the deadline they are gone.
export const pendingHolds = defineHandler(pointsPendingHolds, async (_input, { openid }) => {
  const now = new Date();
  const held = await charges().where({ residentId: openid, status: 'awaiting' }).orderBy('createdAt', 'desc').limit(20).get();
  return { items: held.filter((c) => holdOpen(c, now)).map(holdView) };
});

/**
 * 确认. The charge is the call's retry record (`effect`): a retry finds the hold decided as it asked and is answered
 * with it, and one that finds it decided otherwise is told it was closed — as the first call would have been.
 */
export const confirmHold = defineHandler(
  pointsConfirmHold,
  async ({ chargeId }, { openid }) => {
    const hold = await decideHold(chargeId, openid, 'confirmed');
    // A hold kept on the balance is posted now: the reply carries the posting, so 我的积分 shows it without reading again.
    const paid = hold.onBalance && !hold.pending ? await findPosting(chargePostingIds(hold._id).pay) : null;
    const posted = paid ? postingView(paid, account.user(openid), { reversed: false, shopId: hold.shopId }) : null;
    return { hold: holdView(hold), posted };
  },
  { record: 'effect' },
);

/**
 * 拒绝: the points come back to the resident, and the reply carries what that changed on 我的积分 — their virtue
 * balance and the posting that returned them (a hold through escrow's; a hold kept on the balance posted nothing) —
 * so the page shows it without reading again. (Null while the return is still owed: a busy ledger leaves it to the
 * timer.)
 */
export const rejectHold = defineHandler(
  pointsRejectHold,
  async ({ chargeId }, { openid }) => {
    const hold = await decideHold(chargeId, openid, 'rejected');
    if (hold.pending) return { hold: holdView(hold), returned: null };
    const me = account.user(openid);
    const [back, virtue] = await Promise.all([
      hold.onBalance ? null : findPosting(chargePostingIds(hold._id).back),
      table(collections.balances).get(balanceId(me, 'virtue')),
    ]);
    if (!hold.onBalance && !back) return { hold: holdView(hold), returned: null };
    const posting = back ? postingView(back, me, { reversed: false, shopId: null }) : null;
    return { hold: holdView(hold), returned: { balance: balanceView('virtue', virtue, new Date()), posting } };
  },
  // The charge is the retry record, as for 确认: a retry is answered with the hold and the balance as they are.
  { record: 'effect' },
);
