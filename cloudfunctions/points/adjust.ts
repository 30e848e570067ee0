import { pointsAward, pointsDeduct } from '../../src/shared/contract';
import { account, type Asset } from '../../src/shared/domain/ledger';
import { defineHandler, type Context } from '../_lib/handler';
import { post } from '../_lib/ledger';
import { expiryFor } from '../_lib/point-rules';
import { personOf, standingOf, submissionKey } from '../_lib/staff-entry';

type Adjustment = { openid: string; asset: Asset; amount: number; reason: string; ref?: string };

/**
 * 加分 / 减分 by staff. The posting id comes from the staff member's submission (requestId), so a
 * retried or double-tapped submission posts once. Awarded points lapse as the community's rules say.
 */
async function adjust(direction: 'award' | 'deduct', input: Adjustment, { openid, user, requestId }: Context) {
  const _id = submissionKey(direction, openid, requestId);
  const person = await personOf(input.openid, user);
  const issuer = account.issuer(person.communityId);
  const holder = account.user(person._id);
  const { posting, replayed } = await post({
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
  });
  return { postingId: posting._id, replayed, balance: (await standingOf(person._id, input.asset)).balance };
}

export const award = defineHandler(pointsAward, (input, ctx) => adjust('award', input, ctx));
export const deduct = defineHandler(pointsDeduct, (input, ctx) => adjust('deduct', input, ctx));
