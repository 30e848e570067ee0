import { HOUR_MS } from './time';

/**
 * 志愿服务积分 for a confirmed wish: how much the member earns, and when staff must look first.
 * Category decides the base (the points offered on approval, or per hour served); the community decides
 * the 5-star bonus, the daily cap, the review threshold and how often one pair may recur.
 */
export interface AwardRule {
  mode: 'fixed' | 'hourly';
  perHour: number;
  fiveStarBonus: number;
  dailyCap: number;
  /** Awards above this many points wait for staff confirmation. */
  reviewAbove: number;
  /** The same resident and member this many times within `pairDays` days is flagged (anti-gaming). */
  pairLimit: number;
  pairDays: number;
}

export const defaultAwardRule: AwardRule = {
  mode: 'fixed',
  perHour: 10,
  fiveStarBonus: 2,
  dailyCap: 60,
  reviewAbove: 30,
  pairLimit: 3,
  pairDays: 30,
};

/**
 * Base points: the offer, or hours served (to the nearest half-hour, at least one) × rate but never more
 * than the offer the wall showed; plus the 5-star bonus.
 */
export function awardPoints(
  rule: AwardRule,
  wish: { points: number | null; checkedInAt: Date | null; completedAt: Date | null },
  rating: number | null,
): number {
  let base = wish.points ?? 0;
  if (rule.mode === 'hourly' && wish.checkedInAt && wish.completedAt) {
    const halfHours = Math.max(1, Math.round((new Date(wish.completedAt).getTime() - new Date(wish.checkedInAt).getTime()) / (HOUR_MS / 2)));
    base = Math.min(base, Math.round((halfHours / 2) * rule.perHour));
  }
  return base + (rating === 5 ? rule.fiveStarBonus : 0);
}

/** What is left under the daily cap. */
export function capped(amount: number, earnedToday: number, rule: AwardRule): number {
  return Math.max(0, Math.min(amount, rule.dailyCap - earnedToday));
}

export type AwardDecision = { action: 'post'; amount: number } | { action: 'review'; amount: number; why: string } | { action: 'none'; why: string };

/** Post now, hold for staff, or nothing (capped out or nothing offered). */
export function decideAward(rule: AwardRule, amount: number, earnedToday: number, pairCount: number): AwardDecision {
  const allowed = capped(amount, earnedToday, rule);
  if (allowed === 0) return { action: 'none', why: amount === 0 ? '未设积分' : `已达每日上限 ${rule.dailyCap} 分` };
  if (pairCount >= rule.pairLimit)
    return { action: 'review', amount: allowed, why: `${rule.pairDays} 天内同一居民与党员互动 ${pairCount + 1} 次，请核实` };
  if (allowed > rule.reviewAbove) return { action: 'review', amount: allowed, why: `超过 ${rule.reviewAbove} 分，需社区确认` };
  return { action: 'post', amount: allowed };
}
