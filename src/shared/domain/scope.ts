import type { OrgPlace, UserProfile } from './org';
import type { Role } from './roles';

/**
 * Whether a person acting in `role` may handle something located at `place`:
 * a grid worker their grid, staff their community, an admin their street. Residents and members act
 * only on their own things, which the use cases check by owner, not by place.
 */
export function coversPlace(user: Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId'>, role: Role, place: OrgPlace): boolean {
  if (!user.roles.includes(role)) return false;
  switch (role) {
    case 'grid_worker':
      return user.gridId !== null && place.gridId === user.gridId;
    case 'staff':
      return place.communityId === user.communityId;
    case 'admin':
      return place.streetId === user.streetId;
    default:
      return false;
  }
}

/** The roles that review and dispatch wishes (组织建单/派单), most local first. */
export const organiserRoles = ['grid_worker', 'staff', 'admin'] as const satisfies readonly Role[];

export function organisesPlace(user: Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId'>, place: OrgPlace): boolean {
  return organiserRoles.some((role) => coversPlace(user, role, place));
}
