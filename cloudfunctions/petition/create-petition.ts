import { petitionCreate, type ParsedInput } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { roomLabel } from '../../src/shared/domain/join';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertMayFileAt } from '../../src/shared/domain/petition-rules';
import { rosterResidentId } from '../../src/shared/domain/roster';
import { loadUser } from '../_lib/platform/actor';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { parentOfHelper, residentFiledFor, rosterPerson } from '../_lib/platform/on-behalf';
import { careEventOf, carryCareEvent } from '../_lib/platform/care-events';
import { cachedOrgNames } from '../_lib/platform/org';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
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
    // A helper (代办人) files for their parent; a grid worker or community staff for a person of their place; only a
    // grid worker files for someone by name alone (a person on no list).
    const organiser = user.roles.includes('grid_worker') || (user.roles.includes('staff') && !proxy?.name);
    if (proxy && !proxy.helperBinding && !organiser) throw new DomainError('FORBIDDEN_ROLE', '只有网格员、社区工作人员和代办人可以代办');
    // Staff are admitted to file for others; a case of one's own is a resident's (or, as before, a grid worker's).
    if (!proxy && !user.roles.includes('resident') && !user.roles.includes('grid_worker')) throw new DomainError('FORBIDDEN_ROLE');
    // A person of the 人口台账, or a helper's parent, is filed for at their own home: the roster or their profile
    // says where they live.
    const rostered = proxy?.rosterKey !== undefined ? await rosterPerson(proxy.rosterKey, user) : null;
    const parent = proxy?.helperBinding ? await parentOfHelper(proxy.helperBinding, user) : null;
    // A registered resident (a visit's 发现问题) is filed for at the place given, else at their home.
    const resident = proxy?.residentId ? await residentFiledFor(proxy.residentId, user) : null;
    const detail = input.location?.kind === 'building' ? input.location.detail : undefined;
    const home = (p: UserProfile | null) => (p?.buildingId ? ({ kind: 'building', buildingId: p.buildingId, detail } as const) : undefined);
    const location = parent?.buildingId ? home(parent) : (input.location ?? home(resident));
    if (!rostered && !location) throw new DomainError('PETITION_PLACE_INVALID');
    const [categories, reporter, place] = await Promise.all([
      cachedPetitionCategories(),
      rostered
        ? rosterReporter(rostered.entry, user)
        : parent
          ? { ...asReporter(parent), filedById: user._id, filedByName: user.name, rosterKey: null, filedAs: 'helper' as const }
          : reporterOf(input, user, resident),
      rostered ? rosterPlace(rostered, detail) : placeOf(location!, parent ?? resident ?? user),
    ]);
    if (reporter.filedById && !parent) assertMayFileAt(user, place);
    const category = categories.find((c) => c._id === input.categoryId);
    if (!category) throw new DomainError('PETITION_CATEGORY_NOT_FOUND');
    const verdict = await assertPublishable(openid, input.description, input.photos);
    const { ladder } = await cachedSettings(place.streetId);
    const petition = newPetition({ input, place, reporter, category, verdict, ladder, by: user, requestId });
    const holders = await holdersOf(petition.level, petition);
    // 困难必访: a case about hardship at the reporter's home puts it on the grid worker's 今日走访, due in two days. The
    // event rides in the call's retry record (the `inbox` timer writes it within a minute): a case filed by proxy
    // needs all 8 requests for itself (caller, the roster's head and entry, start, the case, the record, commit,
    // the notice's outcome), and a minute's wait on a visit due in days costs nobody anything.
    const care = careEventOf({
      kind: 'petition',
      categoryName: category.name,
      ref: petition._id,
      title: input.description,
      place: { ...place, buildingName: place.location.buildingName },
      room: petition.reporterRoom ?? null,
      name: petition.reporterName,
      residentId: petition.reporterId ?? (petition.rosterKey ? rosterResidentId(petition.rosterKey) : ''),
      rosterKey: petition.rosterKey ?? null,
      at: petition.createdAt,
    });
    // A retry after success finds its case (same id) already there and replays the first reply.
    return transact(
      async (tx, unit) => {
        await tx.collection(collections.petitions).add({ data: petition });
        carryCareEvent(unit, care);
        await unit.notify(assignedNotices(holders, petition, reporter.filedById ? '红色代办：新诉求' : '新诉求'));
        return { petition: await toView(petition, user) };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/**
 * Where a roster person's case is placed: where the roster in force has them — its building and grid, the
 * same place the filer's reach was checked against — so nothing more is read than the grid's name (kept warm).
 * The import checked every building against the community's tree; a building moved to another grid since is
 * placed as the roster has it until the next import (as the roster lists and reaches them).
 */
async function rosterPlace({ entry, streetId }: { entry: RosterEntry; streetId: string }, detail: string | undefined): Promise<Place> {
  const gridName = (await cachedOrgNames([entry.gridId])).get(entry.gridId) ?? null;
  return {
    streetId,
    communityId: entry.communityId,
    gridId: entry.gridId,
    buildingId: entry.buildingId,
    gridName,
    location: { buildingName: entry.buildingName, detail: detail || null, point: null },
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
async function reporterOf(input: Input, user: UserProfile, resident: UserProfile | null): Promise<Reporter> {
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
  if (resident) return { ...asReporter(resident), ...filed };
  return {
    reporterId: null,
    reporterName: proxy.name!,
    reporterPhone: proxy.phone ?? null,
    reporterRoom: null,
    reporterIsResident: false,
    ...filed,
  };
}

function asReporter(resident: UserProfile) {
  return {
    reporterId: resident._id,
    reporterName: resident.name,
    reporterPhone: resident.phone,
    reporterRoom: resident.room,
    reporterIsResident: resident.roles.includes('resident'),
  };
}

/**
 * A building of the community of `user` (the caller, or the parent a helper files for) places the case in that
 * building's grid; a map point, in their own. Another building than their home is read (is it one, and theirs?).
 */
async function placeOf(location: NonNullable<Input['location']>, user: UserProfile): Promise<Place> {
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
  // Their own home (a helper's parent always files there): the profile, read fresh with the call and moved with
  // its building (org upsert-unit moveBelow), says where it sits, as a wish is placed; only names come warm.
  if (location.buildingId === user.buildingId && user.gridId) {
    const names = await cachedOrgNames([user.gridId, user.buildingId]);
    return {
      streetId: user.streetId,
      communityId: user.communityId,
      gridId: user.gridId,
      buildingId: user.buildingId,
      gridName: names.get(user.gridId) ?? null,
      location: { buildingName: names.get(user.buildingId) ?? null, detail: location.detail || null, point: null },
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
