import type { UserProfile } from '../../src/shared/domain/org';
import { collections, db, type Loose } from './runtime';

/** The caller's profile: identity comes from the cloud context (OPENID), the profile from our users collection. */
export async function loadUser(openid: string): Promise<UserProfile | null> {
  const res: Loose = await db.collection(collections.users).where({ _id: openid }).limit(1).get();
  return (res.data[0] as UserProfile | undefined) ?? null;
}
