import { DomainError } from './errors';
import type { OrgUnit, UserProfile } from './org';
import type { Role } from './roles';
import { adminCoversStreet, workGridsOf } from './scope';

/**
 * 任免: the roles an admin appoints and removes. Residents, members and merchants get theirs through their own
 * flows (joining, 双报到, the merchant application), never here.
 */
export const appointableRoles = [
  'grid_worker',
  'staff',
  'street_staff',
  'department_staff',
  'district_staff',
  'supervisor',
  'admin',
  'owners_committee',
  'property_rep',
] as const;
/** The two parties of 三方议事 besides the community: appointed to a community, optionally to one 小区 of it. */
export const councilRoles = ['owners_committee', 'property_rep'] as const satisfies readonly AppointableRole[];
export type AppointableRole = (typeof appointableRoles)[number];

/** The org unit each street-level role is appointed to. Department, district staff, district admins and supervisors have none. */
export const unitKindOf = {
  grid_worker: 'grid',
  staff: 'community',
  street_staff: 'street',
  supervisor: 'street',
  admin: 'street',
  owners_committee: 'community',
  property_rep: 'community',
} as const satisfies Partial<Record<AppointableRole, OrgUnit['kind']>>;

/** What one appointment is: a role, and where (a unit, a department, or the admin's scope). */
export type Appointment =
  | { role: 'grid_worker' | 'staff' | 'street_staff'; unit: OrgUnit }
  /** 业委会委员 / 物业代表: of a community, or of one 小区 in it (`estate`, its name; null: the whole community). */
  | { role: 'owners_committee' | 'property_rep'; unit: OrgUnit; estate: string | null }
  | { role: 'admin'; unit: OrgUnit; adminScope: 'street' }
  | { role: 'admin'; adminScope: 'district' }
  | { role: 'department_staff'; departmentId: string }
  | { role: 'district_staff' }
  /** 督办员: of a street (appointed to it), or of the whole district (no unit). */
  | { role: 'supervisor'; unit: OrgUnit }
  | { role: 'supervisor' };

type Actor = Pick<UserProfile, 'roles' | 'streetId' | 'adminScope'> & Partial<Pick<UserProfile, 'communityId'>>;

const isCouncilRole = (role: Role): boolean => (councilRoles as readonly Role[]).includes(role);

/**
 * 三方议事's seats are the community's to fill: its staff appoint and remove 业委会委员 and 物业代表 of their own
 * community (and its people), as an admin of the street may. Nothing else is theirs to appoint.
 */
function staffSeats(actor: Actor, role: Role, communityId: string | null | undefined): boolean {
  return isCouncilRole(role) && actor.roles.includes('staff') && !!communityId && actor.communityId === communityId;
}
type Person = Pick<
  UserProfile,
  | '_id'
  | 'roles'
  | 'streetId'
  | 'communityId'
  | 'gridId'
  | 'workGrids'
  | 'buildingId'
  | 'departmentId'
  | 'adminScope'
  | 'supervisorScope'
  | 'councilEstate'
>;

/** The street a unit belongs to (a street is its own). */
export function streetOfUnit(unit: Pick<OrgUnit, '_id' | 'kind' | 'path'>): string {
  return unit.kind === 'street' ? unit._id : (unit.path[0] ?? '');
}

/**
 * Roles that work for the whole district: only a district admin appoints or removes them. `scope` is the admin's
 * or the supervisor's reach (street or district).
 */
export function districtLevel(role: Role, scope: 'street' | 'district' | undefined): boolean {
  return role === 'department_staff' || role === 'district_staff' || ((role === 'admin' || role === 'supervisor') && scope === 'district');
}

/** The reach a role of `person` has, for `districtLevel`: an admin's or a supervisor's scope. */
export function scopeOfRole(person: Pick<UserProfile, 'adminScope' | 'supervisorScope'>, role: Role): 'street' | 'district' | undefined {
  if (role === 'admin') return person.adminScope;
  if (role === 'supervisor') return person.supervisorScope ?? 'street';
  return undefined;
}

/**
 * Whether `actor` may act on `person` at all: an admin reaches the people of their street, a district admin
 * everyone. Street staff of no street (department and district staff) are reached by the district only.
 */
export function reachesPerson(actor: Actor, person: Pick<UserProfile, 'streetId' | 'communityId'>, role?: Role): boolean {
  return adminCoversStreet(actor, person.streetId) || (role !== undefined && staffSeats(actor, role, person.communityId));
}

/** Throws unless `actor` may make this appointment: never above their own scope, never outside their street. */
export function assertMayAppoint(actor: Actor, a: Appointment): void {
  const scope = a.role === 'admin' ? a.adminScope : a.role === 'supervisor' ? ('unit' in a ? 'street' : 'district') : undefined;
  if (districtLevel(a.role, scope)) {
    if (actor.adminScope !== 'district') throw new DomainError('ROLE_ABOVE_SCOPE');
    return;
  }
  if ('unit' in a && staffSeats(actor, a.role, a.unit.kind === 'community' ? a.unit._id : null)) return;
  if (!('unit' in a) || !adminCoversStreet(actor, streetOfUnit(a.unit))) throw new DomainError('FORBIDDEN_SCOPE');
}

/** Throws unless `actor` may remove `role` from `person`. */
export function assertMayRemove(actor: Actor, person: Person, role: AppointableRole): void {
  if (districtLevel(role, scopeOfRole(person, role))) {
    if (actor.adminScope !== 'district') throw new DomainError('ROLE_ABOVE_SCOPE');
    return;
  }
  if (!reachesPerson(actor, person, role)) throw new DomainError('FORBIDDEN_SCOPE');
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
 * The profile after the appointment. One person keeps one place (their street, community and grid are where they
 * live, what most scope checks read), so an appointment elsewhere than where they live or already work is refused
 * (ROLE_PLACE_CONFLICT) rather than silently moving them. A grid worker works one or more grids of their street:
 * appointing them to another grid adds it to `workGrids` (their community and grid stay where they live, or
 * become the first grid's when they had none).
 */
export function afterGrant<P extends Person>(person: P, a: Appointment): P {
  if (a.role === 'grid_worker') return addWorkGrid(person, a.unit);
  if (person.roles.includes(a.role)) throw new DomainError('ROLE_ALREADY_HELD');
  const place = placeOf(a);
  for (const [field, id] of Object.entries(place) as [keyof typeof place, string][]) {
    const current = person[field];
    if (current && current !== id) throw new DomainError('ROLE_PLACE_CONFLICT');
  }
  const next: P = { ...person, ...place, roles: [...person.roles, a.role] };
  if (a.role === 'department_staff') next.departmentId = a.departmentId;
  if (a.role === 'admin') next.adminScope = a.adminScope;
  if (a.role === 'supervisor') next.supervisorScope = 'unit' in a ? 'street' : 'district';
  if (a.role === 'owners_committee' || a.role === 'property_rep') assignEstate(next, person, a.estate);
  return next;
}

function addWorkGrid<P extends Person>(person: P, grid: OrgUnit): P {
  const grids = workGridsOf(person);
  if (grids.includes(grid._id)) throw new DomainError('ROLE_ALREADY_HELD');
  const place = placeOf({ role: 'grid_worker', unit: grid });
  if (person.streetId && person.streetId !== place.streetId) throw new DomainError('ROLE_PLACE_CONFLICT');
  const roles = person.roles.includes('grid_worker') ? person.roles : [...person.roles, 'grid_worker' as const];
  return {
    ...person,
    streetId: place.streetId ?? person.streetId,
    communityId: person.communityId || (place.communityId ?? ''),
    gridId: person.gridId ?? grid._id,
    roles,
    workGrids: [...grids, grid._id],
  };
}

/**
 * The profile after removing `role`. For a grid worker, `gridId` removes that one grid (the role goes when none is
 * left); without it every grid goes. A grid worker who does not live in a grid is no longer placed in it (they are
 * placed in their first remaining grid, or none); the department and the admin scope go with their roles. The
 * street and community stay: they are where the person is.
 */
export function afterRevoke<P extends Person>(person: P, role: AppointableRole, gridId?: string | null): P {
  if (!person.roles.includes(role)) throw new DomainError('ROLE_NOT_HELD');
  if (role === 'grid_worker') {
    const grids = workGridsOf(person);
    if (gridId && !grids.includes(gridId)) throw new DomainError('ROLE_NOT_HELD');
    const left = gridId ? grids.filter((g) => g !== gridId) : [];
    const next: P = { ...person, workGrids: left };
    if (!left.length) next.roles = person.roles.filter((r) => r !== role);
    if (!person.buildingId && (!person.gridId || !left.includes(person.gridId))) next.gridId = left[0] ?? null;
    return next;
  }
  const next: P = { ...person, roles: person.roles.filter((r) => r !== role) };
  if (role === 'department_staff') delete next.departmentId;
  if (role === 'admin') delete next.adminScope;
  if (role === 'supervisor') delete next.supervisorScope;
  if (!next.roles.some((r) => (councilRoles as readonly string[]).includes(r))) delete next.councilEstate;
  return next;
}

/**
 * One person sits in 三方议事 for one place: a second council role (业委会 and 物业 both) must be for the same 小区
 * (or both for the whole community), else ROLE_PLACE_CONFLICT.
 */
function assignEstate(next: Pick<UserProfile, 'councilEstate'>, person: Person, estate: string | null): void {
  const held = person.roles.some((r) => (councilRoles as readonly string[]).includes(r));
  if (held && (person.councilEstate ?? null) !== estate) throw new DomainError('ROLE_PLACE_CONFLICT');
  if (estate) next.councilEstate = estate;
  else delete next.councilEstate;
}

/** One 任免 as kept in `role_log`: who changed whose role, what, where, when and why. Never changed afterwards. */
export interface RoleChange {
  _id: string;
  change: 'grant' | 'revoke';
  /** `member` is granted by 党员报到 review (member.reviewReport), never by 任免. */
  role: AppointableRole | 'member';
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
