import { rosterList } from '../../src/shared/contract/roster';
import { DomainError } from '../../src/shared/domain/errors';
import { disclose, rosterEntry } from '../../src/shared/domain/privacy';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _ } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { warmCached } from '../_lib/platform/warm-cache';
import { reachRoster, type RosterReach } from './access';
import type { RosterEntry } from './roster-docs';
import { unitsOf } from './import-residents';

/**
 * The community's buildings (the filter's choices) and its grids' names, as a warm instance keeps them for a
 * minute: names, not permissions.
 */
const placesOf = (communityId: string) =>
  warmCached(`roster-places:${communityId}`, 60_000, async () => {
    const units = (await unitsOf(communityId)).filter((u) => !u.retiredAt);
    const buildings = units
      .filter((u) => u.kind === 'building')
      .map((u) => ({ id: u._id, name: u.name, gridId: u.parentId ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
    return { buildings, gridNames: new Map(units.filter((u) => u.kind === 'grid').map((u) => [u._id, u.name])) };
  });

/** A roster entry as its viewer may see it: the phone in full for admins, 138****1001 for staff and grid workers. */
export function shown(e: RosterEntry, reach: RosterReach, gridNames: Map<string, string>) {
  return {
    id: e.key,
    name: e.name,
    phone: disclose({ name: e.name, phone: e.phone, room: e.room }, rosterEntry(reach)).phone,
    gridId: e.gridId,
    gridName: gridNames.get(e.gridId) ?? '',
    buildingId: e.buildingId,
    buildingName: e.buildingName,
    unit: e.unit,
    room: e.room,
    tags: e.tags,
    linked: e.userId !== null,
  };
}

/** 人口台账: the active import's entries in building / 单元 / room order, a page at a time (by the sort key). */
export const listRoster = defineHandler(rosterList, async (input, { user }) => {
  const reach = await reachRoster(user, input.communityId, { gridWorkers: true });
  const [head, { buildings, gridNames }, names] = await Promise.all([
    table('roster_heads').get(reach.communityId),
    placesOf(reach.communityId),
    cachedOrgNames([reach.communityId]),
  ]);
  // A grid worker reads only the entries of their grids in this community, and nothing of a community without one.
  const grids = reach.gridIds?.filter((id) => gridNames.has(id)) ?? null;
  if (grids && !grids.length) throw new DomainError('FORBIDDEN_SCOPE', '只能查看你所管网格的人口台账');
  const filterChoices = buildings.filter((b) => !grids || grids.includes(b.gridId)).map(({ id, name }) => ({ id, name }));
  const base = {
    communityId: reach.communityId,
    communityName: names.get(reach.communityId) ?? '',
    gridName: grids ? grids.map((id) => gridNames.get(id) ?? '').join('、') : null,
    buildings: filterChoices,
  };
  if (!head) return { ...base, items: [], nextAfter: null, total: 0, importedAt: null };
  const where: Query<RosterEntry> = { importId: head.activeImport };
  if (grids) where.gridId = grids.length === 1 ? grids[0] : _.in(grids);
  if (input.buildingId) where.buildingId = input.buildingId;
  if (input.tag) where.tags = input.tag;
  if (input.name) where.name = input.name;
  if (input.after) where.sortKey = _.gt(input.after);
  const docs = await table('roster_entries')
    .where(where)
    .orderBy('sortKey', 'asc')
    .limit(input.limit + 1)
    .get();
  const page = docs.slice(0, input.limit);
  return {
    ...base,
    items: page.map((e) => shown(e, reach, gridNames)),
    nextAfter: docs.length > input.limit ? page[page.length - 1].sortKey : null,
    total: grids ? grids.reduce((n, id) => n + (head.gridRows?.[id] ?? 0), 0) : head.rows,
    importedAt: new Date(head.importedAt).toISOString(),
  };
});
