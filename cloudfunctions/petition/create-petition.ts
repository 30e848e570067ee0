import { petitionCreate, type ParsedInput } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { roomLabel } from '../../src/shared/domain/join';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertMayFileAt, assertMayFileFor } from '../../src/shared/domain/petition-rules';
import { loadUser } from '../_lib/actor';
import { assertPublishable } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { cachedOrgNames } from '../_lib/org';
import { collections } from '../_lib/runtime';
import { transact } from '../_lib/transact';
import { table } from '../_lib/typed-db';
import type { RosterEntry } from '../roster/roster-docs';
import { assignedNotices, holdersOf } from './notices';
import { newPetition, type Place, type Reporter } from './new-petition';
import { cachedPetitionCategories, cachedSettings } from './petition-repo';
import { toView } from './petition-view';

type Input = ParsedInput<'petition.create'>;

// 日收集: a resident reports a problem (or a grid worker files it for one of their grid without a phone: 红色代办,
// placed in that grid); it lands at the grid of the place it is in, or at the community when that place has no grid.
export const createPetition = defineHandler(
  petitionCreate,
  async (input, { openid, user, requestId, request }) => {
    const proxy = input.onBehalfOf;
    const staffForRoster = proxy?.rosterKey !== undefined && user.roles.includes('staff');
    if (proxy && !user.roles.includes('grid_worker') && !staffForRoster) throw new DomainError('FORBIDDEN_ROLE', '只有网格员和社区工作人员可以代办');
    // A person of the 人口台账 is filed for at their own building: the roster says where they live.
    const rostered = proxy?.rosterKey !== undefined ? await rosterPerson(proxy.rosterKey, user) : null;
    const [categories, reporter, place] = await Promise.all([
      cachedPetitionCategories(),
      rostered ? rosterReporter(rostered.entry, user) : reporterOf(input, user),
      rostered ? rosterPlace(rostered, input.location) : placeOf(input.location, user),
    ]);
    if (reporter.filedById) assertMayFileAt(user, place);
    const category = categories.find((c) => c._id === input.categoryId);
    if (!category) throw new DomainError('PETITION_CATEGORY_NOT_FOUND');
    const verdict = await assertPublishable(openid, input.description, input.photos);
    const { ladder } = await cachedSettings(place.streetId);
    const petition = newPetition({ input, place, reporter, category, verdict, ladder, by: user, requestId });
    const holders = await holdersOf(petition.level, petition);
    // A retry after success finds its case (same id) already there and replays the first reply.
    return transact(
      async (tx, unit) => {
        await tx.collection(collections.petitions).add({ data: petition });
        await unit.notify(assignedNotices(holders, petition, reporter.filedById ? '红色代办：新诉求' : '新诉求'));
        return { petition: await toView(petition, user) };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/**
 * 红色代办 for a person of the caller's community roster (the import its head names), by the entry's stable key.
 * Only the grid worker of that person's grid or the community's staff may file for them (FORBIDDEN_SCOPE, with
 * nothing of the person in the reply, for anyone else).
 */
async function rosterPerson(key: string, user: UserProfile): Promise<{ entry: RosterEntry; streetId: string }> {
  const head = await table(collections.rosterHeads).get(user.communityId);
  const [entry] = head ? await table(collections.rosterEntries).where({ importId: head.activeImport, key }).limit(1).get() : [];
  if (!head || !entry) throw new DomainError('NOT_FOUND', '台账里没有这位居民，请刷新后重新选择');
  assertMayFileFor(user, {
    _id: entry.userId ?? `roster:${entry.key}`,
    streetId: head.streetId,
    communityId: entry.communityId,
    gridId: entry.gridId,
    buildingId: entry.buildingId,
  });
  return { entry, streetId: head.streetId };
}

/**
 * Where a roster person's case is placed: where the roster in force has them — its building and grid, the
 * same place the filer's reach was checked against — so nothing more is read than the grid's name (kept warm).
 * The import checked every building against the community's tree; a building moved to another grid since is
 * placed as the roster has it until the next import (as the roster lists and reaches them).
 */
async function rosterPlace({ entry, streetId }: { entry: RosterEntry; streetId: string }, asked: Input['location']): Promise<Place> {
  const gridName = (await cachedOrgNames([entry.gridId])).get(entry.gridId) ?? null;
  return {
    streetId,
    communityId: entry.communityId,
    gridId: entry.gridId,
    buildingId: entry.buildingId,
    gridName,
    location: { buildingName: entry.buildingName, detail: (asked.kind === 'building' && asked.detail) || null, point: null },
  };
}

/** The roster person as reporter: themselves once they joined, else the roster's name, phone and room, linked by key. */
async function rosterReporter(entry: RosterEntry, user: UserProfile): Promise<Reporter> {
  const filed = { filedById: user._id, filedByName: user.name, rosterKey: entry.key };
  const resident = entry.userId ? await loadUser(entry.userId) : null;
  if (resident)
    return {
      reporterId: resident._id,
      reporterName: resident.name,
      reporterPhone: resident.phone,
      reporterRoom: resident.room,
      reporterIsResident: resident.roles.includes('resident'),
      ...filed,
    };
  const room = roomLabel(entry.unit, entry.room);
  return { reporterId: null, reporterName: entry.name, reporterPhone: entry.phone, reporterRoom: room || null, reporterIsResident: false, ...filed };
}

/** The caller, or for 红色代办 a registered resident of the caller's grid, or just a name and phone. */
async function reporterOf(input: Input, user: UserProfile): Promise<Reporter> {
  const proxy = input.onBehalfOf;
  if (!proxy)
    return {
      reporterId: user._id,
      reporterName: user.name,
      reporterPhone: user.phone,
      reporterRoom: user.room,
      reporterIsResident: user.roles.includes('resident'),
      rosterKey: null,
      filedById: null,
      filedByName: null,
    };
  const filed = { filedById: user._id, filedByName: user.name, rosterKey: null };
  if (!proxy.residentId)
    return {
      reporterId: null,
      reporterName: proxy.name!,
      reporterPhone: proxy.phone ?? null,
      reporterRoom: null,
      reporterIsResident: false,
      ...filed,
    };
  const resident = await loadUser(proxy.residentId);
  if (!resident) throw new DomainError('NOT_FOUND', '没有找到这位居民');
  assertMayFileFor(user, resident);
  return {
    reporterId: resident._id,
    reporterName: resident.name,
    reporterPhone: resident.phone,
    reporterRoom: resident.room,
    reporterIsResident: resident.roles.includes('resident'),
    ...filed,
  };
}

/** A building of the caller's community places the case in that building's grid; a map point, in the caller's own. */
async function placeOf(location: Input['location'], user: UserProfile): Promise<Place> {
  if (location.kind === 'point') {
    const names = await cachedOrgNames([user.gridId]);
    const gridName = user.gridId ? (names.get(user.gridId) ?? null) : null;
    return {
      streetId: user.streetId,
      communityId: user.communityId,
      gridId: user.gridId,
      buildingId: null,
      gridName,
      location: { buildingName: null, detail: null, point: location.point },
    };
  }
  const res = await table(collections.orgUnits).where({ _id: location.buildingId }).limit(1).get();
  const building = res[0];
  if (!building || building.kind !== 'building' || !building.path.includes(user.communityId)) throw new DomainError('PETITION_PLACE_INVALID');
  const gridId = building.parentId;
  const gridName = gridId ? ((await cachedOrgNames([gridId])).get(gridId) ?? null) : null;
  return {
    streetId: building.path[0] ?? user.streetId,
    communityId: user.communityId,
    gridId,
    buildingId: building._id,
    gridName,
    location: { buildingName: building.name, detail: location.detail || null, point: null },
  };
}
