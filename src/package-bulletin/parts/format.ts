import type { Output } from '../../shared/contract';

export type Bulletin = NonNullable<Output<'report.bulletin'>['bulletin']>;
export type Numbers = Bulletin['content']['current'];

/** A rate as people read it: 96.5%, or “—” when nothing was counted (never 0 % or 100 % by default). */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`;
}

const hours = (h: number | null) => (h === null ? '—' : `${Math.round(h * 10) / 10} 小时`);
const count = (unit: string) => (n: number) => `${Math.round(n * 10) / 10}${unit}`;

/** The rows of the month-against-month table, in the order staff report them. */
export const numberRows: { label: string; show: (n: Numbers) => string; value: (n: Numbers) => number | null; lowerIsBetter?: boolean }[] = [
  { label: '收到诉求', show: (n) => count(' 件')(n.received), value: (n) => n.received },
  { label: '办结率', show: (n) => percent(n.resolutionRate), value: (n) => n.resolutionRate },
  { label: '按期办结率', show: (n) => percent(n.onTimeRate), value: (n) => n.onTimeRate },
  { label: '满意率', show: (n) => percent(n.satisfactionRate), value: (n) => n.satisfactionRate },
  { label: '就地解决', show: (n) => count(' 件')(n.onSpot), value: (n) => n.onSpot },
  { label: '平均办理时长', show: (n) => hours(n.averageHours), value: (n) => n.averageHours, lowerIsBetter: true },
  { label: '志愿服务时长', show: (n) => count(' 小时')(n.volunteerHours), value: (n) => n.volunteerHours },
  { label: '完成微心愿', show: (n) => count(' 个')(n.wishesCompleted), value: (n) => n.wishesCompleted },
  { label: '发放积分', show: (n) => count(' 分')(n.pointsIssued), value: (n) => n.pointsIssued },
  { label: '兑换积分', show: (n) => count(' 分')(n.pointsRedeemed), value: (n) => n.pointsRedeemed },
];

/** ↑ / ↓ against last month, and whether that is good news; nothing when either month has no figure or they are equal. */
export function trend(now: number | null, before: number | null, lowerIsBetter = false): { mark: string; good: boolean } | null {
  if (now === null || before === null || now === before) return null;
  const up = now > before;
  return { mark: up ? '↑' : '↓', good: up !== lowerIsBetter };
}
