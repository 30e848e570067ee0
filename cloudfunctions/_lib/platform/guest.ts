import type { UserProfile } from '../../../src/shared/domain/org';
import { collections } from './runtime';
import { table } from './typed-db';

/**
 * Who reads a public list: the caller, or — for a newcomer without a record — a viewer with no roles in the
 * community they are looking at (the one they asked for, else the first), who sees what any neighbour sees.
 */
export async function viewerFor(openid: string, user: UserProfile | null, communityId: string | undefined): Promise<UserProfile> {
  if (user) return user;
  const community = communityId
    ? await table(collections.orgUnits).get(communityId)
    : (await table(collections.orgUnits).where({ kind: 'community' }).limit(1).get())[0];
  const place =
    community?.kind === 'community' ? { streetId: community.path[0] ?? '', communityId: community._id } : { streetId: '', communityId: '-' };
  return { _id: openid, name: '', phone: '', roles: [], ...place, gridId: null, buildingId: null, room: null, birthYear: null };
}
