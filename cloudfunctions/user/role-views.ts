import { districtLevel, scopeOfRole, type AppointableRole, type RoleChange } from '../../src/shared/domain/appointment';
import type { UserProfile } from '../../src/shared/domain/org';
import { appointee, disclose } from '../../src/shared/domain/privacy';
import { workGridsOf } from '../../src/shared/domain/scope';
import { cachedOrgNames } from '../_lib/platform/org';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

type Names = Map<string, string>;

/** 梧桐社区 · 第一网格; a street's name for those above the community; 职能部门 / 区级 for those of no street. */
function placeText(p: UserProfile, names: Names): string {
  const local = [p.communityId, p.gridId].map((id) => (id ? names.get(id) : undefined)).filter(Boolean);
  if (local.length) return local.join(' · ');
  if (p.streetId) return names.get(p.streetId) ?? '';
  if (p.roles.includes('department_staff')) return '职能部门';
  return p.roles.includes('district_staff') || p.adminScope === 'district' || p.supervisorScope === 'district' ? '区级' : '';
}

const placeIds = (p: UserProfile) => [p.streetId, p.communityId, p.gridId, ...workGridsOf(p)];

/** People as an admin sees them when appointing: the name and a masked phone (privacy.ts `appointee`). */
export async function holderViews(viewer: UserProfile, people: readonly UserProfile[]) {
  const names = await cachedOrgNames(people.flatMap(placeIds));
  return people.map((p) => {
    const { workGridIds, ...view } = changedView(viewer, p);
    return { ...view, place: placeText(p, names), workGrids: workGridIds.map((id) => ({ id, name: names.get(id) ?? '' })) };
  });
}

/** The person a change was made to, without their place (the picker showed it; reading names again costs a request). */
export function changedView(viewer: UserProfile, p: UserProfile) {
  const shown = disclose({ name: p.name, phone: p.phone, room: null }, appointee(viewer, p));
  return { id: p._id, name: shown.name, phone: shown.phone ?? '', roles: p.roles, workGridIds: workGridsOf(p) };
}

export const entryView = (e: RoleChange) => ({
  id: e._id,
  change: e.change,
  role: e.role,
  targetId: e.targetId,
  targetName: e.targetName,
  scope: e.scope,
  reason: e.reason,
  byName: e.byName,
  at: new Date(e.at).toISOString(),
});

/** The post a person holds in `role`: where, for the log of its removal (a grid worker's: the grid removed, or all). */
export function heldPost(p: UserProfile, role: AppointableRole, gridId?: string) {
  const district = districtLevel(role, scopeOfRole(p, role));
  const street = role === 'street_staff' || role === 'admin' || role === 'supervisor';
  const unitId =
    role === 'grid_worker'
      ? (gridId ?? null)
      : role === 'staff' || role === 'owners_committee' || role === 'property_rep'
        ? p.communityId
        : street
          ? p.streetId
          : null;
  // Every grid goes at once (a revoke without a grid): the log names them all, and keeps the grid only if there was one.
  const grids = role === 'grid_worker' ? (gridId ? [gridId] : workGridsOf(p)) : [];
  return {
    district,
    unitId: district ? null : (unitId ?? (grids.length === 1 ? grids[0] : null)) || null,
    unitIds: grids.length ? grids : unitId ? [unitId] : [],
    departmentId: role === 'department_staff' ? (p.departmentId ?? null) : null,
  };
}

/** The name the log keeps for a post: its unit's or department's, 全区 for the district. */
export async function scopeName(post: ReturnType<typeof heldPost>): Promise<string> {
  if (post.departmentId) return String((await table(collections.departments).get(post.departmentId))?.name ?? '');
  if (post.district) return '全区';
  const ids = post.unitIds;
  if (!ids.length) return '';
  const names = await cachedOrgNames(ids);
  return ids.map((id) => names.get(id) ?? '').join('、');
}
