import type { OrgPlace, UserProfile } from './org';
import { levelRank, petitionLevels, type PetitionLevel } from './petition-ladder';
import type { Role } from './roles';

type Person = Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId' | 'departmentId' | 'adminScope'>;

/**
 * Whether an admin runs the street `streetId`: a street admin their own street, a district admin every street
 * of the deployment (one deployment serves one district). The one rule for an admin's reach (org tree, roster,
 * roles, settings).
 */
export function adminCoversStreet(user: Pick<Person, 'roles' | 'streetId' | 'adminScope'>, streetId: string): boolean {
  if (!user.roles.includes('admin')) return false;
  return user.adminScope === 'district' || user.streetId === streetId;
}

/** Whether an admin runs the whole district: what every street shares (the category lists) is theirs to change. */
export function adminCoversDistrict(user: Pick<Person, 'roles' | 'adminScope'>): boolean {
  return user.roles.includes('admin') && user.adminScope === 'district';
}

/**
 * Whether a person acting in `role` may handle something located at `place`:
 * a grid worker their grid, staff their community, an admin their street. Residents and members act
 * only on their own things, which the use cases check by owner, not by place.
 */
export function coversPlace(user: Person, role: Role, place: OrgPlace): boolean {
  if (!user.roles.includes(role)) return false;
  switch (role) {
    case 'grid_worker':
      return user.gridId !== null && place.gridId === user.gridId;
    case 'staff':
      return place.communityId === user.communityId;
    case 'admin':
      return adminCoversStreet(user, place.streetId);
    default:
      return false;
  }
}

/** The roles that review and dispatch wishes (组织建单/派单), most local first. */
export const organiserRoles = ['grid_worker', 'staff', 'admin'] as const satisfies readonly Role[];

export function organisesPlace(user: Person, place: OrgPlace): boolean {
  return organiserRoles.some((role) => coversPlace(user, role, place));
}

/** Who works each rung of the petition ladder. */
export const ladderRoles = {
  grid: 'grid_worker',
  community: 'staff',
  street: 'street_staff',
  department: 'department_staff',
  district: 'district_staff',
} as const satisfies Record<PetitionLevel, Role>;

/** Everyone on the ladder: grid workers and community, street, department and district staff. */
export const ladderStaffRoles: readonly Role[] = petitionLevels.map((level) => ladderRoles[level]);

/**
 * Whether a person works the petition ladder at `level` for a case at `place`: the grid's worker, the
 * community's or the street's staff, the summoned department's staff, or the district's (one deployment
 * serves one district).
 */
export function holdsLevel(user: Person, level: PetitionLevel, place: OrgPlace & { departmentId: string | null }): boolean {
  if (!user.roles.includes(ladderRoles[level])) return false;
  switch (level) {
    case 'grid':
    case 'community':
      return coversPlace(user, ladderRoles[level], place);
    case 'street':
      return user.streetId === place.streetId;
    case 'department':
      return place.departmentId !== null && user.departmentId === place.departmentId;
    case 'district':
      return true;
  }
}

/**
 * Whether a person has handled or may handle this case at any level it has reached (any department it
 * summoned): they see the reporter's name and contacts.
 */
export function handlesPetition(user: Person, p: OrgPlace & { topLevel: PetitionLevel; departmentIds: readonly string[] }): boolean {
  const reached = petitionLevels.filter((l) => levelRank(l) <= levelRank(p.topLevel));
  return reached.some((level) =>
    level === 'department'
      ? p.departmentIds.some((departmentId) => holdsLevel(user, level, { ...p, departmentId }))
      : holdsLevel(user, level, { ...p, departmentId: null }),
  );
}

/** The ladder levels a person works at, lowest first. */
export function ladderLevelsOf(user: Pick<UserProfile, 'roles'>): PetitionLevel[] {
  return petitionLevels.filter((level) => user.roles.includes(ladderRoles[level]));
}
