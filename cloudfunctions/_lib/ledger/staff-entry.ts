import { DomainError } from '../../../src/shared/domain/errors';
import { account, type Asset } from '../../../src/shared/domain/ledger';
import type { UserProfile } from '../../../src/shared/domain/org';
import { assertNotSelf } from '../../../src/shared/domain/self-dealing';
import { loadUser } from '../platform/actor';
import type { Subject } from '../platform/handler';
import { balancesOf } from '.';

/**
 * What every staff entry of points shares: a posting id derived from the submission (so a retried or
 * double-tapped form posts once), and a person who must be registered in the staff member's community and
 * must not be the staff member themselves (回避: a colleague or an admin enters their points).
 */
export function submissionKey(prefix: string, staffOpenid: string, requestId: string | undefined): string {
  if (!requestId) throw new DomainError('BAD_INPUT', '缺少请求编号（requestId），请刷新后重试');
  return `${prefix}:${staffOpenid}:${requestId}`;
}

/** `known`: the person the payload named, as the handler read them with the caller (else they are read now). */
export async function personOf(openid: string, staff: UserProfile, known?: Subject): Promise<UserProfile> {
  assertNotSelf(staff._id, openid);
  const person = known?.id === openid ? known.profile : await loadUser(openid);
  if (!person) throw new DomainError('NOT_FOUND', '没有找到这位居民');
  if (person.communityId !== staff.communityId) throw new DomainError('FORBIDDEN_SCOPE');
  return person;
}

/** A person's balance in one kind of points right after an entry, and their lifetime credit in it. */
export async function standingOf(openid: string, asset: Asset): Promise<{ balance: number; lifetime: number }> {
  const b = (await balancesOf(account.user(openid))).get(asset);
  return { balance: b?.balance ?? 0, lifetime: b?.lifetimeIn ?? 0 };
}
