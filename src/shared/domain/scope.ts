import type { OrgPlace, UserProfile } from './org';
import { levelRank, petitionLevels, type PetitionLevel } from './petition-ladder';
import type { Role } from './roles';

type Person = Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids' | 'departmentId' | 'adminScope'>;

/**
 * The grids a person works as grid worker (one or more; none unless they hold the role). The one rule for
 * "grid worker of grid X": every check (coversPlace, holdsLevel, organisesPlace, the tree, the roster, the
 * queues) and every query for a grid's workers (`{ workGrids: X, roles: 'grid_worker' }`) reads this field.
 */
export function workGridsOf(user: Pick<UserProfile, 'roles' | 'workGrids'>): string[] {
  return user.roles.includes('grid_worker') ? [...(user.workGrids ?? [])] : [];
}

/** Whether a person works grid `gridId` as its grid worker. */
export function worksGrid(user: Pick<UserProfile, 'roles' | 'workGrids'>, gridId: string | null | undefined): boolean {
  return !!gridId && workGridsOf(user).includes(gridId);
}

/** A query condition on a case's `gridId` for the grids a grid worker works: one grid, or a `$in` of several. */
export function inWorkGrids<T>(user: Pick<UserProfile, 'roles' | 'workGrids'>, anyOf: (ids: string[]) => T): string | T {
  const grids = workGridsOf(user);
  return grids.length === 1 ? grids[0] : anyOf(grids);
}

/** The query that finds the grid workers of grid `gridId` (index: users workGrids + roles). */
export function gridWorkersOf(gridId: string): { workGrids: string; roles: 'grid_worker' } {
  return { workGrids: gridId, roles: 'grid_worker' };
}

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
 * a grid worker their grids, staff their community, an admin their street. Residents and members act
 * only on their own things, which the use cases check by owner, not by place.
 */
export function coversPlace(user: Person, role: Role, place: OrgPlace): boolean {
  if (!user.roles.includes(role)) return false;
  switch (role) {
    case 'grid_worker':
      return worksGrid(user, place.gridId);
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
