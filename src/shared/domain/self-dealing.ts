import { DomainError } from './errors';
import { account, type AccountId } from './ledger';
import type { UserProfile } from './org';

/**
 * 回避: no staff action acts on its actor's own account, shop, application, wish or case; another staff
 * member or an admin must. A subject may be absent (null), which is nobody.
 */
export function assertNotSelf(actorId: string, ...subjects: readonly (string | null | undefined)[]): void {
  if (subjects.some((subject) => subject === actorId)) throw new DomainError('FORBIDDEN_SELF');
}

/** The ledger accounts a person holds: their own, and their shop's if they run one. */
export function ownAccounts(person: Pick<UserProfile, '_id' | 'shopId'>): AccountId[] {
  return person.shopId ? [account.user(person._id), account.shop(person.shopId)] : [account.user(person._id)];
}

/** A posting that touches any account of the actor's is theirs: they may not correct it themselves. */
export function assertNotOwnPosting(actor: Pick<UserProfile, '_id' | 'shopId'>, posting: { from: string; to: string }): void {
  const mine = new Set<string>(ownAccounts(actor));
  if (mine.has(posting.from) || mine.has(posting.to)) throw new DomainError('FORBIDDEN_SELF');
}

/** A grid worker or staff member does not tag or log visits to their own home (building + room): a colleague must. */
export function assertNotOwnHome(actor: Pick<UserProfile, 'buildingId' | 'room'>, home: { buildingId: string; room: string }): void {
  if (actor.buildingId && actor.buildingId === home.buildingId && actor.room === home.room) throw new DomainError('FORBIDDEN_SELF');
}
