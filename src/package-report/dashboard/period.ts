import { dayCst, DAY_MS } from '../../shared/domain/time';

/** The periods the 数据看板 offers: this week (from Monday), this month, or days picked. */
export type PeriodKind = 'week' | 'month' | 'custom';

/** The China-time days of a period ending today (`now` is the server's clock). */
export function periodDays(kind: 'week' | 'month', now: number): { from: string; to: string } {
  const to = dayCst(new Date(now));
  if (kind === 'month') return { from: `${to.slice(0, 8)}01`, to };
  const weekday = (new Date(`${to}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return { from: dayCst(new Date(now - weekday * DAY_MS)), to };
}

/** What a custom period may be: from ≤ to, at most a year (as the server checks). */
export function customProblem(from: string, to: string): string | null {
  if (from > to) return '开始日期不能晚于结束日期';
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1 > 366) return '统计时段最长一年，请缩短时段';
  return null;
}

/** The metrics a number on the dashboard opens the list of (report.cases, /package-report/cases). */
export type Metric =
  | 'received'
  | 'resolved'
  | 'onTime'
  | 'late'
  | 'onSpot'
  | 'escalated'
  | 'satisfied'
  | 'dissatisfied'
  | 'unrated'
  | 'openNow'
  | 'overdueNow'
  | 'wishes';

export interface CasesLink {
  scope: string;
  from: string;
  to: string;
  metric: Metric;
  category?: string;
  grid?: string;
  level?: string;
  department?: string;
}

/** The page of the cases behind a number. */
export function casesUrl(link: CasesLink): string {
  const query = Object.entries(link)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `/package-report/cases/index?${query}`;
}
