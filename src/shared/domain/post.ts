import { DomainError } from './errors';
import { HOUR_MS, startOfDayCst } from './time';

/**
 * 岗位认领 service posts: community staff publish a post at a grid or building with a number of slots, a weekly
 * schedule and points per hour; party members claim a slot, check in and out of duty shifts (值班) and earn
 * volunteer points for the hours; residents served and staff rate each shift (服务评价).
 */
export const postTypes = ['building_head', 'elder_helper', 'civility', 'environment', 'errand', 'other'] as const;
export type PostType = (typeof postTypes)[number];

export const postTypeLabels: Record<PostType, string> = {
  building_head: '楼栋长',
  elder_helper: '助老员',
  civility: '文明劝导员',
  environment: '环境监督员',
  errand: '红色代办员',
  other: '其他岗位',
};

/** 值班安排: the days of the week (0 = Sunday, China time) and the day's window; a shift counts at most `maxHours`. */
export interface PostSchedule {
  days: number[];
  /** `HH:mm`, China time. */
  start: string;
  end: string;
  maxHours: number;
}

export interface PostHolder {
  openid: string;
  name: string;
  since: Date;
  /** The holder's shift in progress on this post, if any: one at a time. */
  openShiftId: string | null;
  /** When that shift began: a check-out counts from it without reading the shift. */
  dutySince: Date | null;
  /** The shift this holder closed last and the call that closed it: a retry of that check-out is answered from it. */
  lastCheckOut?: { shiftId: string; requestId: string } | null;
}

export interface ServicePost {
  _id: string;
  type: PostType;
  title: string;
  description: string;
  streetId: string;
  communityId: string;
  gridId: string;
  buildingId: string | null;
  /** The grid's or building's name, as published. */
  placeName: string;
  slots: number;
  holders: PostHolder[];
  /** The holders' openids, for "the posts I hold" by index. */
  holderIds: string[];
  /** slots − holders, kept with every claim and leave so "posts with free slots" is one indexed query. */
  free: number;
  schedule: PostSchedule;
  pointsPerHour: number;
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type ShiftStatus = 'open' | 'done' | 'reversed';

/** 值班: one duty shift of one holder on one post. */
export interface PostShift {
  _id: string;
  postId: string;
  postTitle: string;
  streetId: string;
  communityId: string;
  gridId: string;
  buildingId: string | null;
  holderId: string;
  holderName: string;
  startedAt: Date;
  endedAt: Date | null;
  /** Counted minutes after the schedule's caps; hours = minutes / 60. */
  minutes: number;
  points: number;
  /** True when the count was cut: past the day's end (a forgotten check-out) or over the shift maximum. */
  capped: boolean;
  postingId: string | null;
  status: ShiftStatus;
  /** 更正: who, why, when, and the call that made it (a retry of that call is answered from the shift). */
  correction: { by: string; byName: string; reason: string; at: Date; requestId?: string } | null;
  ratingSum: number;
  ratingCount: number;
  /**
   * The stats counters' marks (issue 14): a check-out or a correction sets `statsDirty` in its own write; the
   * stats fold adds the difference between the minutes counted now (`countedMinutes`) and `statsMinutes`, the
   * minutes it already counted, and clears the mark in the same transaction.
   */
  statsDirty?: boolean;
  statsMinutes?: number;
}

/** The volunteer minutes a shift counts for in the reports: a finished shift's, none while open or once reversed. */
export const countedMinutes = (s: Pick<PostShift, 'status' | 'minutes'>): number => (s.status === 'done' ? s.minutes : 0);

/** 服务评价: one rating of one shift by one person. */
export interface PostRating {
  _id: string;
  shiftId: string;
  postId: string;
  postTitle: string;
  communityId: string;
  holderId: string;
  raterId: string;
  raterName: string;
  stars: number;
  comment: string;
  /** A comment content security wants reviewed is kept but not shown. */
  hidden: boolean;
  at: Date;
  /** The call that made it: a retry of that call is answered from the rating instead of refused. */
  requestId?: string;
}

/** A member's ratings in one month: what the party points entry shows as a suggestion. */
export interface PostRatingTally {
  _id: string;
  communityId: string;
  month: string;
  openid: string;
  sum: number;
  count: number;
  updatedAt: Date;
}

export const ratingTallyId = (communityId: string, month: string, openid: string) => `${communityId}:${month}:${openid}`;
export const shiftPostingId = (shiftId: string) => `post-shift:${shiftId}`;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function assertValidSchedule(s: PostSchedule): void {
  if (minutesOf(s.end) <= minutesOf(s.start)) throw new DomainError('BAD_INPUT', '值班结束时间须晚于开始时间');
}

/** The day's duty window containing `at` (China time), or null when `at` is not on a duty day. */
export function dutyWindow(s: PostSchedule, at: Date): { start: Date; end: Date } | null {
  const day = startOfDayCst(at);
  const weekday = new Date(day.getTime() + 8 * HOUR_MS).getUTCDay();
  if (!s.days.includes(weekday)) return null;
  return { start: new Date(day.getTime() + minutesOf(s.start) * 60_000), end: new Date(day.getTime() + minutesOf(s.end) * 60_000) };
}

/** A holder may check in on a duty day before the day's window ends (early arrivals count from its start). */
export function assertMayCheckIn(s: PostSchedule, at: Date): void {
  const window = dutyWindow(s, at);
  if (!window || at >= window.end) throw new DomainError('POST_NOT_ON_DUTY_DAY');
}

/**
 * What a shift counts: the time inside its day's window, at most `maxHours`. A forgotten check-out (the
 * holder checks out after the window closed, even days later) counts only up to the window's end.
 */
export function countShift(
  s: PostSchedule,
  startedAt: Date,
  endedAt: Date,
  pointsPerHour: number,
): { minutes: number; points: number; capped: boolean } {
  const window = dutyWindow(s, startedAt) ?? { start: startedAt, end: startedAt };
  const from = Math.max(startedAt.getTime(), window.start.getTime());
  const to = Math.min(endedAt.getTime(), window.end.getTime());
  const inside = Math.max(0, Math.round((to - from) / 60_000));
  const minutes = Math.min(inside, s.maxHours * 60);
  const capped = endedAt.getTime() > window.end.getTime() || inside > minutes;
  return { minutes, points: Math.floor((minutes * pointsPerHour) / 60), capped };
}

export const averageOf = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 10) / 10);
