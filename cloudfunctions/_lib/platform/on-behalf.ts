import { DomainError } from '../../../src/shared/domain/errors';
import type { UserProfile } from '../../../src/shared/domain/org';
import { assertMayFileFor } from '../../../src/shared/domain/petition-rules';
import type { RosterEntry } from '../../roster/roster-docs';
import { loadUser } from './actor';
import { collections } from './runtime';
import { rosterResidentId } from '../../../src/shared/domain/roster';
import { table } from './typed-db';

/**
 * 红色代办 for a person of the caller's community roster (the import its head names), by the entry's stable key.
 * Only the grid worker of that person's grid or the community's staff may file for them (FORBIDDEN_SCOPE, with
 * nothing of the person in the reply, for anyone else). Answers the entry and the street its roster belongs to.
 */
export async function rosterPerson(key: string, user: UserProfile): Promise<{ entry: RosterEntry; streetId: string }> {
  const head = await table(collections.rosterHeads).get(user.communityId);
  const [entry] = head ? await table(collections.rosterEntries).where({ importId: head.activeImport, key }).limit(1).get() : [];
  if (!head || !entry) throw new DomainError('NOT_FOUND', '台账里没有这位居民，请刷新后重新选择');
  assertMayFileFor(user, {
    _id: entry.userId ?? rosterResidentId(entry.key),
    streetId: head.streetId,
    communityId: entry.communityId,
    gridId: entry.gridId,
    buildingId: entry.buildingId,
  });
  return { entry, streetId: head.streetId };
}

/** A registered resident a grid worker (of their grid) or community staff files for. */
export async function residentFiledFor(residentId: string, user: UserProfile): Promise<UserProfile> {
  const resident = await loadUser(residentId);
  if (!resident) throw new DomainError('NOT_FOUND', '没有找到这位居民');
  assertMayFileFor(user, resident);
  return resident;
}

/**
 * 代办人: the parent of an active binding whose helper is the caller (two reads by id). The helper never learns the
 * parent's id: they name the binding, which names the parent.
 */
export async function parentOfHelper(bindingId: string, user: UserProfile): Promise<UserProfile> {
  const binding = await table(collections.helperBindings).get(bindingId);
  if (!binding || binding.helperId !== user._id || binding.status !== 'active') throw new DomainError('HELPER_NOT_BOUND');
  const parent = await loadUser(binding.parentId);
  if (!parent) throw new DomainError('HELPER_NOT_BOUND');
  return parent;
}
