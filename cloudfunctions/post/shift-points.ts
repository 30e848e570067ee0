// The post function's only use of the ledger: a shift's volunteer points, and their reversal, each written
// inside the caller's transaction so that the shift and its points commit together or not at all.
import { account, reversalOf, type Posting } from '../../src/shared/domain/ledger';
import { shiftPostingId, type PostShift } from '../../src/shared/domain/post';
import { AlreadyPosted, postIn } from '../_lib/ledger';
import type { Tx } from '../_lib/platform/typed-db';

type ShiftOfPosting = Pick<PostShift, '_id' | 'postTitle' | 'communityId' | 'holderId' | 'holderName'>;

/** A finished shift's posting (hours × points per hour, community to holder); its id comes from the shift. */
function shiftPosting(shift: ShiftOfPosting, points: number): Omit<Posting, 'at'> {
  return {
    _id: shiftPostingId(shift._id),
    asset: 'volunteer',
    from: account.issuer(shift.communityId),
    to: account.user(shift.holderId),
    amount: points,
    reason: `岗位值班「${shift.postTitle}」`,
    ref: shift._id,
    communityId: shift.communityId,
    by: shift.holderId,
    byName: shift.holderName,
    reversalOf: null,
    override: null,
    expiresAt: null,
  };
}

/**
 * Credits a finished shift's points in `tx`. A check-out that runs twice posts once: the posting's id comes from
 * the shift, so the second insert fails (AlreadyPosted) and its whole transaction is undone.
 */
export async function creditShiftIn(tx: Tx, shift: ShiftOfPosting, points: number): Promise<string | null> {
  if (points <= 0) return null;
  const { posting } = await postIn(tx, shiftPosting(shift, points), { creditBalance: 'unread' });
  return posting._id;
}

/**
 * 更正 in `tx`: the shift's posting is reversed with the staff member's reason. The original is rebuilt from the
 * shift (it was made from these same fields), so nothing is read for it; the reversal's id comes from it (once).
 */
export async function reverseShiftIn(tx: Tx, shift: PostShift, by: { openid: string; name: string }, reason: string): Promise<void> {
  if (!shift.postingId) return;
  const original = { ...shiftPosting(shift, shift.points), _id: shift.postingId, at: shift.endedAt ?? shift.startedAt };
  await postIn(tx, reversalOf(original, by, `更正值班「${shift.postTitle}」：${reason}`));
}

export { AlreadyPosted };
