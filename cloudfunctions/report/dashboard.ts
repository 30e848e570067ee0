import { reportDashboard } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import {
  DISTRICT_SCOPE,
  maySeeStats,
  NOW_KEY,
  ownStatsScope,
  rankGrids,
  sumCounters,
  summarizeCategories,
  summarizeNow,
  summarizePetitions,
  twelveMonthsTo,
  type Counters,
  type StatsPlace,
} from '../../src/shared/domain/stats';
import { DAY_MS } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { warmCached } from '../_lib/platform/warm-cache';
import { cachedDepartments, cachedPetitionCategories } from '../petition/petition-repo';

const MAX_DAYS = 366;
const UNIT_TTL_MS = 60_000;

/** The place asked for (one read by id, kept warm), checked against the one rule (also report.cases and the exports). */
export async function placeFor(user: Parameters<typeof maySeeStats>[0], asked: string | undefined): Promise<StatsPlace & { name: string }> {
  const id = asked ?? ownStatsScope(user);
  if (id === DISTRICT_SCOPE) {
    const place = { id, kind: 'district' as const, path: [], name: '全区' };
    if (!maySeeStats(user, place)) throw new DomainError('FORBIDDEN_SCOPE', '你没有查看全区数据的权限');
    return place;
  }
  // Units are renamed or moved a few times a year: a warm instance keeps one for a minute (as it keeps names).
  const unit = await warmCached(`stats-place:${id}`, UNIT_TTL_MS, () => table(collections.orgUnits).get(id));
  if (!unit || unit.kind === 'building') throw new DomainError('BAD_INPUT', '没有找到这个街道、社区或网格');
  const place = { id, kind: unit.kind, path: unit.path, name: unit.name };
  if (!maySeeStats(user, place)) throw new DomainError('FORBIDDEN_SCOPE', '你只能查看自己负责范围的数据');
  return place;
}

const n = (c: Counters, name: string) => c[name] ?? 0;
const prefixed = (c: Counters, prefix: string) =>
  Object.fromEntries(Object.entries(c).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])));

/** At most a year (the order of the days is checked by the contract). */
function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_DAYS) throw new DomainError('BAD_INPUT', '统计时段最长一年，请缩短时段');
}

/** The days of a period for one place (one indexed query of at most a year of documents; also report.cases' count). */
export function daysOf(place: string, from: string, to: string) {
  return table(collections.stats)
    .where({ scope: place, period: 'day', key: _.and(_.gte(from), _.lte(to)) })
    .limit(MAX_DAYS)
    .get();
}

/** The grids of a place over summed counters, best first and named (names kept warm); a grid sees only itself. */
async function gridRows(c: Counters, place: StatsPlace) {
  const grids = place.kind === 'grid' ? rankGrids(c).filter((g) => g.gridId === place.id) : rankGrids(c);
  const names = await cachedOrgNames(grids.map((g) => g.gridId));
  return grids.map((g) => ({
    id: g.gridId,
    name: names.get(g.gridId) ?? '网格',
    received: g.received,
    resolved: g.resolved,
    onTimeRate: g.onTimeRate,
    satisfactionRate: g.satisfactionRate,
    volunteerHours: g.volunteerHours,
  }));
}

/**
 * 数据看板: the days of the period, and the twelve months up to its end with the gauges of cases open now, for one
 * place — two reads of prepared counters whatever the history holds, besides the caller (the place, its names,
 * the categories and the departments are kept warm).
 */
export const dashboard = defineHandler(reportDashboard, async ({ scope, from, to }, { user }) => {
  checkPeriod(from, to);
  const place = await placeFor(user, scope);
  const months = twelveMonthsTo(to.slice(0, 7));
  const stats = table(collections.stats);
  const [dayDocs, monthAndNowDocs, categories, departments] = await Promise.all([
    daysOf(place.id, from, to),
    // The twelve months and the gauges of cases open now in one query (a branch each, both on the index).
    stats
      .where(
        _.or([
          { scope: place.id, period: 'month', key: _.and(_.gte(months[0]), _.lte(months[11])) },
          { scope: place.id, period: NOW_KEY, key: NOW_KEY },
        ]) as unknown as Query<never>,
      )
      .limit(13)
      .get(),
    cachedPetitionCategories(),
    cachedDepartments(),
  ]);
  const monthDocs = monthAndNowDocs.filter((d) => d.period === 'month');
  const gauges = summarizeNow(monthAndNowDocs.find((d) => d.period === NOW_KEY)?.counters ?? {});
  const departmentName = new Map(departments.map((d) => [d._id, d.name]));
  const c = sumCounters(dayDocs.map((d) => d.counters));
  const grids = await gridRows(c, place);
  const categoryName = new Map(categories.map((k) => [k._id, k.name]));
  const byMonth = new Map(monthDocs.map((d) => [d.key, d.counters]));
  const petitions = summarizePetitions(c);
  const countedAt = [...dayDocs, ...monthDocs].reduce<Date | null>(
    (latest, d) => (!latest || d.updatedAt > latest ? new Date(d.updatedAt) : latest),
    null,
  );
  return {
    scope: { id: place.id, name: place.name, kind: place.kind },
    from,
    to,
    petitions: {
      ...petitions,
      p90Hours: petitions.p90Hours === Infinity ? -1 : petitions.p90Hours,
      departmentCards: petitions.departmentCards.map((d) => ({ ...d, name: departmentName.get(d.id) ?? '职能部门' })),
    },
    wishes: {
      created: n(c, 'w.created'),
      claimed: n(c, 'w.claimed'),
      averageWaitHours: n(c, 'w.claimed') > 0 ? n(c, 'w.waitHours') / n(c, 'w.claimed') : null,
      completed: n(c, 'w.completed'),
      confirmed: n(c, 'w.confirmed'),
    },
    points: { issued: prefixed(c, 'pt.issued.'), redeemed: prefixed(c, 'pt.redeemed.') },
    volunteerHours: n(c, 'h.total'),
    categories: summarizeCategories(c).map((k) => ({ ...k, name: categoryName.get(k.id) ?? '其他' })),
    now: { ...gauges, departments: gauges.departments.map((d) => ({ ...d, name: departmentName.get(d.id) ?? '职能部门' })) },
    grids,
    trend: months.map((month) => {
      const s = summarizePetitions(byMonth.get(month) ?? {});
      return { month, received: s.received, resolved: s.resolved, onTimeRate: s.onTimeRate, satisfactionRate: s.satisfactionRate };
    }),
    countedAt: countedAt ? countedAt.toISOString() : null,
  };
});
