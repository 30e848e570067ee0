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

/** A category's counting mode on top of the community's rule (categories without one pay the offer). */
export function ruleForCategory(rule: AwardRule, category: { awardMode?: 'fixed' | 'hourly'; perHour?: number } | null | undefined): AwardRule {
  return category?.awardMode ? { ...rule, mode: category.awardMode, perHour: category.perHour ?? defaultAwardRule.perHour } : rule;
}

/** How an award was counted, so the member can be told why it differs from the offer. */
export interface AwardParts {
  offered: number;
  /** Hours counted (nearest half-hour, at least a half) for hourly categories; null when the offer is paid. */
  hours: number | null;
  /** Hours × rate before the offer caps it; null for the offer. */
  byHours: number | null;
  base: number;
  bonus: number;
  total: number;
}

export function awardParts(
  rule: AwardRule,
  wish: { points: number | null; checkedInAt: Date | null; completedAt: Date | null },
  rating: number | null,
): AwardParts {
  const offered = wish.points ?? 0;
  const bonus = rating === 5 ? rule.fiveStarBonus : 0;
  if (rule.mode !== 'hourly' || !wish.checkedInAt || !wish.completedAt)
    return { offered, hours: null, byHours: null, base: offered, bonus, total: offered + bonus };
  const halfHours = Math.max(1, Math.round((new Date(wish.completedAt).getTime() - new Date(wish.checkedInAt).getTime()) / (HOUR_MS / 2)));
  const byHours = Math.round((halfHours / 2) * rule.perHour);
  const base = Math.min(offered, byHours);
  return { offered, hours: halfHours / 2, byHours, base, bonus, total: base + bonus };
}

/**
 * Base points: the offer, or hours served (to the nearest half-hour, at least one) × rate but never more
 * than the offer the wall showed; plus the 5-star bonus.
 */
export function awardPoints(
  rule: AwardRule,
  wish: { points: number | null; checkedInAt: Date | null; completedAt: Date | null },
  rating: number | null,
): number {
  return awardParts(rule, wish, rating).total;
}

/** What the wall and the detail promise before claiming: the counting mode, the most it pays, the extras. */
export interface AwardOffer {
  mode: 'fixed' | 'hourly';
  /** For hourly categories the most it pays (hours are capped by the offer). */
  points: number;
  perHour: number | null;
  bonus: number;
  text: string;
}

export function describeOffer(rule: AwardRule, points: number): AwardOffer {
  const hourly = rule.mode === 'hourly';
  const parts = [
    hourly ? `按服务时长计：每小时 ${rule.perHour} 分（按半小时折算），最多 ${points} 分` : `完成可得 ${points} 积分`,
    rule.fiveStarBonus > 0 ? `五星好评另加 ${rule.fiveStarBonus} 分` : '',
    `每人每天最多 ${rule.dailyCap} 分`,
    points + rule.fiveStarBonus > rule.reviewAbove ? `超过 ${rule.reviewAbove} 分需社区确认` : '',
  ];
  return { mode: rule.mode, points, perHour: hourly ? rule.perHour : null, bonus: rule.fiveStarBonus, text: parts.filter(Boolean).join('；') };
}

/**
 * Why the member got what they got, against the offer: hours × rate (capped by the offer), the 5-star
 * bonus, and the daily cap if it cut the award.
 */
export function explainAward(rule: AwardRule, parts: AwardParts, decision: AwardDecision): string {
  const counted =
    parts.hours === null
      ? `完成服务 ${parts.base} 分`
      : `服务 ${parts.hours} 小时 × 每小时 ${rule.perHour} 分 = ${parts.byHours} 分${parts.byHours! > parts.offered ? `，超出报价按 ${parts.offered} 分计` : ''}`;
  const bonus = parts.bonus > 0 ? `，五星好评 +${parts.bonus} 分` : '';
  const paid = decision.action === 'none' ? 0 : decision.amount;
  const cap = parts.total > 0 && paid < parts.total ? `；已达每日上限 ${rule.dailyCap} 分，本次 ${paid} 分` : '';
  return `${counted}${bonus}，共 ${parts.total} 分（报价 ${parts.offered} 分）${cap}`;
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
