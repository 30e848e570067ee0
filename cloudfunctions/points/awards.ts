import { pointsApproveAward, pointsPendingAwards } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { postAward, recordAward } from '../_lib/ledger/awards';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

/** Awards held for review in my community, oldest confirmation first. */
export const pendingAwards = defineHandler(pointsPendingAwards, async ({ offset, limit }, { user }) => {
  const { docs, nextOffset } = await table(collections.wishes)
    .where({ communityId: user.communityId, status: 'confirmed', 'award.status': 'review' })
    .orderBy('confirmedAt', 'asc')
    .page(offset, limit);
  return {
    items: docs.map((w) => ({
      wishId: w._id,
      title: w.title,
      memberName: w.claimantName ?? '',
      residentName: w.residentName,
      amount: w.award?.amount ?? 0,
      note: w.award?.note ?? null,
      confirmedAt: new Date(w.confirmedAt ?? w.completedAt ?? 0).toISOString(),
    })),
    nextOffset,
  };
});

/**
 * Staff confirm a held award (possibly lowered) or turn it down; either way it is settled once. Neither the
 * member it pays nor the resident they served may decide it.
 */
export const approveAward = defineHandler(pointsApproveAward, async ({ wishId, approve, amount, note }, { user }) => {
  const wish = await table(collections.wishes).get(wishId);
  if (!wish || wish.communityId !== user.communityId) throw new DomainError('WISH_NOT_FOUND');
  assertNotSelf(user._id, wish.award?.memberId, wish.residentId);
  const award = wish.award;
  if (!award || (award.status !== 'review' && award.status !== 'posted' && award.status !== 'rejected'))
    throw new DomainError('WISH_ILLEGAL_TRANSITION', '这笔积分不在待确认状态');
  if (award.status !== 'review') return { status: award.status, amount: award.amount ?? 0 };
  const granted = Math.min(amount ?? award.amount ?? 0, award.amount ?? 0);
  const decidedNote = note ?? award.note;
  if (!approve || granted === 0) {
    await recordAward(wishId, 'review', { ...award, status: 'rejected', amount: 0, note: decidedNote ?? '社区未予确认' });
    return { status: 'rejected' as const, amount: 0 };
  }
  const { posting } = await postAward(wish, granted);
  await recordAward(wishId, 'review', {
    ...award,
    status: 'posted',
    amount: granted,
    postingId: posting._id,
    note: `${user.name} 确认${decidedNote ? `：${decidedNote}` : ''}`,
  });
  return { status: 'posted' as const, amount: granted };
});
