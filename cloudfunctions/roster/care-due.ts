import type { z } from 'zod';
import { careDueVisits, type careDueItemSchema } from '../../src/shared/contract/care';
import { careLimits, careTierNames, daysOverdue, dueState, endOfTodayCst } from '../../src/shared/domain/care';
import { DomainError } from '../../src/shared/domain/errors';
import { workGridsOf } from '../../src/shared/domain/scope';
import { dayCst } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import type { CareEvent, CareHousehold } from './care-docs';
import { hospitalLabel, householdView } from './care-repo';

type DueItem = z.input<typeof careDueItemSchema>;

/** The event's person when they have an account (a roster person not yet joined is `roster:<key>`). */
const registered = (e: CareEvent) => (e.residentId && !e.residentId.startsWith('roster:') ? e.residentId : null);

const eventLabel = (e: CareEvent) => (e.kind === 'hospital' ? hospitalLabel(e.title) : `${e.kind === 'wish' ? '心愿' : '诉求'}「${e.title}」后回访`);

/** An event's household when it has no rhythm visit due today: known from the event alone, its tier not shown. */
function fromEvent(e: CareEvent, now: Date): DueItem {
  return {
    id: e.householdId,
    gridId: e.gridId,
    buildingName: e.buildingName,
    room: e.room,
    names: [e.name],
    rosterKey: e.rosterKey,
    residentId: registered(e),
    tier: null,
    reason: null,
    suggested: null,
    lastVisitAt: null,
    dueAt: e.dueAt.toISOString(),
    state: dueState(e.dueAt, now),
    visits: 0,
    reasons: [],
    daysOverdue: 0,
  };
}

/**
 * 今日走访: the homes of the grid worker's grids whose visit falls due by the end of today, overdue first, a page at
 * a time (offset). Events (a wish in 助老/就医, a petition about hardship) come with the first page as soon as they
 * happen, with the day they are due by: they are few, each visit clears its home's. Three requests: the caller, the homes, the events.
 */
export const dueVisits = defineHandler(careDueVisits, async ({ offset, limit }, { user }) => {
  const grids = workGridsOf(user);
  if (!grids.length) throw new DomainError('FORBIDDEN_SCOPE', '只有网格员可以查看今日走访');
  const now = new Date();
  const end = endOfTodayCst(now);
  const gridId = grids.length === 1 ? grids[0] : _.in(grids);
  const [homes, events] = await Promise.all([
    table(collections.careHouseholds)
      .where({ gridId, dueAt: _.lt(end) })
      .orderBy('dueAt', 'asc')
      .skip(offset)
      .limit(limit + 1)
      .get(),
    offset === 0 ? table(collections.careEvents).where({ gridId }).orderBy('dueAt', 'asc').limit(careLimits.eventsShown).get() : Promise.resolve([]),
  ]);
  const page = homes.slice(0, limit);
  const items = new Map<string, DueItem>(page.map((h) => [h._id, withRhythm(h, now)]));
  for (const e of events) {
    const item = items.get(e.householdId) ?? fromEvent(e, now);
    // 发现问题 files for someone of the home: a tagged home without one learns them from its event.
    item.rosterKey ??= e.rosterKey;
    item.residentId ??= registered(e);
    item.reasons.push({ kind: e.kind, label: eventLabel(e), dueAt: e.dueAt.toISOString() });
    if (!item.dueAt || e.dueAt.toISOString() < item.dueAt) item.dueAt = e.dueAt.toISOString();
    item.daysOverdue = daysOverdue(new Date(item.dueAt), now);
    item.state = dueState(new Date(item.dueAt), now);
    items.set(e.householdId, item);
  }
  const sorted = [...items.values()].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  return { items: sorted, nextOffset: homes.length > limit ? offset + limit : null, today: dayCst(now) };
});

function withRhythm(h: CareHousehold, now: Date): DueItem {
  const reasons =
    h.tier && h.dueAt
      ? [{ kind: 'rhythm' as const, label: `${careTierNames[h.tier]} 每 ${h.rhythmDays ?? '?'} 天走访`, dueAt: h.dueAt.toISOString() }]
      : [];
  return { ...householdView(h, now), reasons, daysOverdue: h.dueAt ? daysOverdue(h.dueAt, now) : 0 };
}
