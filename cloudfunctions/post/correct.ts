import { postCorrect } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/handler';
import { transact } from '../_lib/transact';
import { posts, runsPost, shifts, shiftsIn, shiftView } from './post-repo';
import { reverseShift } from './shift-points';

/**
 * 更正值班: staff undo a shift's points by reversing its posting, with their reason; the shift is kept and
 * marked reversed. Nobody corrects their own shift. Reversal first, then the mark: a rerun finds the reversal.
 */
export const correct = defineHandler(postCorrect, async ({ shiftId, reason }, { openid, user }) => {
  const shift = await shifts().get(shiftId);
  const post = shift && (await posts().get(shift.postId));
  if (!shift || !post || !runsPost(user, post)) throw new DomainError('POST_SHIFT_NOT_FOUND');
  assertNotSelf(openid, shift.holderId);
  if (shift.status !== 'done') throw new DomainError('POST_SHIFT_STATE');
  await reverseShift(shift, { openid, name: user.name }, reason);
  const correction = { by: openid, byName: user.name, reason, at: new Date() };
  const marked = await transact(async (tx) => {
    const fresh = await shiftsIn(tx).get(shiftId);
    if (!fresh) throw new DomainError('POST_SHIFT_NOT_FOUND');
    if (fresh.status === 'reversed') return fresh;
    await shiftsIn(tx).change(shiftId, { status: 'reversed', correction });
    return { ...fresh, status: 'reversed' as const, correction };
  }, 'POST_BUSY');
  return { shift: shiftView(marked, user) };
});
