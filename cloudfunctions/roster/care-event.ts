import { careReportEvent } from '../../src/shared/contract/care';
import { hospitalDueAt, maxDischargeAheadDays } from '../../src/shared/domain/care';
import { DomainError } from '../../src/shared/domain/errors';
import { roomLabel } from '../../src/shared/domain/join';
import { rosterResidentId } from '../../src/shared/domain/roster';
import { addDays, dayCst } from '../../src/shared/domain/time';
import type { UserProfile } from '../../src/shared/domain/org';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { rosterPerson } from '../_lib/platform/on-behalf';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { CareEvent } from './care-docs';
import { assertCaresFor, hospitalLabel, householdIdOf } from './care-repo';

/** This call's event is already on record: a retry (answered from it). */
class AlreadyReported extends Error {}

type Home = Pick<
  CareEvent,
  'householdId' | 'streetId' | 'communityId' | 'gridId' | 'buildingId' | 'buildingName' | 'room' | 'name' | 'residentId' | 'rosterKey'
>;

/**
 * 大病回访: the grid worker of a home's grid or its community's staff report a hospital stay there (a few words, the
 * discharge day if known); a visit falls due 3 days after the discharge (or the report) and shows on 今日走访 with
 * the events of wishes and cases, until the next visit clears it. By household (the card of a tagged home) or by a
 * roster person (any home of the 人口台账); never at one's own home. The event's id comes from the requestId, so it
 * is its own retry record: a retry finds it and is answered from it.
 */
export const reportEvent = defineHandler(
  careReportEvent,
  async (input, { openid, user, requestId, request }) => {
    const now = new Date();
    const dischargedOn = input.dischargedOn ?? null;
    if (dischargedOn && dischargedOn > dayCst(addDays(now, maxDischargeAheadDays))) throw new DomainError('CARE_DISCHARGE_INVALID');
    const home = input.householdId ? await tagged(input.householdId, user) : await rostered(input.rosterKey!, user);
    const id = `${home.householdId}~hospital-${idForRequest(['care-event', openid, home.householdId], requestId, 16)}`;
    const event: CareEvent = {
      _id: id,
      ...home,
      kind: 'hospital',
      ref: openid,
      title: input.note,
      dueAt: hospitalDueAt(now, dischargedOn),
      createdAt: now,
    };
    const view = (e: CareEvent) => ({
      event: {
        id: e._id,
        householdId: e.householdId,
        reason: { kind: 'hospital' as const, label: hospitalLabel(e.title), dueAt: e.dueAt.toISOString() },
      },
    });
    const done = await transact(
      async (tx) => {
        await tableIn(tx, collections.careEvents)
          .add(event)
          .catch(() => {
            throw new AlreadyReported();
          });
        return event;
      },
      { busy: 'BUSY', record: { request, output: view, byEffect: true } },
    ).catch(async (error: unknown) => {
      if (!(error instanceof AlreadyReported)) throw error;
      const found = await table(collections.careEvents).get(id);
      if (!found || !requestId) throw new DomainError('BUSY');
      return found;
    });
    return view(done);
  },
  { record: 'inTransaction' },
);

/** A tagged home (its card): the organisers of it only, never one's own. */
async function tagged(householdId: string, user: UserProfile): Promise<Home> {
  const h = await table(collections.careHouseholds).get(householdId);
  if (!h) throw new DomainError('CARE_HOUSEHOLD_NOT_FOUND');
  assertCaresFor(user, h);
  const rosterKey = h.rosterKeys[0] ?? null;
  const { streetId, communityId, gridId, buildingId, buildingName, room } = h;
  return {
    householdId,
    ...{ streetId, communityId, gridId, buildingId, buildingName, room },
    name: h.names[0] ?? '',
    residentId: h.memberIds[0] ?? (rosterKey ? rosterResidentId(rosterKey) : ''),
    rosterKey,
  };
}

/** A person of the 人口台账 (rosterPerson: their grid's worker or community's staff), at their home — never one's own. */
async function rostered(key: string, user: UserProfile): Promise<Home> {
  const { entry, streetId } = await rosterPerson(key, user);
  const room = roomLabel(entry.unit, entry.room);
  const place = { communityId: entry.communityId, gridId: entry.gridId, buildingId: entry.buildingId, room };
  assertCaresFor(user, place);
  return {
    householdId: householdIdOf(entry.communityId, entry.buildingId, room),
    streetId,
    ...place,
    buildingName: entry.buildingName,
    name: entry.name,
    residentId: entry.userId ?? rosterResidentId(entry.key),
    rosterKey: entry.key,
  };
}
