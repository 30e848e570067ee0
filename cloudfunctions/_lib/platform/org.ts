import type { OrgUnit, UserProfile } from '../../../src/shared/domain/org';
import { isProfile } from './actor';
import { _, collections, db } from './runtime';
import { warmCachedEach } from './warm-cache';

/** Documents of one collection by id, in one read; missing ids and nulls are skipped. */
export async function byIds<T extends { _id: string }>(collection: string, ids: readonly (string | null)[]): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const res = await db
    .collection(collection)
    .where({ _id: _.in(wanted) })
    .limit(wanted.length)
    .get();
  return new Map((res.data as T[]).map((doc) => [doc._id, doc]));
}

/** Names of org units by id. */
export async function orgNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const units = await byIds<OrgUnit>(collections.orgUnits, ids);
  return new Map([...units].map(([id, unit]) => [id, unit.name]));
}

/** How long a warm instance keeps the names of org units (renamed a few times a year, if ever). */
const NAMES_TTL_MS = 60_000;

/** Names of org units for what a view shows or a record carries, as a warm instance keeps them. */
export function cachedOrgNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  return warmCachedEach('org-name', wanted, NAMES_TTL_MS, orgNames);
}

/** Registered people by openid. */
export async function profiles(ids: readonly (string | null)[]): Promise<Map<string, UserProfile>> {
  const found = await byIds<UserProfile>(collections.users, ids);
  return new Map([...found].filter(([, doc]) => isProfile(doc)));
}

/** People a view shows to `viewer`: the viewer's own profile is the one the caller was identified by, not read again. */
export async function profilesFor(ids: readonly (string | null)[], viewer: UserProfile): Promise<Map<string, UserProfile>> {
  const people = await profiles(ids.filter((id) => id !== viewer._id));
  if (ids.includes(viewer._id)) people.set(viewer._id, viewer);
  return people;
}
