import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';
import { _, collections, db, type Loose } from './runtime';

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

/** Registered people by openid. */
export function profiles(ids: readonly (string | null)[]): Promise<Map<string, UserProfile>> {
  return byIds<UserProfile>(collections.users, ids);
}
