import type { UserProfile } from '../../../src/shared/domain/org';
import { collections } from './runtime';
import { table } from './typed-db';

/** The caller's profile: identity comes from the cloud context (OPENID), the profile from our users collection. */
export async function loadUser(openid: string): Promise<UserProfile | null> {
  const [user] = await table(collections.users).where({ _id: openid }).limit(1).get();
  return user ?? null;
}

/**
 * The caller and the person their action is about, in one read: a staff entry needs both profiles, and two
 * reads by id cost two requests where one query by both ids costs one.
 */
export async function loadUserAnd(openid: string, other: string | undefined): Promise<{ user: UserProfile | null; other?: UserProfile | null }> {
  if (!other || other === openid) return { user: await loadUser(openid) };
  const found = await table(collections.users).byIds([openid, other]);
  return { user: found.get(openid) ?? null, other: found.get(other) ?? null };
}
