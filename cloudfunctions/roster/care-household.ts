import { careCoverage, careHousehold } from '../../src/shared/contract/care';
import { DomainError } from '../../src/shared/domain/errors';
import { roomLabel } from '../../src/shared/domain/join';
import { endOfTodayCst } from '../../src/shared/domain/care';
import { monthOf, monthRange, startOfDayCst } from '../../src/shared/domain/time';
import { worksGrid } from '../../src/shared/domain/scope';
import { defineHandler } from '../_lib/platform/handler';
import { rosterPerson } from '../_lib/platform/on-behalf';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { unitsOf } from './import-residents';
import { assertSeesCare, householdIdOf, householdView, visitView } from './care-repo';

const recentVisits = 10;

/**
 * 走访卡片: a home's tier, reason, next visit and its last visits — for the grid worker of its grid and its
 * community's staff (by household, or by a roster person, as from the roster list), and for the household itself
 * (no arguments: one's own home). Anyone else is told there is no such card.
 */
export const household = defineHandler(careHousehold, async (input, { user }) => {
  const id = input.householdId ?? (input.rosterKey ? await viaRoster(input.rosterKey, user) : ownHome(user));
  if (!id) return { household: null, recent: [] };
  const [found, visits] = await Promise.all([
    table(collections.careHouseholds).get(id),
    table(collections.careVisits).where({ householdId: id }).orderBy('at', 'desc').limit(recentVisits).get(),
  ]);
  if (!found) {
    if (input.householdId) throw new DomainError('CARE_HOUSEHOLD_NOT_FOUND');
    return { household: null, recent: [] };
  }
  assertSeesCare(user, found);
  const view = householdView(found, new Date());
  // Whom to file for is the organisers' business: the household's own card names nobody by id.
  const organiser = worksGrid(user, found.gridId) || (user.roles.includes('staff') && user.communityId === found.communityId);
  return { household: organiser ? view : { ...view, residentId: null }, recent: visits.map(visitView) };
});

function ownHome(user: Parameters<typeof assertSeesCare>[0]): string | null {
  return user.buildingId && user.room ? householdIdOf(user.communityId, user.buildingId, user.room) : null;
}

async function viaRoster(key: string, user: Parameters<typeof assertSeesCare>[0]): Promise<string> {
  const { entry } = await rosterPerson(key, user);
  return householdIdOf(entry.communityId, entry.buildingId, roomLabel(entry.unit, entry.room));
}

/**
 * 走访覆盖: per grid of the staff member's community, the visits that fall due today and those overdue (before
 * today) — homes by their rhythm and events (a wish, a case, a hospital stay) by theirs, `events` saying how many
 * of them are events — and the visits logged this month (whatever brought them). Five grouped counts and the grids'
 * names (kept warm): no list of homes. A home due by its rhythm and an event at once counts twice: one visit
 * settles both.
 */
export const coverage = defineHandler(careCoverage, async (_input, { user }) => {
  const communityId = user.communityId;
  const now = new Date();
  const today = startOfDayCst(now);
  const month = monthOf(now);
  const households = table(collections.careHouseholds);
  const events = table(collections.careEvents);
  const dueToday = _.and(_.gte(today), _.lt(endOfTodayCst(now)));
  const [due, overdue, eventsDue, eventsOverdue, done, units] = await Promise.all([
    households.countBy({ communityId, dueAt: dueToday }, 'gridId'),
    households.countBy({ communityId, dueAt: _.lt(today) }, 'gridId'),
    events.countBy({ communityId, dueAt: dueToday }, 'gridId'),
    events.countBy({ communityId, dueAt: _.lt(today) }, 'gridId'),
    table(collections.careVisits).countBy({ communityId, at: _.gte(monthRange(month).start) }, 'gridId'),
    unitsOf(communityId),
  ]);
  const grids = units.filter((u) => u.kind === 'grid' && !u.retiredAt);
  const n = (counts: Map<string, number>, gridId: string) => counts.get(gridId) ?? 0;
  return {
    month,
    grids: grids.map((g) => ({
      gridId: g._id,
      gridName: g.name,
      due: n(due, g._id) + n(eventsDue, g._id),
      done: n(done, g._id),
      overdue: n(overdue, g._id) + n(eventsOverdue, g._id),
      events: n(eventsDue, g._id) + n(eventsOverdue, g._id),
    })),
  };
});
