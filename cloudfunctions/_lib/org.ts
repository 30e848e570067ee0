import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';
import { _, collections, db, type Loose } from './runtime';
import { warmCached } from './warm-cache';

/** Documents of one collection by id, in one read; missing ids and nulls are skipped. */
export async function byIds<T extends { _id: string }>(collection: string, ids: readonly (string | null)[]): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const res: Loose = await db
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
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  if (wanted.length === 0) return Promise.resolve(new Map());
  return warmCached(`org-names:${wanted.join(',')}`, NAMES_TTL_MS, () => orgNames(wanted));
}

/** Registered people by openid. */
export function profiles(ids: readonly (string | null)[]): Promise<Map<string, UserProfile>> {
  return byIds<UserProfile>(collections.users, ids);
}
