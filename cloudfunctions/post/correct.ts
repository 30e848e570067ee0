import { postCorrect } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { PostShift } from '../../src/shared/domain/post';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { transact } from '../_lib/platform/transact';
import { recordedAs, runsPost, shiftsIn, shiftView } from './post-repo';
import { AlreadyPosted, reverseShiftIn } from './shift-points';

/**
 * 更正值班: staff undo a shift's points by reversing its posting, with their reason; the shift is kept and
 * marked reversed. Nobody corrects their own shift. The reversal and the mark are one transaction, so a refusal
 * (the member has spent the points) leaves the shift done and nothing posted. The mark names the call that made
 * it, its own retry record (`byEffect`): a retry of that call is answered with the shift as it stands.
 */
export const correct = defineHandler(
  postCorrect,
  async ({ shiftId, reason }, { openid, user, requestId, request }) => {
    const view = (shift: PostShift) => ({ shift: shiftView(shift, user) });
    const marked = await transact(
      async (tx) => {
        const shift = await shiftsIn(tx).get(shiftId);
        if (!shift || !runsPost(user, shift)) throw new DomainError('POST_SHIFT_NOT_FOUND');
        assertNotSelf(openid, shift.holderId);
        if (requestId && shift.correction?.requestId === requestId && shift.correction.by === openid) return shift;
        if (shift.status !== 'done') throw new DomainError('POST_SHIFT_STATE');
        await reverseShiftIn(tx, shift, { openid, name: user.name }, reason).catch(refuseTwin);
        const correction = { by: openid, byName: user.name, reason, at: new Date(), ...(requestId ? { requestId } : {}) };
        // Marked for the stats fold, which takes the shift's hours back off the day it ended.
        await shiftsIn(tx).change(shiftId, { status: 'reversed', correction, statsDirty: true });
        return { ...shift, status: 'reversed' as const, correction };
      },
      recordedAs(request, view, true),
    );
    return view(marked);
  },
  { record: 'inTransaction' },
);

/** The reversal exists: a twin correction committed it with the shift marked, so this one finds it reversed. */
function refuseTwin(error: unknown): never {
  throw error instanceof AlreadyPosted ? new DomainError('POST_SHIFT_STATE') : error;
}
