import type { UserProfile } from '../../../src/shared/domain/org';
import { collections } from './runtime';
import { table } from './typed-db';

/** A registered person's profile, not the marker an erasure under way leaves under their id (org.ts `erasingSince`). */
export const isProfile = <T extends Pick<UserProfile, 'erasingSince'>>(doc: T | null | undefined): doc is T =>
  Boolean(doc) && doc?.erasingSince === undefined;

/** What the read of a caller found: their profile, or none — and whether a 注销 of this WeChat is still being erased. */
export interface Caller {
  user: UserProfile | null;
  erasing: boolean;
}

const callerOf = (doc: UserProfile | undefined): Caller => ({ user: isProfile(doc) ? doc : null, erasing: doc?.erasingSince !== undefined });

/** The caller's profile: identity comes from the cloud context (OPENID), the profile from our users collection. */
export async function loadCaller(openid: string): Promise<Caller> {
  const [doc] = await table(collections.users).where({ _id: openid }).limit(1).get();
  return callerOf(doc);
}

/** A person's profile by id (null: not registered, or being erased). */
export async function loadUser(openid: string): Promise<UserProfile | null> {
  return (await loadCaller(openid)).user;
}

/**
 * The caller and the person their action is about, in one read: a staff entry needs both profiles, and two
 * reads by id cost two requests where one query by both ids costs one.
 */
export async function loadUserAnd(openid: string, other: string | undefined): Promise<Caller & { other?: UserProfile | null }> {
  if (!other || other === openid) return loadCaller(openid);
  const found = await table(collections.users).byIds([openid, other]);
  const person = found.get(other);
  return { ...callerOf(found.get(openid)), other: isProfile(person) ? person : null };
}
