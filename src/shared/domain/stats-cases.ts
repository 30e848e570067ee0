import type { PetitionLevel } from './petition-ladder';
import type { Counters } from './stats';

/**
 * The lists behind the numbers of the 数据看板 (report.cases, issue 14). A rate on the dashboard is about the
 * cases *received* in its period (cohorts, stats.ts), so the list behind it is those cases, narrowed to the ones
 * the number counts: `resolved` lists the cases received in the period that are resolved by now. Pure.
 *
 * Which cases a cohort list holds is decided by the same fold that keeps the counters: when the stats timer counts
 * a case's steps it stamps the case with the cohort tags below (`statsTags`, in the same transaction), so a list
 * and its number never disagree once the timer has run, whatever the rules of a count are.
 */
export const caseMetrics = [
  'received',
  'resolved',
  'onTime',
  'late',
  'onSpot',
  'escalated',
  'satisfied',
  'dissatisfied',
  'unrated',
  'openNow',
  'overdueNow',
  'wishes',
] as const;
export type CaseMetric = (typeof caseMetrics)[number];

/** Lists of cases received in the period, by the cohort tag the fold stamped. */
export const cohortMetrics = ['received', 'resolved', 'onTime', 'late', 'onSpot', 'escalated', 'satisfied', 'dissatisfied', 'unrated'] as const;
export type CohortMetric = (typeof cohortMetrics)[number];

export const isCohortMetric = (m: CaseMetric): m is CohortMetric => (cohortMetrics as readonly string[]).includes(m);

/** Lists of what is open now (the period does not apply); they alone can be narrowed by level or department. */
export const isLiveMetric = (m: CaseMetric): m is 'openNow' | 'overdueNow' => m === 'openNow' || m === 'overdueNow';

export const caseMetricLabels: Record<CaseMetric, string> = {
  received: '收到诉求',
  resolved: '已办结',
  onTime: '按期办结',
  late: '超期办结',
  onSpot: '就地解决',
  escalated: '上报吹哨',
  satisfied: '满意',
  dissatisfied: '不满意',
  unrated: '未评价',
  openNow: '在办',
  overdueNow: '已超期',
  wishes: '微心愿',
};

/**
 * What a case's own cohort counters (the `c.*` the fold adds for it, from all its steps) and its other steps say
 * about it, as the tags its lists find it by: each metric, and each metric with its category (`resolved.k.<id>`).
 * - received: every case (c.received); resolved, onSpot, onTime: c.resolved, c.onSpot, c.onTime; late: resolved and
 *   not on time (c.resolved − c.onTime);
 * - escalated: moved up the ladder at least once (上报 or 吹哨, by people or because a deadline passed);
 * - satisfied / dissatisfied / unrated: rated 满意 or 基本满意 at least once / rated 不满意 at least once / closed
 *   without a rating (or with a relayed 代评), as the dashboard's rating counts count them.
 */
export function cohortTags(
  own: Counters,
  steps: { escalated: boolean; ratings: readonly ('satisfied' | 'basic' | 'unsatisfied')[]; unrated: boolean },
  categoryId: string,
): string[] {
  const has = (name: string) => (own[name] ?? 0) > 0;
  const metrics: CohortMetric[] = [];
  if (has('c.received')) metrics.push('received');
  if (has('c.resolved')) metrics.push('resolved', has('c.onTime') ? 'onTime' : 'late');
  if (has('c.onSpot')) metrics.push('onSpot');
  if (steps.escalated) metrics.push('escalated');
  if (steps.ratings.some((r) => r !== 'unsatisfied')) metrics.push('satisfied');
  if (steps.ratings.includes('unsatisfied')) metrics.push('dissatisfied');
  if (steps.unrated) metrics.push('unrated');
  return metrics.flatMap((m) => [m, categoryTag(m, categoryId)]);
}

export const categoryTag = (metric: CohortMetric, categoryId: string) => `${metric}.k.${categoryId}`;

/** The number of the dashboard a cohort list agrees with, from the summed counters of the same place and days. */
export function cohortCount(metric: CohortMetric, c: Counters): number | null {
  const n = (name: string) => c[name] ?? 0;
  switch (metric) {
    case 'received':
      return n('c.received');
    case 'resolved':
      return n('c.resolved');
    case 'onTime':
      return n('c.onTime');
    case 'late':
      return n('c.resolved') - n('c.onTime');
    case 'onSpot':
      return n('c.onSpot');
    default:
      return null;
  }
}

const cn = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return { y, m, d };
};

/** The period in words: a whole month as “2026年11月”, one day as “2026年11月5日”, otherwise from–to. */
export function periodLabel(from: string, to: string): string {
  const a = cn(from);
  const b = cn(to);
  if (from === to) return `${a.y}年${a.m}月${a.d}日`;
  const lastDay = new Date(Date.UTC(b.y, b.m, 0)).getUTCDate();
  if (a.y === b.y && a.m === b.m && a.d === 1 && b.d === lastDay) return `${a.y}年${a.m}月`;
  if (a.y === b.y) return `${a.y}年${a.m}月${a.d}日—${b.m}月${b.d}日`;
  return `${a.y}年${a.m}月${a.d}日—${b.y}年${b.m}月${b.d}日`;
}

const levelWords: Record<PetitionLevel, string> = { grid: '网格', community: '社区', street: '街道', department: '职能部门', district: '区级' };

/** The title of a list: “2026年11月 · 已办结 · 东苑网格”; open lists say “当前” instead of a period. */
export function casesTitle(p: {
  metric: CaseMetric;
  from: string;
  to: string;
  placeName: string;
  categoryName?: string | null;
  level?: PetitionLevel | null;
  departmentName?: string | null;
}): string {
  const parts = [isLiveMetric(p.metric) ? '当前' : periodLabel(p.from, p.to), caseMetricLabels[p.metric], p.placeName];
  if (p.categoryName) parts.push(p.categoryName);
  if (p.level) parts.push(`${levelWords[p.level]}级`);
  if (p.departmentName) parts.push(p.departmentName);
  return parts.join(' · ');
}
