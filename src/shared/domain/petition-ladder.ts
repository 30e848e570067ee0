/**
 * The escalation ladder of a petition (微诉求): 网格预警 → 社区吹哨 → 街道统筹 → 部门报到 → 区级办结. Each level
 * has a deadline to take a case and one to settle it; the numbers are configuration, these are the defaults.
 */
export const petitionLevels = ['grid', 'community', 'street', 'department', 'district'] as const;
export type PetitionLevel = (typeof petitionLevels)[number];

export const levelLabels: Record<PetitionLevel, string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  department: '职能部门',
  district: '区级',
};

export const urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };

import type { CardLimitOverrides } from './petition-cards';

type Hours = Record<PetitionLevel, Record<Urgency, number>>;

export interface LadderConfig {
  /** Hours a level has to take a case (受理; a department's 报到) once it arrives. */
  acceptHours: Hours;
  /** Hours a level has to settle a case once it took it (a council counts as the community's). */
  resolveHours: Hours;
  /** 周反馈: days from filing to the first feedback (a resolution) the resident is promised. */
  feedbackDays: number;
  /** Days a resolution waits to be verified (待验证) before it passes to the rating noted 超时未验证. */
  verifyDays: number;
  /** Days the resident has to rate a resolution; after that it closes without a rating. */
  ratingDays: number;
  /** 美德信用积分 a valid petition earns its reporter, once. */
  virtueCredit: number;
  /** 督办 card limits per category × level (petition-cards.ts); absent: the default shares of each step's time. */
  cardLimits?: CardLimitOverrides;
}

export const defaultLadderConfig: LadderConfig = {
  acceptHours: {
    grid: { normal: 24, urgent: 2 },
    community: { normal: 24, urgent: 4 },
    street: { normal: 24, urgent: 4 },
    department: { normal: 24, urgent: 4 },
    district: { normal: 48, urgent: 8 },
  },
  resolveHours: {
    grid: { normal: 72, urgent: 12 },
    community: { normal: 72, urgent: 24 },
    street: { normal: 120, urgent: 48 },
    department: { normal: 120, urgent: 48 },
    district: { normal: 240, urgent: 72 },
  },
  feedbackDays: 7,
  verifyDays: 3,
  ratingDays: 7,
  virtueCredit: 2,
};

/** What a street (or district) may override: any level × urgency cell, or any of the plain numbers. */
export type LadderOverrides = Partial<{
  acceptHours: Partial<Record<PetitionLevel, Partial<Record<Urgency, number>>>>;
  resolveHours: Partial<Record<PetitionLevel, Partial<Record<Urgency, number>>>>;
  feedbackDays: number;
  verifyDays: number;
  ratingDays: number;
  virtueCredit: number;
  cardLimits: CardLimitOverrides;
}>;

function mergeHours(base: Hours, over: LadderOverrides['acceptHours']): Hours {
  return Object.fromEntries(petitionLevels.map((l) => [l, { ...base[l], ...(over?.[l] ?? {}) }])) as Hours;
}

export function ladderConfig(over: LadderOverrides = {}, base: LadderConfig = defaultLadderConfig): LadderConfig {
  return {
    acceptHours: mergeHours(base.acceptHours, over.acceptHours),
    resolveHours: mergeHours(base.resolveHours, over.resolveHours),
    feedbackDays: over.feedbackDays ?? base.feedbackDays,
    verifyDays: over.verifyDays ?? base.verifyDays,
    ratingDays: over.ratingDays ?? base.ratingDays,
    virtueCredit: over.virtueCredit ?? base.virtueCredit,
    ...(over.cardLimits || base.cardLimits ? { cardLimits: over.cardLimits ?? base.cardLimits } : {}),
  };
}

export function levelRank(level: PetitionLevel): number {
  return petitionLevels.indexOf(level);
}

/** The next rung up; a street's next rung is a department only when one is summoned (see `summon`). */
export function levelAbove(level: PetitionLevel): PetitionLevel | null {
  return petitionLevels[levelRank(level) + 1] ?? null;
}
