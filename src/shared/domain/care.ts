// 红黄蓝 household care (商南 "人盯房、房管人", 宛城 每日例访, 社旗 大病回访/困难必访): grid workers tag households by how
// much attention they need and visit them on a rhythm per tier; some events ask for a visit soon.
import { addDays, DAY_MS, startOfDayCst } from './time';

/** 放心户 green, 关心户 yellow, 连心户 red. */
export const careTiers = ['green', 'yellow', 'red'] as const;
export type CareTier = (typeof careTiers)[number];

export const careTierNames: Record<CareTier, string> = { green: '放心户', yellow: '关心户', red: '连心户' };

/** Days between visits per tier; community staff may change them (care.setRhythm). */
export type CareRhythm = Record<CareTier, number>;
export const defaultRhythm: CareRhythm = { red: 7, yellow: 30, green: 90 };

export const careLimits = {
  /** A rhythm longer than a year is not a rhythm. */
  maxRhythmDays: 366,
  /** Open events of one household read with a visit; more than this is not a household but a case list. */
  eventsPerHousehold: 10,
  /** Events shown on the first page of 今日走访 (they are few: each visit clears its household's). */
  eventsShown: 20,
} as const;

/** Roster tags that ask for closer attention, and the tier each suggests (the strongest wins). */
const tagTiers: readonly [RegExp, CareTier][] = [
  [/独居|孤寡|残疾|重病|大病|失能/, 'red'],
  [/低保|空巢|高龄|特困|重点关注/, 'yellow'],
];

/** 独居老人 / 残疾 → 连心户, 低保 → 关心户; no such tag → null (the grid worker decides, 放心户 by default). */
export function suggestTier(tags: readonly string[]): CareTier | null {
  for (const [pattern, tier] of tagTiers) if (tags.some((t) => pattern.test(t))) return tier;
  return null;
}

/** What makes an event ask for a visit, and how soon (大病回访、困难必访): a wish, a case, or a hospital stay reported. */
export type CareEventKind = 'wish' | 'petition' | 'hospital';

const eventRules: Record<Exclude<CareEventKind, 'hospital'>, { pattern: RegExp; days: number }> = {
  // A wish in 助老 or 就医: visit within 3 days.
  wish: { pattern: /助老|就医|陪诊|住院/, days: 3 },
  // A petition about hardship: visit within 2 days.
  petition: { pattern: /困难|救助|低保|帮扶|大病|住院/, days: 2 },
};

/** Whether a wish or petition of this category asks for a visit to the household, and by when; null: it does not. */
export function eventDueAt(kind: Exclude<CareEventKind, 'hospital'>, categoryName: string, at: Date): Date | null {
  const rule = eventRules[kind];
  return rule.pattern.test(categoryName) ? addDays(startOfDayCst(at), rule.days) : null;
}

/** 大病回访: a visit within this many days of the discharge (or of the report, while the stay goes on). */
export const hospitalVisitDays = 3;

/**
 * 大病回访: a hospital stay the grid worker or staff report asks for a visit 3 days after the discharge day (China
 * time), or after the report's day when no discharge is known yet; never before the report's day (a discharge long
 * past is due today). `dischargedOn` is a China day, YYYY-MM-DD.
 */
export function hospitalDueAt(reportedAt: Date, dischargedOn: string | null): Date {
  const today = startOfDayCst(reportedAt);
  if (!dischargedOn) return addDays(today, hospitalVisitDays);
  const due = addDays(new Date(`${dischargedOn}T00:00:00+08:00`), hospitalVisitDays);
  return due.getTime() < today.getTime() ? today : due;
}

/** How far ahead a discharge may be reported (a planned one), in days. */
export const maxDischargeAheadDays = 60;

/** The next rhythm visit: a tier's days after the last visit (or after the tagging, for a household not yet visited). */
export function rhythmDueAt(tier: CareTier | null, since: Date, rhythm: CareRhythm): Date | null {
  return tier ? addDays(startOfDayCst(since), rhythm[tier]) : null;
}

/** Where a due date stands on `now`'s day (China time): overdue before today, due today, or later. */
export function dueState(dueAt: Date, now: Date): 'overdue' | 'due' | 'later' {
  const today = startOfDayCst(now).getTime();
  if (dueAt.getTime() < today) return 'overdue';
  return dueAt.getTime() < today + DAY_MS ? 'due' : 'later';
}

/** The end of `now`'s day (China time): 今日走访 lists what falls due before it. */
export function endOfTodayCst(now: Date): Date {
  return new Date(startOfDayCst(now).getTime() + DAY_MS);
}

/** Whole days a visit is overdue on `now`'s day (0: due today or later). */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.round((startOfDayCst(now).getTime() - startOfDayCst(dueAt).getTime()) / DAY_MS));
}

/** Validates a rhythm staff set: every tier 1..366 days, red no longer than yellow, yellow no longer than green. */
export function isValidRhythm(r: CareRhythm): boolean {
  const ok = (d: number) => Number.isInteger(d) && d >= 1 && d <= careLimits.maxRhythmDays;
  return ok(r.red) && ok(r.yellow) && ok(r.green) && r.red <= r.yellow && r.yellow <= r.green;
}
