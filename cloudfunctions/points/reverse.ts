import { pointsReverse } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { reversalId, reversalOf } from '../../src/shared/domain/ledger';
import { assertNotOwnPosting } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/handler';
import { findPosting, post } from '../_lib/ledger';

/**
 * 冲正: undo a posting by posting its opposite. Taking a person below zero needs an explicit override
 * reason, which is recorded on the reversal. Nobody reverses a posting to or from their own account or shop.
 */
export const reverse = defineHandler(pointsReverse, async ({ postingId, reason, override }, { openid, user }) => {
  const original = await findPosting(postingId);
  if (!original || original.communityId !== user.communityId) throw new DomainError('POINTS_NOT_FOUND');
  assertNotOwnPosting(user, original);
  const existing = await findPosting(reversalId(postingId));
  if (existing) return { postingId: existing._id, replayed: true };
  const input = reversalOf(original, { openid, name: user.name }, reason, override ? { by: openid, reason: override } : null);
  const { posting, replayed } = await post(input);
  return { postingId: posting._id, replayed };
});
