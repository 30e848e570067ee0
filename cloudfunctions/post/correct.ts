import { postCorrect } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { PostShift } from '../../src/shared/domain/post';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/handler';
import { transact } from '../_lib/transact';
import { recordedAs, runsPost, shifts, shiftsIn, shiftView } from './post-repo';
import { reverseShift } from './shift-points';

/**
 * 更正值班: staff undo a shift's points by reversing its posting, with their reason; the shift is kept and
 * marked reversed. Nobody corrects their own shift. Reversal first, then the mark: a rerun finds the reversal.
 */
export const correct = defineHandler(
  postCorrect,
  async ({ shiftId, reason }, { openid, user, request }) => {
    const view = (shift: PostShift) => ({ shift: shiftView(shift, user) });
    const shift = await shifts().get(shiftId);
    if (!shift || !runsPost(user, shift)) throw new DomainError('POST_SHIFT_NOT_FOUND');
    assertNotSelf(openid, shift.holderId);
    if (shift.status !== 'done') throw new DomainError('POST_SHIFT_STATE');
    await reverseShift(shift, { openid, name: user.name }, reason);
    const correction = { by: openid, byName: user.name, reason, at: new Date() };
    const marked = await transact(
      async (tx) => {
        const fresh = await shiftsIn(tx).get(shiftId);
        if (fresh?.status !== 'done') throw new DomainError('POST_SHIFT_STATE');
        await shiftsIn(tx).change(shiftId, { status: 'reversed', correction });
        return { ...fresh, status: 'reversed' as const, correction };
      },
      recordedAs(request, view),
    );
    return view(marked);
  },
  { record: 'inTransaction' },
);
