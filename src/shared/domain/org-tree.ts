import { DomainError } from './errors';
import type { OrgKind, OrgPlace, OrgUnit, UserProfile } from './org';
import type { PetitionStatus } from './petition';
import type { WishStatus } from './wish';
import { adminCoversStreet, workGridsOf } from './scope';

/** What sits under each kind of unit: 街道 → 社区 → 网格 → 楼栋. */
export const childKindOf: Record<OrgKind, OrgKind | null> = { street: 'community', community: 'grid', grid: 'building', building: null };

export const orgKindLabels: Record<OrgKind, string> = { street: '街道', community: '社区', grid: '网格', building: '楼栋' };

/** The field of a person's or a case's place that names a unit of this kind. */
export const placeFieldOf = {
  street: 'streetId',
  community: 'communityId',
  grid: 'gridId',
  building: 'buildingId',
} as const satisfies Record<OrgKind, keyof OrgPlace>;

/** A case still open in the tree's counts: a wish not yet confirmed, rejected or cancelled; a petition not closed. */
export const openWishStatuses: readonly WishStatus[] = ['submitted', 'approved', 'claimed', 'in_service', 'done'];
export const openPetitionStatuses: readonly PetitionStatus[] = ['pending', 'accepted', 'council', 'verifying', 'resolved', 'review'];

/** The page a building's code opens (the join page of issue 13), with the building id as its scene. */
export const JOIN_PAGE = 'pages/join/index';

/** WeChat's limit on `scene` in wxacode.getUnlimited. */
export const SCENE_MAX = 32;

type Unit = Pick<OrgUnit, '_id' | 'kind' | 'path'>;
type Viewer = Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids' | 'adminScope'>;

/** The street a unit belongs to. */
export function streetOf(unit: Unit): string {
  return unit.kind === 'street' ? unit._id : unit.path[0];
}

export function isRetired(unit: Pick<OrgUnit, 'retiredAt'>): boolean {
  return Boolean(unit.retiredAt);
}

/** The unit and its ancestors. */
const lineOf = (unit: Unit) => [...unit.path, unit._id];

/**
 * Whether a person may see a unit in the tree: a grid worker their grids and their buildings, community staff
 * their community, street staff their street, an admin the street(s) they run.
 */
export function seesUnit(user: Viewer, unit: Unit): boolean {
  const line = lineOf(unit);
  if (adminCoversStreet(user, streetOf(unit))) return true;
  if (user.roles.includes('street_staff') && streetOf(unit) === user.streetId) return true;
  if (user.roles.includes('staff') && line.includes(user.communityId)) return true;
  return workGridsOf(user).some((gridId) => line.includes(gridId));
}

/** Whether a person may change a unit (create under it, rename, move, retire): an admin within reach. */
export function managesUnit(user: Viewer, unit: Unit): boolean {
  return adminCoversStreet(user, streetOf(unit));
}

/**
 * Whether a person may see and print a building's code: the community's staff, the grid's worker, an admin
 * within reach.
 */
export function printsCodesOf(user: Viewer, unit: Unit): boolean {
  const line = lineOf(unit);
  if (managesUnit(user, unit)) return true;
  if (user.roles.includes('staff') && line.includes(user.communityId)) return true;
  return workGridsOf(user).some((gridId) => line.includes(gridId));
}

/** Where a person's tree starts: every street for a district admin, else the widest unit their roles reach. */
export function treeRoots(user: Viewer): { kind: OrgKind; ids: string[] } | 'all-streets' {
  if (user.roles.includes('admin') && user.adminScope === 'district') return 'all-streets';
  if (user.roles.includes('admin') || user.roles.includes('street_staff')) return { kind: 'street', ids: [user.streetId] };
  if (user.roles.includes('staff')) return { kind: 'community', ids: [user.communityId] };
  return { kind: 'grid', ids: workGridsOf(user) };
}

/** Case-, width- and space-insensitive, so 「一号楼」 and 「 一号楼」 are the same name among siblings. */
export const normalName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function sameName(a: string, b: string): boolean {
  return normalName(a) === normalName(b);
}

/**
 * The scene of a building's code: its id, which must fit WeChat's 32 characters. Ids made by org.upsertUnit
 * (`b-` + 12 hex) and the seed's always do; one that does not gets no code rather than a wrong one.
 */
export function sceneOf(buildingId: string): string {
  if (buildingId.length > SCENE_MAX || !/^[\w-]+$/.test(buildingId))
    throw new DomainError('BAD_INPUT', '这栋楼的编号过长，无法生成楼栋码，请联系管理员');
  return buildingId;
}
