import { DomainError } from './errors';
import { levelFor } from './levels';

/**
 * 商铺积分 shop points (费县 model): community staff inspect a shop against a checklist, consumers rate it,
 * and both post or deduct shop points; the points give the shop its 美德商铺 star level.
 */
export const checklistItems = ['hygiene', 'prices', 'street', 'civility'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

export const checklistLabels: Record<ChecklistItem, string> = {
  hygiene: '环境卫生',
  prices: '明码标价、价格公道',
  street: '不占道经营',
  civility: '文明经营、礼貌待客',
};

/** Each item is marked 1–5; the score is out of 100. */
export type Checklist = Record<ChecklistItem, number>;

/** Inspection grades, best first: the first whose floor the score reaches gives the points. */
const grades = [
  { min: 90, name: '优秀', points: 10 },
  { min: 75, name: '良好', points: 5 },
  { min: 60, name: '合格', points: 2 },
  { min: 40, name: '待改进', points: -5 },
  { min: 0, name: '不合格', points: -10 },
] as const;

export function inspectionScore(checklist: Checklist): number {
  const marks = checklistItems.map((item) => checklist[item]);
  if (marks.some((m) => !Number.isInteger(m) || m < 1 || m > 5)) throw new DomainError('BAD_INPUT', '检查项须打 1–5 分');
  return (marks.reduce((sum, m) => sum + m, 0) * 100) / (5 * checklistItems.length);
}

export function inspectionGrade(score: number): { name: string; points: number } {
  const grade = grades.find((g) => score >= g.min) ?? grades[grades.length - 1];
  return { name: grade.name, points: grade.points };
}

/** What one consumer rating does to the shop's points: praise adds, complaint deducts, 3 stars is neutral. */
export function ratingPoints(stars: number): number {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new DomainError('BAD_INPUT', '评分须为 1–5 星');
  return [-2, -1, 0, 1, 2][stars - 1];
}

/**
 * A deduction never takes a shop below zero (a shop account cannot be overdrawn): it takes what there is.
 * Returns the signed amount to post, 0 for nothing.
 */
export function boundedDelta(delta: number, balance: number): number {
  if (delta >= 0) return delta;
  const take = Math.min(-delta, Math.max(0, balance));
  return take === 0 ? 0 : -take;
}

export const shopStarLevels = [
  { stars: 1, name: '一星商铺', min: 0 },
  { stars: 2, name: '二星商铺', min: 30 },
  { stars: 3, name: '三星商铺', min: 80 },
  { stars: 4, name: '四星商铺', min: 150 },
  { stars: 5, name: '五星商铺', min: 300 },
] as const;

export function shopStars(points: number): (typeof shopStarLevels)[number] {
  return levelFor(shopStarLevels, points);
}

/** Shops listed as 美德商铺: those with shop points, at most this many per community. */
export const VIRTUE_SHOPS_MAX = 20;

/** The text in a shop's QR (评价码): consumers scan it to rate the shop. */
export function shopQrText(shopId: string): string {
  return `LLSHOP.${shopId}`;
}

/** The shop id in a scanned shop QR, or null when the text is not one. */
export function shopIdFromQr(text: string): string | null {
  const match = /^LLSHOP\.([\w-]{1,64})$/.exec(text.trim());
  return match ? match[1] : null;
}

/** A 评价码 typed or pasted by hand: spaces and the case of its prefix do not matter. */
export function shopIdFromTyped(text: string): string | null {
  return shopIdFromQr(text.replace(/\s+/g, '').replace(/^llshop\./i, 'LLSHOP.'));
}
