import { DomainError } from './errors';
import type { OrgUnit, UserProfile } from './org';
import type { Role } from './roles';
import { adminCoversStreet } from './scope';

/**
 * 任免: the roles an admin appoints and removes. Residents, members and merchants get theirs through their own
 * flows (joining, 双报到, the merchant application), never here.
 */
export const appointableRoles = ['grid_worker', 'staff', 'street_staff', 'department_staff', 'district_staff', 'admin'] as const;
export type AppointableRole = (typeof appointableRoles)[number];

/** The org unit each street-level role is appointed to. Department, district staff and district admins have none. */
export const unitKindOf = {
  grid_worker: 'grid',
  staff: 'community',
  street_staff: 'street',
  admin: 'street',
} as const satisfies Partial<Record<AppointableRole, OrgUnit['kind']>>;

/** What one appointment is: a role, and where (a unit, a department, or the admin's scope). */
export type Appointment =
  | { role: 'grid_worker' | 'staff' | 'street_staff'; unit: OrgUnit }
  | { role: 'admin'; unit: OrgUnit; adminScope: 'street' }
  | { role: 'admin'; adminScope: 'district' }
  | { role: 'department_staff'; departmentId: string }
  | { role: 'district_staff' };

type Actor = Pick<UserProfile, 'roles' | 'streetId' | 'adminScope'>;
type Person = Pick<UserProfile, '_id' | 'roles' | 'streetId' | 'communityId' | 'gridId' | 'buildingId' | 'departmentId' | 'adminScope'>;

/** The street a unit belongs to (a street is its own). */
export function streetOfUnit(unit: Pick<OrgUnit, '_id' | 'kind' | 'path'>): string {
  return unit.kind === 'street' ? unit._id : (unit.path[0] ?? '');
}

/** Roles that work for the whole district: only a district admin appoints or removes them. */
function districtLevel(role: Role, adminScope: UserProfile['adminScope']): boolean {
  return role === 'department_staff' || role === 'district_staff' || (role === 'admin' && adminScope === 'district');
}

/**
 * Whether `actor` may act on `person` at all: an admin reaches the people of their street, a district admin
 * everyone. Street staff of no street (department and district staff) are reached by the district only.
 */
export function reachesPerson(actor: Actor, person: Pick<UserProfile, 'streetId'>): boolean {
  return adminCoversStreet(actor, person.streetId);
}

/** Throws unless `actor` may make this appointment: never above their own scope, never outside their street. */
export function assertMayAppoint(actor: Actor, a: Appointment): void {
  const scope = a.role === 'admin' ? a.adminScope : undefined;
  if (districtLevel(a.role, scope)) {
    if (actor.adminScope !== 'district') throw new DomainError('ROLE_ABOVE_SCOPE');
    return;
  }
  if (!('unit' in a) || !adminCoversStreet(actor, streetOfUnit(a.unit))) throw new DomainError('FORBIDDEN_SCOPE');
}

/** Throws unless `actor` may remove `role` from `person`. */
export function assertMayRemove(actor: Actor, person: Person, role: AppointableRole): void {
  if (districtLevel(role, person.adminScope)) {
    if (actor.adminScope !== 'district') throw new DomainError('ROLE_ABOVE_SCOPE');
    return;
  }
  if (!reachesPerson(actor, person)) throw new DomainError('FORBIDDEN_SCOPE');
}

/** Where an appointment places the person: the ids it sets on their profile. */
function placeOf(a: Appointment): Partial<Pick<UserProfile, 'streetId' | 'communityId' | 'gridId'>> {
  if (!('unit' in a)) return {};
  const { unit } = a;
  if (unit.kind === 'grid') return { streetId: unit.path[0], communityId: unit.path[1], gridId: unit._id };
  if (unit.kind === 'community') return { streetId: unit.path[0], communityId: unit._id };
  return { streetId: unit._id };
}

/**
 * The profile after the appointment. One person keeps one place (their street, community and grid are what every
 * scope check reads), so an appointment elsewhere than where they live or already work is refused
 * (ROLE_PLACE_CONFLICT) rather than silently moving them; a grid worker runs one grid.
 */
export function afterGrant<P extends Person>(person: P, a: Appointment): P {
  if (person.roles.includes(a.role)) throw new DomainError('ROLE_ALREADY_HELD');
  const place = placeOf(a);
  for (const [field, id] of Object.entries(place) as [keyof typeof place, string][]) {
    const current = person[field];
    if (current && current !== id) throw new DomainError('ROLE_PLACE_CONFLICT');
  }
  const next: P = { ...person, ...place, roles: [...person.roles, a.role] };
  if (a.role === 'department_staff') next.departmentId = a.departmentId;
  if (a.role === 'admin') next.adminScope = a.adminScope;
  return next;
}

/**
 * The profile after removing `role`. A grid worker who does not live in the grid is no longer placed in it; the
 * department and the admin scope go with their roles. The street and community stay: they are where the person is.
 */
export function afterRevoke<P extends Person>(person: P, role: AppointableRole): P {
  if (!person.roles.includes(role)) throw new DomainError('ROLE_NOT_HELD');
  const next: P = { ...person, roles: person.roles.filter((r) => r !== role) };
  if (role === 'grid_worker' && !person.buildingId) next.gridId = null;
  if (role === 'department_staff') delete next.departmentId;
  if (role === 'admin') delete next.adminScope;
  return next;
}

/** One 任免 as kept in `role_log`: who changed whose role, what, where, when and why. Never changed afterwards. */
export interface RoleChange {
  _id: string;
  change: 'grant' | 'revoke';
  role: AppointableRole;
  targetId: string;
  targetName: string;
  /** The street the change belongs to, for the street admin's log ('' for district-level roles). */
  streetId: string;
  unitId: string | null;
  departmentId: string | null;
  adminScope: 'street' | 'district' | null;
  /** The unit's or department's name (全区 for the district) as it was then. */
  scope: string;
  reason: string;
  by: string;
  byName: string;
  at: Date;
}
