import { careLogVisit } from '../../src/shared/contract/care';
import { careLimits, rhythmDueAt } from '../../src/shared/domain/care';
import { DomainError } from '../../src/shared/domain/errors';
import { assertOwnPhotos } from '../_lib/platform/files';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { _, collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { CareEvent, CareHousehold, CareVisit } from './care-docs';
import { assertCaresFor, householdView, rhythmOf, visitView } from './care-repo';

/** This call's visit is already on record: a retry (answered from it) or, with another requestId, impossible. */
class AlreadyLogged extends Error {}

/** A home known only from its events (nobody tagged it yet): the first visit puts it on record, untiered. */
function fromEvent(e: CareEvent, now: Date): CareHousehold {
  const { streetId, communityId, gridId, buildingId, buildingName, room, name, rosterKey } = e;
  return {
    _id: e.householdId,
    ...{ streetId, communityId, gridId, buildingId, buildingName, room },
    names: [name],
    rosterKeys: rosterKey ? [rosterKey] : [],
    memberIds: e.residentId.startsWith('roster:') ? [] : [e.residentId],
    tags: [],
    tier: null,
    reason: null,
    tierBy: null,
    tierAt: null,
    rhythmDays: null,
    lastVisitAt: null,
    visits: 0,
    dueAt: null,
    updatedAt: now,
  };
}

/**
 * 记录走访: the visit (note, photos, the home's building), the home's next rhythm visit counted from today, and the
 * events that asked for it cleared — by the grid worker of its grid or its community's staff, never at their own
 * home. The visit's id comes from the requestId and it names the call (`byEffect`): a retry finds it and is
 * answered as the home stands. The events are removed after the commit (one request); a crash in between leaves
 * them on 今日走访 until the next visit.
 */
export const logVisit = defineHandler(
  careLogVisit,
  async ({ householdId, note, photos }, { openid, user, requestId, request }) => {
    await assertOwnPhotos(openid, photos);
    const now = new Date();
    const events = await table(collections.careEvents).where({ householdId }).limit(careLimits.eventsPerHousehold).get();
    const visitId = `visit-${idForRequest(['care-visit', openid, householdId], requestId, 24)}`;
    const view = (r: { household: CareHousehold; visit: CareVisit }) => ({
      household: householdView(r.household, new Date()),
      visit: visitView(r.visit),
    });
    const done = await transact(
      async (tx) => {
        const households = tableIn(tx, collections.careHouseholds);
        const found = (await households.get(householdId)) ?? (events[0] ? fromEvent(events[0], now) : null);
        if (!found) throw new DomainError('CARE_HOUSEHOLD_NOT_FOUND');
        assertCaresFor(user, found);
        const rhythm = await rhythmOf(found.communityId);
        const visit: CareVisit = {
          _id: visitId,
          householdId,
          communityId: found.communityId,
          gridId: found.gridId,
          buildingId: found.buildingId,
          buildingName: found.buildingName,
          by: openid,
          byName: user.name,
          note,
          photos,
          at: now,
          requestId: requestId ?? null,
        };
        await tableIn(tx, collections.careVisits)
          .add(visit)
          .catch(() => {
            throw new AlreadyLogged();
          });
        const household: CareHousehold = {
          ...found,
          lastVisitAt: now,
          visits: found.visits + 1,
          dueAt: rhythmDueAt(found.tier, now, rhythm),
          rhythmDays: found.tier ? rhythm[found.tier] : null,
          updatedAt: now,
        };
        await households.set(householdId, fieldsOf(household));
        return { household, visit };
      },
      { busy: 'BUSY', record: { request, output: view, byEffect: true } },
    ).catch((error: unknown) => replayOf(error, visitId, householdId, requestId));
    if (events.length)
      await table(collections.careEvents)
        .where({ householdId, createdAt: _.lte(now) })
        .remove();
    return view(done);
  },
  { record: 'inTransaction' },
);

async function replayOf(error: unknown, visitId: string, householdId: string, requestId: string | undefined) {
  if (!(error instanceof AlreadyLogged)) throw error;
  const [visit, household] = await Promise.all([table(collections.careVisits).get(visitId), table(collections.careHouseholds).get(householdId)]);
  if (!visit || !household || !requestId || visit.requestId !== requestId) throw new DomainError('BUSY');
  return { household, visit };
}
