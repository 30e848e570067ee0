// The post function's only use of the ledger: a shift's volunteer points, and their reversal.
import { account, reversalOf } from '../../src/shared/domain/ledger';
import { shiftPostingId, type PostShift } from '../../src/shared/domain/post';
import { DomainError } from '../../src/shared/domain/errors';
import { findPosting, post } from '../_lib/ledger';

/**
 * Credits a finished shift's points (hours × points per hour) from the community to the holder. The posting id
 * comes from the shift, so a check-out that runs twice posts once: the second is the first's replay.
 */
export async function creditShift(
  shift: Pick<PostShift, '_id' | 'postTitle' | 'communityId' | 'holderId' | 'holderName'>,
  points: number,
): Promise<string | null> {
  if (points <= 0) return null;
  const { posting } = await post({
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
  });
  return posting._id;
}

/** 更正: the shift's posting is reversed with the staff member's reason (once: the reversal's id comes from it). */
export async function reverseShift(shift: PostShift, by: { openid: string; name: string }, reason: string): Promise<void> {
  if (!shift.postingId) return;
  const original = await findPosting(shift.postingId);
  if (!original) throw new DomainError('POINTS_NOT_FOUND');
  await post(reversalOf(original, by, `更正值班「${shift.postTitle}」：${reason}`));
}
