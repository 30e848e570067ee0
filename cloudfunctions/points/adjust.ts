import { pointsAward, pointsDeduct } from '../../src/shared/contract';
import { account, type Asset } from '../../src/shared/domain/ledger';
import { defineHandler, type Context } from '../_lib/platform/handler';
import { post, type PostResult } from '../_lib/ledger';
import { expiryFor } from '../_lib/ledger/point-rules';
import { personOf, submissionKey } from '../_lib/ledger/staff-entry';

type Adjustment = { openid: string; asset: Asset; amount: number; reason: string; ref?: string };

/**
 * 加分 / 减分 by staff. The posting id comes from the staff member's submission (requestId), so a
 * retried or double-tapped submission posts once. Awarded points lapse as the community's rules say.
 */
async function adjust(direction: 'award' | 'deduct', input: Adjustment, { openid, user, requestId, request, subject }: Context) {
  const _id = submissionKey(direction, openid, requestId);
  const person = await personOf(input.openid, user, subject);
  const issuer = account.issuer(person.communityId);
  const holder = account.user(person._id);
  const output = ({ posting, replayed, balances }: PostResult) => ({ postingId: posting._id, replayed, balance: balances.get(holder) ?? 0 });
  const result = await post(
    {
      _id,
      asset: input.asset,
      from: direction === 'award' ? issuer : holder,
      to: direction === 'award' ? holder : issuer,
      amount: input.amount,
      reason: input.reason,
      ref: input.ref ?? null,
      communityId: person.communityId,
      by: openid,
      byName: user.name,
      expiresAt: direction === 'award' ? await expiryFor(person.communityId, input.asset) : null,
    },
    { record: { request, output } },
  );
  return output(result);
}

// The posting id is the submission's, so the posting's transaction can carry the retry record too; the person
// is read with the caller (one request for both profiles).
const opts = { record: 'inTransaction', subject: 'openid' } as const;
export const award = defineHandler(pointsAward, (input, ctx) => adjust('award', input, ctx), opts);
export const deduct = defineHandler(pointsDeduct, (input, ctx) => adjust('deduct', input, ctx), opts);
