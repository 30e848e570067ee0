import type { UserProfile } from '../../src/shared/domain/org';
import { collections, db, type Loose } from './runtime';

/** The caller: identity from the cloud context (OPENID), profile from our users collection. */
export interface Actor {
  openid: string;
  user: UserProfile | null;
}

export async function loadUser(openid: string): Promise<UserProfile | null> {
  const res: Loose = await db.collection(collections.users).where({ _id: openid }).limit(1).get();
  return (res.data[0] as UserProfile | undefined) ?? null;
}
