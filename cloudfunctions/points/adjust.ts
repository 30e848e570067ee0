import { pointsAward, pointsDeduct } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { account, type Asset } from '../../src/shared/domain/ledger';
import type { UserProfile } from '../../src/shared/domain/org';
import { loadUser } from '../_lib/actor';
import { defineHandler, type Context } from '../_lib/handler';
import { balancesOf, post } from '../_lib/ledger';

/** The person staff adjust must be registered in the staff member's own community. */
async function residentOf(openid: string, staff: UserProfile): Promise<UserProfile> {
  const person = await loadUser(openid);
  if (!person) throw new DomainError('NOT_FOUND', '没有找到这位居民');
  if (person.communityId !== staff.communityId) throw new DomainError('FORBIDDEN_SCOPE');
  return person;
}

type Adjustment = { openid: string; asset: Asset; amount: number; reason: string; ref?: string };

/**
 * 加分 / 减分 by staff. The posting id comes from the staff member's submission (requestId), so a
 * retried or double-tapped submission posts once.
 */
async function adjust(direction: 'award' | 'deduct', input: Adjustment, { openid, user, requestId }: Context) {
  if (!requestId) throw new DomainError('BAD_INPUT', '缺少请求编号（requestId），请刷新后重试');
  const person = await residentOf(input.openid, user);
  const issuer = account.issuer(person.communityId);
  const holder = account.user(person._id);
  const { posting, replayed } = await post({
    _id: `${direction}:${openid}:${requestId}`,
    asset: input.asset,
    from: direction === 'award' ? issuer : holder,
    to: direction === 'award' ? holder : issuer,
    amount: input.amount,
    reason: input.reason,
    ref: input.ref ?? null,
    communityId: person.communityId,
    by: openid,
    byName: user.name,
  });
  const balance = (await balancesOf(holder)).get(input.asset)?.balance ?? 0;
  return { postingId: posting._id, replayed, balance };
}

export const award = defineHandler(pointsAward, (input, ctx) => adjust('award', input, ctx));
export const deduct = defineHandler(pointsDeduct, (input, ctx) => adjust('deduct', input, ctx));
