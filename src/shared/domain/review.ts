import type { ErrorCode } from '../contract/errors';
import { dayCst } from './time';

/**
 * 民主评议党员 (费县 "自评、互评、群评"): twice a year community staff open a round for the party members of their
 * community. Each member rates themself once (自评); members rate their peers once each (互评: the branch is the
 * community's members — Linli keeps no 支部 below it); residents rate the members who served them once each (群评:
 * a wish of theirs the member carried out and they confirmed). Closing the round weighs the three and turns each
 * member's result into one party-points entry ("1+1−1": a bonus or a deduction), with the round as evidence.
 *
 * This file is the whole rule: the grades, the weights, how many ratings make a result, and what each band earns.
 */

/** 优秀 / 合格 / 基本合格 / 不合格: what a rater picks. */
export const reviewGrades = ['excellent', 'good', 'basic', 'poor'] as const;
export type ReviewGrade = (typeof reviewGrades)[number];

export const reviewGradeLabels: Record<ReviewGrade, string> = { excellent: '优秀', good: '合格', basic: '基本合格', poor: '不合格' };

/** A grade as a score out of 100, the scale the weighted result is on. */
export const GRADE_SCORE: Record<ReviewGrade, number> = { excellent: 100, good: 85, basic: 70, poor: 40 };

/** 自评 / 互评 / 群评. */
export const reviewKinds = ['self', 'peer', 'mass'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export const reviewKindLabels: Record<ReviewKind, string> = { self: '自评', peer: '互评', mass: '群评' };

/**
 * 自评 20%, 互评 40%, 群评 40%. A part nobody gave (no resident was served) leaves its weight to the others in
 * proportion, so a member is not marked down for what was never asked of them.
 */
export const REVIEW_WEIGHTS: Record<ReviewKind, number> = { self: 0.2, peer: 0.4, mass: 0.4 };

/** Fewer ratings than this in all (自评 included) make no result: 未参评, and no points either way. */
export const MIN_RATINGS = 2;

/** The bands of the weighted score, best first: the first whose `min` the score reaches is the result. */
export const REVIEW_BANDS = [
  { grade: 'excellent', min: 90, points: 10 },
  { grade: 'good', min: 75, points: 5 },
  { grade: 'basic', min: 60, points: 0 },
  { grade: 'poor', min: 0, points: -10 },
] as const satisfies readonly { grade: ReviewGrade; min: number; points: number }[];

/** What the ratings of one member add up to, kind by kind (kept in step with each rating). */
export interface ReviewTally {
  /** The member's own grade, or null before they rate themself. */
  self: ReviewGrade | null;
  peer: { sum: number; count: number };
  mass: { sum: number; count: number };
}

export const emptyTally = (): ReviewTally => ({ self: null, peer: { sum: 0, count: 0 }, mass: { sum: 0, count: 0 } });

export interface ReviewOutcome {
  /** Weighted, out of 100, one decimal. */
  score: number;
  grade: ReviewGrade;
  /** Signed party points: + a bonus (加分), − a deduction (减分), 0 nothing posted. */
  points: number;
}

export function ratingCount(t: ReviewTally): number {
  return (t.self ? 1 : 0) + t.peer.count + t.mass.count;
}

/** A member's weighted result, or null when too few rated them (未参评). */
export function reviewOutcome(t: ReviewTally): ReviewOutcome | null {
  if (ratingCount(t) < MIN_RATINGS) return null;
  const parts: [number, number][] = [];
  if (t.self) parts.push([REVIEW_WEIGHTS.self, GRADE_SCORE[t.self]]);
  if (t.peer.count > 0) parts.push([REVIEW_WEIGHTS.peer, t.peer.sum / t.peer.count]);
  if (t.mass.count > 0) parts.push([REVIEW_WEIGHTS.mass, t.mass.sum / t.mass.count]);
  const weight = parts.reduce((s, [w]) => s + w, 0);
  const score = Math.round((parts.reduce((s, [w, v]) => s + w * v, 0) / weight) * 10) / 10;
  const band = REVIEW_BANDS.find((b) => score >= b.min) ?? REVIEW_BANDS[REVIEW_BANDS.length - 1];
  return { score, grade: band.grade, points: band.points };
}

/** Adds one rating to a tally (what a submission does to the member's running tally). */
export function addRating(t: ReviewTally, kind: ReviewKind, grade: ReviewGrade): ReviewTally {
  if (kind === 'self') return { ...t, self: grade };
  return { ...t, [kind]: { sum: t[kind].sum + GRADE_SCORE[grade], count: t[kind].count + 1 } };
}

/**
 * Who may give which kind of rating, before the 群评 proof of service is looked at: a refusal's code, or null.
 * `raterIsMember`: the rater is a party member of the round's community.
 */
export function ratingRefusal(kind: ReviewKind, raterId: string, targetId: string, raterIsMember: boolean): ErrorCode | null {
  if (kind === 'self') return raterId !== targetId ? 'REVIEW_SELF_ONLY' : raterIsMember ? null : 'REVIEW_NOT_MEMBER';
  if (raterId === targetId) return 'REVIEW_SELF_AS_PEER';
  if (kind === 'peer' && !raterIsMember) return 'REVIEW_NOT_MEMBER';
  return null;
}

/** A half-year in China time: `2026h1` (January–June) or `2026h2`. */
export const periodPattern = /^\d{4}h[12]$/;

export function periodOf(at: Date): string {
  const [year, month] = dayCst(at).split('-').map(Number);
  return `${year}h${month <= 6 ? 1 : 2}`;
}

export function periodLabel(period: string): string {
  return `${period.slice(0, 4)}年${period.endsWith('1') ? '上' : '下'}半年`;
}

/** One round per community and half-year: its id says so, so a second opening finds the first. */
export function roundIdOf(communityId: string, period: string): string {
  return `rv-${communityId}-${period}`;
}

/** One rating per rater, member and round. */
export function ratingIdOf(roundId: string, raterId: string, targetId: string): string {
  return `${roundId}:${raterId}:${targetId}`;
}

export function scoreIdOf(roundId: string, memberId: string): string {
  return `${roundId}:${memberId}`;
}

/** The party posting a member's result makes: one per round and member, whoever closes or retries. */
export function reviewPostingId(roundId: string, memberId: string): string {
  return `review:${roundId}:${memberId}`;
}
