import { reportCases } from '../../src/shared/contract';
import type { z } from 'zod';
import type { caseRowSchema } from '../../src/shared/contract/stats';
import { DomainError } from '../../src/shared/domain/errors';
import { petitionStatusLabels, ratingLabels } from '../../src/shared/domain/petition';
import { petitionLevels } from '../../src/shared/domain/petition-ladder';
import { NOW_KEY, statsDocId, sumCounters, type Counters } from '../../src/shared/domain/stats';
import { categoryTag, casesTitle, cohortCount, isCohortMetric, isLiveMetric, type CaseMetric } from '../../src/shared/domain/stats-cases';
import { DAY_MS } from '../../src/shared/domain/time';
import { wishStatuses, wishStatusLabels } from '../../src/shared/domain/wish';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { cachedDepartments, cachedPetitionCategories, type PetitionDoc } from '../petition/petition-repo';
import { cachedCategories, type WishDoc } from '../wish/wish-repo';
import { daysOf, placeFor } from './dashboard';

/**
 * The list behind a number of the 数据看板 (report.cases): the cases of one place the number counts, newest
 * first (open ones: nearest deadline first), 20 a page. Besides the caller, one request for the page and, on
 * the first page, one for the count — both served by an index whatever the history holds. The count is the
 * dashboard's own number, read from the same counters (`counterOf`: the days of the period, or the gauges of
 * now) so that it does not grow with the cases; only where no counter counts what the list holds is it counted
 * over the cases (`count()`). The page:
 * - cohort lists (received … unrated): `statsTags` (stamped by the stats timer from the same counts the dashboard
 *   adds) with the place and the received time, by index `<place>_tags_created`;
 * - open now / overdue now: the status and the deadline at the place's level queues (`<place>_level_due`);
 * - wishes: created in the period (`<place>_status_created` of wishes).
 * The cursor is `<time ms>.<rows at that time already shown>`: the next page starts at that time, skipping those.
 */
const PAGE = 20;
const MAX_DAYS = 366;
const OPEN = ['pending', 'accepted', 'council', 'review'] as const;

type Row = z.infer<ReturnType<typeof caseRowSchema>>;
type PlaceKind = 'grid' | 'community' | 'street' | 'district';
const placeField: Record<PlaceKind, 'gridId' | 'communityId' | 'streetId' | null> = {
  grid: 'gridId',
  community: 'communityId',
  street: 'streetId',
  district: null,
};

const cstMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const short = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * The number of the dashboard a list's count is, from the counters the dashboard shows it from, or null where no
 * counter counts exactly the cases of the list:
 * - received, resolved, onTime, late, onSpot: the cohort counters of the days (`c.*`, cohortCount) — the 收件 / 办结
 *   / 就地解决 tiles; a category's 收件 is `k.<id>.received` (counted on the day a case was filed, so a cohort too);
 * - wishes: 新心愿, `w.created` (a category's `wk.<id>.created`), counted on the day a wish was made;
 * - openNow: the gauge of cases open now at a level (`open.<level>`, all levels summed) or at a department
 *   (`d.<id>.open`) — the 在办 column of 当前在办与逾期.
 * Null (counted over the cases instead), because the dashboard counts something else than the list holds:
 * escalated / satisfied / dissatisfied / unrated and a category's resolved, onTime, late, onSpot are counted as steps on
 * the day they happened (吹哨 and ratings: events, not cases; a category's 办结 by the day it was resolved), not as the
 * cases received in the period; overdueNow's gauge counts open cases that missed a deadline at a level (逾期责任层级),
 * not those past their deadline now; openNow narrowed to a category has no gauge.
 */
export function counterOf(q: {
  metric: CaseMetric;
  category?: string;
  level?: string;
  department?: string;
}): { counters: 'days' | 'now'; count: (c: Counters) => number } | null {
  const n = (c: Counters, name: string) => Math.max(0, c[name] ?? 0);
  const { metric, category, level, department } = q;
  const days = (count: (c: Counters) => number) => ({ counters: 'days' as const, count });
  if (metric === 'wishes') return days((c) => n(c, category ? `wk.${category}.created` : 'w.created'));
  if (metric === 'openNow') {
    if (category) return null;
    const count = department
      ? (c: Counters) => n(c, `d.${department}.open`)
      : level
        ? (c: Counters) => n(c, `open.${level}`)
        : (c: Counters) => petitionLevels.reduce((sum, l) => sum + n(c, `open.${l}`), 0);
    return { counters: 'now', count };
  }
  if (!isCohortMetric(metric)) return null;
  if (category) return metric === 'received' ? days((c) => n(c, `k.${category}.received`)) : null;
  if (cohortCount(metric, {}) === null) return null;
  return days((c) => cohortCount(metric, c) ?? 0);
}

/** The count a counter plan reads: the days of the period summed (one indexed query), or the gauges' document by id. */
async function readCount(plan: NonNullable<ReturnType<typeof counterOf>>, place: string, from: string, to: string): Promise<number> {
  if (plan.counters === 'now') return plan.count((await table(collections.stats).get(statsDocId(place, NOW_KEY)))?.counters ?? {});
  return plan.count(sumCounters((await daysOf(place, from, to)).map((d) => d.counters)));
}

function parseCursor(cursor: string | undefined): { at: number; seen: number } | null {
  if (!cursor) return null;
  const [at, seen] = cursor.split('.').map(Number);
  return { at, seen };
}

/** The next cursor after `shown` (ordered by `timeOf`), or null when nothing follows. */
function nextCursor<T>(shown: readonly T[], more: boolean, timeOf: (d: T) => number, cursor: { at: number; seen: number } | null): string | null {
  if (!more || shown.length === 0) return null;
  const last = timeOf(shown[shown.length - 1]);
  const same = shown.filter((d) => timeOf(d) === last).length + (cursor && cursor.at === last ? cursor.seen : 0);
  return `${last}.${same}`;
}

export const cases = defineHandler(reportCases, async (input, { user }) => {
  const { from, to, metric, category, grid, level, department } = input;
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1 > MAX_DAYS)
    throw new DomainError('BAD_INPUT', '统计时段最长一年，请缩短时段');
  if ((level || department) && !isLiveMetric(metric)) throw new DomainError('BAD_INPUT', '层级和部门只能用来筛选在办或超期的诉求');
  if (department && level && level !== 'department') throw new DomainError('BAD_INPUT', '按部门筛选时层级只能是职能部门');
  const scope = await placeFor(user, input.scope);
  let place = scope;
  if (grid && grid !== scope.id) {
    const g = await placeFor(user, grid);
    if (g.kind !== 'grid' || (scope.kind !== 'district' && !g.path.includes(scope.id))) throw new DomainError('BAD_INPUT', '这个网格不在所选范围内');
    place = g;
  }
  const field = placeField[place.kind];
  const where: Record<string, unknown> = field ? { [field]: place.id } : {};
  const cursor = parseCursor(input.cursor);
  const start = cstMidnight(from);
  const end = cstMidnight(to) + DAY_MS - 1;
  const now = new Date();

  const [categoryNames, wishCategories, departments] = await Promise.all([cachedPetitionCategories(), cachedCategories(), cachedDepartments()]);
  const title = casesTitle({
    metric,
    from,
    to,
    placeName: place.name,
    categoryName: category ? ((metric === 'wishes' ? wishCategories : categoryNames).find((k) => k._id === category)?.name ?? '其他') : null,
    level: level ?? null,
    departmentName: department ? (departments.find((d) => d._id === department)?.name ?? '职能部门') : null,
  });

  // The first page's count: the dashboard's number from its counters where one counts this list, else counted.
  const plan = cursor ? null : counterOf(input);
  const counted = plan ? readCount(plan, place.id, from, to) : null;
  let count: number | null = null;
  let items: Row[];
  let next: string | null;
  if (metric === 'wishes') {
    const base = { ...where, status: _.in([...wishStatuses]), ...(category ? { categoryId: category } : {}) };
    const upper = cursor ? Math.min(end, cursor.at) : end;
    const wishes = table(collections.wishes);
    const [docs, total] = await Promise.all([
      wishes
        .where({ ...base, createdAt: _.and(_.gte(new Date(start)), _.lte(new Date(upper))) } as Query<WishDoc>)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .skip(cursor?.seen ?? 0)
        .limit(PAGE + 1)
        .get(),
      cursor
        ? null
        : (counted ?? wishes.where({ ...base, createdAt: _.and(_.gte(new Date(start)), _.lte(new Date(end))) } as Query<WishDoc>).count()),
    ]);
    count = total;
    const shown = docs.slice(0, PAGE);
    const names = new Map(wishCategories.map((k) => [k._id, k.name]));
    const grids = await cachedOrgNames(shown.map((w) => w.gridId));
    items = shown.map((w) => wishRow(w, names, grids));
    next = nextCursor(shown, docs.length > PAGE, (w) => new Date(w.createdAt).getTime(), cursor);
  } else {
    const petitions = table(collections.petitions);
    let query: Record<string, unknown>;
    let all: Record<string, unknown>;
    let order: 'asc' | 'desc';
    let timeOf: (p: PetitionDoc) => number;
    if (isCohortMetric(metric)) {
      const base = { ...where, statsTags: category ? categoryTag(metric, category) : metric };
      const upper = cursor ? Math.min(end, cursor.at) : end;
      query = { ...base, createdAt: _.and(_.gte(new Date(start)), _.lte(new Date(upper))) };
      all = { ...base, createdAt: _.and(_.gte(new Date(start)), _.lte(new Date(end))) };
      order = 'desc';
      timeOf = (p) => new Date(p.createdAt).getTime();
    } else {
      const base = {
        ...where,
        ...(department ? { departmentId: department, level: 'department' } : { level: level ?? _.in([...petitionLevels]) }),
        status: _.in([...OPEN]),
        ...(category ? { categoryId: category } : {}),
      };
      const due = (lower: number | null) => {
        const parts = [...(lower !== null ? [_.gte(new Date(lower))] : []), ...(metric === 'overdueNow' ? [_.lt(now)] : [])];
        return parts.length === 0 ? {} : { dueAt: parts.length === 1 ? parts[0] : _.and(...parts) };
      };
      query = { ...base, ...due(cursor?.at ?? null) };
      all = { ...base, ...due(null) };
      order = 'asc';
      timeOf = (p) => (p.dueAt ? new Date(p.dueAt).getTime() : 0);
    }
    const sortField = isCohortMetric(metric) ? 'createdAt' : 'dueAt';
    const [docs, total] = await Promise.all([
      petitions
        .where(query as Query<PetitionDoc>)
        .orderBy(sortField, order)
        .orderBy('_id', order)
        .skip(cursor?.seen ?? 0)
        .limit(PAGE + 1)
        .get(),
      cursor ? null : (counted ?? petitions.where(all as Query<PetitionDoc>).count()),
    ]);
    count = total;
    const shown = docs.slice(0, PAGE);
    const grids = await cachedOrgNames(shown.map((p) => p.gridId));
    items = shown.map((p) => petitionRow(p, grids, now));
    next = nextCursor(shown, docs.length > PAGE, timeOf, cursor);
  }
  return { title, scope: { id: scope.id, name: scope.name, kind: scope.kind }, count, items, nextCursor: next };
});

/** A petition as a row: what the queue shows its handlers, without the reporter (name, phone, room). */
function petitionRow(p: PetitionDoc, grids: Map<string, string>, now: Date): Row {
  const resolved = p.history.find((s) => s.event === 'resolve' || s.event === 'decide');
  const open = (OPEN as readonly string[]).includes(p.status);
  return {
    id: p._id,
    kind: 'petition',
    title: short(p.description),
    categoryName: p.categoryName,
    gridName: p.gridId ? (grids.get(p.gridId) ?? p.gridName) : null,
    level: p.level,
    status: p.status,
    statusLabel: p.outcome === 'dismissed' ? '不予受理' : petitionStatusLabels[p.status],
    createdAt: new Date(p.createdAt).toISOString(),
    resolvedAt: iso(resolved?.at),
    overdue: open && Boolean(p.dueAt) && new Date(p.dueAt!).getTime() < now.getTime(),
    rating: p.rating ? `${p.rating.byProxy ? '代评 · ' : ''}${ratingLabels[p.rating.value]}` : null,
  };
}

/** A wish as a row: its title, not the resident. */
function wishRow(w: WishDoc, categories: Map<string, string>, grids: Map<string, string>): Row {
  return {
    id: w._id,
    kind: 'wish',
    title: short(w.title),
    categoryName: categories.get(w.categoryId) ?? '其他',
    gridName: w.gridId ? (grids.get(w.gridId) ?? w.gridName) : null,
    level: null,
    status: w.status,
    statusLabel: wishStatusLabels[w.status],
    createdAt: new Date(w.createdAt).toISOString(),
    resolvedAt: iso(w.completedAt),
    overdue: false,
    rating: w.rating ? `${w.rating.stars}星` : null,
  };
}
