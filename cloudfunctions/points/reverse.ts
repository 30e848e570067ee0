import { pointsReverse } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { reversalOf } from '../../src/shared/domain/ledger';
import { assertNotOwnPosting } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { findPosting, post, type PostResult } from '../_lib/ledger';

/**
 * 冲正: undo a posting by posting its opposite. Taking a person below zero needs an explicit override
 * reason, which is recorded on the reversal. Nobody reverses a posting to or from their own account or shop.
 */
export const reverse = defineHandler(
  pointsReverse,
  async ({ postingId, reason, override }, { openid, user, request }) => {
    const original = await findPosting(postingId);
    if (!original || original.communityId !== user.communityId) throw new DomainError('POINTS_NOT_FOUND');
    assertNotOwnPosting(user, original);
    // A posting is reversed once: its reversal's id is derived from it, so a second one is the replay.
    const input = reversalOf(original, { openid, name: user.name }, reason, override ? { by: openid, reason: override } : null);
    const output = ({ posting, replayed }: PostResult) => ({ postingId: posting._id, replayed });
    return output(await post(input, { record: { request, output } }));
  },
  { record: 'inTransaction' },
);
