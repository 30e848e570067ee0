import type { OrgUnit } from '../../src/shared/domain/org';
import { _, collections, db, type Loose } from './runtime';

/** Names of org units by id, in one read. */
export async function orgNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const res: Loose = await db
    .collection(collections.orgUnits)
    .where({ _id: _.in(wanted) })
    .limit(wanted.length)
    .get();
  return new Map((res.data as OrgUnit[]).map((u) => [u._id, u.name]));
}
