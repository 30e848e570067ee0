import { addDayCounters, counterDifferences, type PlaceCounters } from '../../src/shared/domain/stats-check';
import { DISTRICT_SCOPE, type StatChange } from '../../src/shared/domain/stats';
import { dayCst, DAY_MS, startOfDayCst } from '../../src/shared/domain/time';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import type { StatsCheckDoc } from '../_lib/platform/documents';
import { cachedSettings, type PetitionDoc } from '../petition/petition-repo';
import type { WishDoc } from '../wish/wish-repo';
import { countedMinutes } from '../../src/shared/domain/post';
import { petitionChanges, postingChanges, shiftChange, wishChanges } from './stat-changes';
import { POSTINGS_LAG_MS } from './stats-fold';

/**
 * The verify job (issue 14): recomputes one China day's counters of a place — and of every place within it —
 * afresh from the events (each case's whole history, the duty shifts that ended that day, the day's postings)
 * with the fold's own rules, and records
 * where the `stats` documents differ, in a `stats_checks` document. It is queued (daily for yesterday's
 * district, or by an admin) and worked by the stats timer right after a fold that left nothing behind, a page
 * at a time, carried from run to run so no run times out.
 *
 * Work goes on while it runs, so the check is pinned to `asOf`, the moment it copied the stored counters: steps
 * made before `asOf − lag` had all been folded by then (the fold had just caught up, and no transaction lasts
 * that long); steps made after it began may or may not have been, so they widen what is allowed ("late");
 * postings are counted up to the fold's cursor as it stood at `asOf`. Every case touched since the day began is
 * read once (a case moved by a write while the job pages goes to the end of the order: `seen` keeps it from
 * being read twice).
 */

/** Documents per page, and pages per timer run at most (tests set small ones to carry a check over many runs). */
const pageSize = () => Number(process.env.LINLI_VERIFY_PAGE) || 100;
const pagesPerRun = () => Number(process.env.LINLI_VERIFY_PAGES_PER_RUN) || Infinity;
/**
 * A timer run works checks for at most this long (the function's timeout is far longer). Far shorter than the
 * postings' lag too: a check pinned late in a run still finds every step made a lag before it folded by the
 * fold that began the run.
 */
const RUN_MS = 20_000;

type Kind = 'petitions' | 'wishes';
const cursorAfter = (a: { at: Date; id: string }, b: { at: Date; id: string }) =>
  new Date(a.at).getTime() > new Date(b.at).getTime() || (new Date(a.at).getTime() === new Date(b.at).getTime() && a.id > b.id);

/** Writes a check whole (its sums are maps keyed by dotted counter names, which an update would split into paths). */
async function save({ _id, ...fields }: StatsCheckDoc): Promise<void> {
  await table(collections.statsChecks).set(_id, fields);
}

/** Queues a check of `day` for `scope`; the stats timer works it. */
export async function queueCheck(scope: string, day: string, by: StatsCheckDoc['by'], id: string, now: Date): Promise<StatsCheckDoc> {
  const check: StatsCheckDoc = {
    _id: id,
    scope,
    day,
    by,
    status: 'queued',
    phase: 'petitions',
    cursor: null,
    asOf: null,
    postingsThrough: null,
    stored: {},
    expected: {},
    late: {},
    seen: [],
    cases: 0,
    shifts: 0,
    postings: 0,
    differences: [],
    createdAt: now,
    finishedAt: null,
  };
  await save(check);
  return check;
}

/** The daily run: yesterday's counters of the whole district. */
export async function queueDailyCheck(): Promise<Record<string, unknown>> {
  const now = new Date();
  const day = dayCst(new Date(now.getTime() - DAY_MS));
  await queueCheck(DISTRICT_SCOPE, day, 'timer', `${day}:${DISTRICT_SCOPE}:daily`, now);
  return { queued: day };
}

/** Works the queued and running checks, oldest first, for at most RUN_MS. Call only right after a fold that caught up. */
export async function workChecks(): Promise<{ checked: number; done: number }> {
  const until = performance.now() + RUN_MS;
  const open = await table(collections.statsChecks)
    .where({ status: _.in(['queued', 'running']) })
    .orderBy('createdAt', 'asc')
    .limit(5)
    .get();
  let done = 0;
  let pages = 0;
  const more = () => performance.now() < until && pages < pagesPerRun();
  for (const check of open) {
    // Saved after every page: a run cut short loses one page's work, never the check's consistency.
    while (check.status !== 'done' && more()) {
      await step(check);
      await save(check);
      pages++;
    }
    if (check.status === 'done') done++;
    if (!more()) break;
  }
  return { checked: open.length, done };
}

/** One page of a check's work, on the check in memory (the caller writes it). */
async function step(check: StatsCheckDoc): Promise<void> {
  if (check.status === 'queued') return snapshot(check);
  if (check.phase === 'petitions' || check.phase === 'wishes') return casesPage(check, check.phase);
  if (check.phase === 'shifts') return shiftsPage(check);
  if (check.phase === 'postings') return postingsPage(check);
  return compare(check);
}

/** Pins the check: the time, the postings' cursor, and the stored counters of the day (every place, a page at a time). */
async function snapshot(check: StatsCheckDoc): Promise<void> {
  const asOf = new Date();
  const [cursor, stored] = await Promise.all([table(collections.statsFold).get('postings'), storedOfDay(check.day)]);
  Object.assign(check, {
    status: 'running',
    asOf,
    postingsThrough: cursor ? { at: new Date(cursor.at), id: cursor.id } : null,
    stored,
    cursor: { at: startOfDay(check.day), id: '' },
  });
}

async function storedOfDay(day: string): Promise<PlaceCounters> {
  const stored: PlaceCounters = {};
  for (let after = ''; ;) {
    const page = await table(collections.stats)
      .where({ period: 'day', key: day, scope: _.gt(after) })
      .orderBy('scope', 'asc')
      .limit(pageSize())
      .get();
    for (const doc of page) stored[doc.scope] = doc.counters;
    if (page.length < pageSize()) return stored;
    after = page[page.length - 1].scope;
  }
}

const startOfDay = (day: string) => startOfDayCst(new Date(`${day}T12:00:00+08:00`));

/**
 * The next page of cases touched since the day began (by `updatedAt`, which every step moves on), to the end of
 * the collection: a case created that day counts there whenever it was resolved; one created earlier counts
 * there if a step of it was made that day.
 */
async function casesPage(check: StatsCheckDoc, kind: Kind): Promise<void> {
  const from = check.cursor ?? { at: startOfDay(check.day), id: '' };
  const page = await table(collections[kind])
    .where({ updatedAt: _.gte(new Date(from.at)) })
    .orderBy('updatedAt', 'asc')
    .limit(pageSize())
    .get();
  const seen = new Set(check.seen);
  const fresh = page.filter((doc) => !seen.has(doc._id));
  const asOf = new Date(check.asOf!).getTime();
  const settled = asOf - POSTINGS_LAG_MS;
  for (const doc of fresh) {
    const changes =
      kind === 'petitions'
        ? petitionChanges(doc as PetitionDoc, 0, (await cachedSettings((doc as PetitionDoc).streetId)).ladder)
        : wishChanges(doc as WishDoc, 0);
    const byTime = (test: (t: number) => boolean) => changes.filter((c: StatChange) => test(c.at.getTime()));
    addDayCounters(
      check.expected,
      byTime((t) => t < settled),
      check.day,
      check.scope,
    );
    addDayCounters(
      check.late,
      byTime((t) => t >= settled && t <= asOf),
      check.day,
      check.scope,
    );
    seen.add(doc._id);
  }
  check.seen = [...seen];
  check.cases += fresh.length;
  if (page.length === pageSize()) {
    const last = page[page.length - 1];
    // A whole page written in one millisecond: step past it rather than read it again.
    const at = new Date(last.updatedAt).getTime() + (fresh.length === 0 ? 1 : 0);
    check.cursor = { at: new Date(at), id: '' };
    return;
  }
  check.seen = [];
  check.cursor = null;
  check.phase = kind === 'petitions' ? 'wishes' : 'shifts';
  if (check.phase === 'shifts') check.cursor = { at: startOfDay(check.day), id: '' };
}

/**
 * The next page of the duty shifts that ended that day: their volunteer hours count there as they stand now. A
 * shift whose check-out or correction came after `asOf − lag` may or may not have been folded at `asOf`: its
 * counters were somewhere between none and its whole hours then, so those go to `late`.
 */
async function shiftsPage(check: StatsCheckDoc): Promise<void> {
  const dayEnd = new Date(startOfDay(check.day).getTime() + DAY_MS - 1);
  const from = check.cursor!;
  const page = await table(collections.postShifts)
    .where({ endedAt: _.and(_.gte(new Date(from.at)), _.lte(dayEnd)) })
    .orderBy('endedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(pageSize())
    .field({ streetId: true, communityId: true, gridId: true, endedAt: true, status: true, minutes: true, correction: true })
    .get();
  const fresh = page.filter((s) => s.endedAt && cursorAfter({ at: s.endedAt, id: s._id }, from));
  const settled = new Date(check.asOf!).getTime() - POSTINGS_LAG_MS;
  const lastChange = (s: (typeof fresh)[number]) => new Date(s.correction?.at ?? s.endedAt!).getTime();
  const [sure, unsure] = [fresh.filter((s) => lastChange(s) < settled), fresh.filter((s) => lastChange(s) >= settled)];
  addDayCounters(
    check.expected,
    sure.flatMap((s) => shiftChange(s, countedMinutes(s))),
    check.day,
    check.scope,
  );
  addDayCounters(
    check.late,
    unsure.flatMap((s) => shiftChange(s, s.minutes)),
    check.day,
    check.scope,
  );
  check.shifts = (check.shifts ?? 0) + fresh.length;
  if (page.length === pageSize()) {
    const last = page[page.length - 1];
    check.cursor = { at: new Date(last.endedAt!), id: last._id };
    return;
  }
  check.phase = 'postings';
  check.cursor = { at: startOfDay(check.day), id: '' };
}

/** The next page of the day's postings the fold had counted at `asOf` (those behind its cursor). */
async function postingsPage(check: StatsCheckDoc): Promise<void> {
  const through = check.postingsThrough;
  const dayEnd = new Date(startOfDay(check.day).getTime() + DAY_MS - 1);
  const from = check.cursor!;
  const until = through && new Date(through.at) < dayEnd ? new Date(through.at) : dayEnd;
  const page = through
    ? await table(collections.postings)
        .where({ at: _.and(_.gte(new Date(from.at)), _.lte(until)) })
        .orderBy('at', 'asc')
        .orderBy('_id', 'asc')
        .limit(pageSize())
        .field({ at: true, asset: true, amount: true, from: true, to: true, reversalOf: true, communityId: true })
        .get()
    : [];
  const fresh = page.filter((p) => cursorAfter({ at: p.at, id: p._id }, from) && !cursorAfter({ at: p.at, id: p._id }, through!));
  const communities = await table(collections.orgUnits).byIds(fresh.map((p) => p.communityId));
  const scopes = (communityId: string) => {
    const street = communities.get(communityId)?.path[0];
    return [communityId, ...(street ? [street] : []), DISTRICT_SCOPE];
  };
  addDayCounters(
    check.expected,
    fresh.flatMap((p) => postingChanges(p, scopes(p.communityId))),
    check.day,
    check.scope,
  );
  check.postings += fresh.length;
  if (page.length === pageSize()) {
    const last = page[page.length - 1];
    check.cursor = { at: new Date(last.at), id: last._id };
    return;
  }
  check.cursor = null;
  check.phase = 'compare';
}

/** Compares the place and the places within it (those the events named, and stored ones that lie in it). */
async function compare(check: StatsCheckDoc): Promise<void> {
  const known = new Set([...Object.keys(check.expected), ...Object.keys(check.late)]);
  const others = Object.keys(check.stored).filter((scope) => !known.has(scope));
  let within = others;
  if (check.scope !== DISTRICT_SCOPE) {
    const units = new Map<string, { path: readonly string[] }>();
    for (let i = 0; i < others.length; i += pageSize())
      for (const [id, unit] of await table(collections.orgUnits).byIds(others.slice(i, i + pageSize()))) units.set(id, unit);
    within = others.filter((id) => id === check.scope || Boolean(units.get(id)?.path.includes(check.scope)));
  }
  const differences = counterDifferences([...known, ...within], check.stored, check.expected, check.late);
  Object.assign(check, { status: 'done', phase: 'done', differences, finishedAt: new Date(), stored: {}, expected: {}, late: {}, seen: [] });
}
