import type { Asset } from './ledger';
import type { PetitionEvent, PetitionRating, PetitionStatus } from './petition';
import type { PetitionLevel } from './petition-ladder';
import { dayCst, HOUR_MS } from './time';

/**
 * What the reports of issue 14 count, and how they turn counts into the numbers staff are judged by
 * (办结率, 按期办结率, 满意率, 就地解决, handling time). Reports never scan cases: every change of a case,
 * a wish, a posting or a shift yields counter increments here, kept per community and China-time day
 * (`<communityId>:<YYYY-MM-DD>`), and a report adds up the days of its period. Pure: no SDK, no clock.
 *
 * Two kinds of counter:
 * - flows (`p.*`, `w.*`, `pt.*`, `h.*`, `g.*`, `k.*`, `d.*`) count what happened on the day it happened;
 * - cohorts (`c.*`) count what became of the cases *received* on a day, so a rate over a period is about
 *   the cases received in it and never exceeds 100 %: 办结率 = resolved / (received − not accepted).
 */

/** Upper bounds of the handling-time buckets, in hours; one more bucket holds everything longer. */
export const handlingBucketHours = [4, 8, 24, 48, 72, 120, 168, 336, 720] as const;

/** Counter name → count, as stored (dotted names: `g.<gridId>.resolved`). */
export type Counters = Record<string, number>;

/** The counters one change adds, per stats document (`<communityId>:<day>`). */
export type Deltas = Record<string, Counters>;

/** The stats document a community's counters of `at`'s China-time day live in. */
export function statsDocId(communityId: string, at: Date): string {
  return `${communityId}:${dayCst(at)}`;
}

/** Facts of a case that decide where its counts go. */
export interface CaseFacts {
  communityId: string;
  gridId: string | null;
  categoryId: string;
  createdAt: Date;
}

/** One step of a petition, as the ladder recorded it, with what the counters need to know about the case. */
export interface PetitionChange {
  kind: 'petition';
  event: PetitionEvent | 'create';
  at: Date;
  from: { status: PetitionStatus; level: PetitionLevel } | null;
  to: { status: PetitionStatus; level: PetitionLevel };
  /** A timer moved it (a deadline passed). */
  automatic: boolean;
  facts: CaseFacts;
  /** The department summoned, or the one holding the case when it was resolved. */
  departmentId: string | null;
  /** For `resolve` / `decide`: whether it is the case's first resolution (a reopened case is not counted twice). */
  firstResolution?: boolean;
  /** For a first resolution: the deadline of the step it was resolved in, and how many times a deadline moved it before. */
  dueAt?: Date | null;
  deadlinesMissed?: number;
  /** For `rate`: the rating. */
  rating?: PetitionRating;
}

export interface WishChange {
  kind: 'wish';
  event: 'create' | 'claim' | 'dispatch' | 'complete' | 'confirm' | 'autoConfirm';
  at: Date;
  facts: CaseFacts;
  /** For `claim` / `dispatch`: when it was approved (the wait for a helper counts from there). */
  openSince?: Date | null;
}

export interface PointsChange {
  kind: 'points';
  at: Date;
  communityId: string;
  asset: Asset;
  amount: number;
  direction: 'issued' | 'redeemed';
}

export interface HoursChange {
  kind: 'hours';
  at: Date;
  communityId: string;
  gridId: string | null;
  hours: number;
}

export type StatChange = PetitionChange | WishChange | PointsChange | HoursChange;

/** The counters `change` adds. Returns an empty object for a change no report counts. */
export function deltasOf(change: StatChange): Deltas {
  const out: Deltas = {};
  const add = (communityId: string, at: Date, name: string, by = 1) => {
    if (by === 0) return;
    const doc = (out[statsDocId(communityId, at)] ??= {});
    doc[name] = (doc[name] ?? 0) + by;
  };
  switch (change.kind) {
    case 'petition':
      petitionDeltas(change, add);
      break;
    case 'wish':
      wishDeltas(change, add);
      break;
    case 'points':
      add(change.communityId, change.at, `pt.${change.direction}.${change.asset}`, change.amount);
      break;
    case 'hours':
      add(change.communityId, change.at, 'h.total', change.hours);
      if (change.gridId) add(change.communityId, change.at, `h.g.${change.gridId}`, change.hours);
      break;
  }
  return out;
}

type Add = (communityId: string, at: Date, name: string, by?: number) => void;

function petitionDeltas(c: PetitionChange, add: Add): void {
  const { communityId, gridId, categoryId, createdAt } = c.facts;
  const flow = (name: string, by = 1) => add(communityId, c.at, name, by);
  const cohort = (name: string, by = 1) => add(communityId, createdAt, name, by);
  const grid = (name: string, by = 1) => gridId && flow(`g.${gridId}.${name}`, by);
  switch (c.event) {
    case 'create':
      flow('p.created');
      cohort('c.received');
      grid('received');
      flow(`k.${categoryId}.received`);
      return;
    case 'accept':
    case 'report':
      flow('p.accepted');
      return;
    case 'dismiss':
      flow('p.dismissed');
      cohort('c.dismissed');
      return;
    case 'escalate':
    case 'summon':
      if (!c.from) return;
      flow(`p.escalated.${c.from.level}`);
      if (c.automatic) flow(`p.overdue.${c.from.level}`);
      if (c.event === 'summon' && c.departmentId) flow(`d.${c.departmentId}.summoned`);
      if (c.automatic && c.from.level === 'department' && c.departmentId) flow(`d.${c.departmentId}.overdue`);
      return;
    case 'resolve':
    case 'decide': {
      if (!c.firstResolution) {
        flow('p.resolvedAgain');
        return;
      }
      const level = c.from?.level ?? c.to.level;
      const onTime = isOnTime(c);
      const hours = (c.at.getTime() - createdAt.getTime()) / HOUR_MS;
      flow(`p.resolved.${level}`);
      flow('p.handlingHours', hours);
      flow('p.handled');
      flow(`p.hb.${bucketOf(hours)}`);
      cohort('c.resolved');
      if (onTime) cohort('c.onTime');
      if (level === 'grid' && (c.deadlinesMissed ?? 0) === 0) cohort('c.onSpot');
      grid('resolved');
      if (onTime) grid('onTime');
      flow(`k.${categoryId}.resolved`);
      if (level === 'department' && c.departmentId) flow(`d.${c.departmentId}.resolved`);
      return;
    }
    case 'rate':
      if (!c.rating) return;
      flow(`p.rated.${c.rating}`);
      grid('rated');
      if (c.rating !== 'unsatisfied') grid('good');
      return;
    case 'expire':
      flow('p.unrated');
      return;
    case 'reopen':
      flow('p.reopened');
      return;
    default:
      return;
  }
}

/** On time: resolved before the deadline of the step it was resolved in, and no deadline ever moved it up the ladder. */
export function isOnTime(c: Pick<PetitionChange, 'at' | 'dueAt' | 'deadlinesMissed'>): boolean {
  return Boolean(c.dueAt) && c.at.getTime() <= c.dueAt!.getTime() && (c.deadlinesMissed ?? 0) === 0;
}

function wishDeltas(c: WishChange, add: Add): void {
  const { communityId, categoryId } = c.facts;
  const flow = (name: string, by = 1) => add(communityId, c.at, name, by);
  switch (c.event) {
    case 'create':
      flow('w.created');
      flow(`wk.${categoryId}.created`);
      return;
    case 'claim':
    case 'dispatch':
      flow('w.claimed');
      if (c.openSince) flow('w.waitHours', (c.at.getTime() - c.openSince.getTime()) / HOUR_MS);
      return;
    case 'complete':
      flow('w.completed');
      return;
    case 'confirm':
    case 'autoConfirm':
      flow('w.confirmed');
      return;
  }
}

/** The bucket a handling time falls in (0 … handlingBucketHours.length). */
export function bucketOf(hours: number): number {
  const i = handlingBucketHours.findIndex((bound) => hours <= bound);
  return i === -1 ? handlingBucketHours.length : i;
}

/** Adds the counters of several days (or communities) together. */
export function sumCounters(docs: readonly Counters[]): Counters {
  const out: Counters = {};
  for (const doc of docs) for (const [name, n] of Object.entries(doc)) if (typeof n === 'number') out[name] = (out[name] ?? 0) + n;
  return out;
}

/** Merges the deltas of several changes (one transaction may make more than one). */
export function mergeDeltas(...all: readonly Deltas[]): Deltas {
  const out: Deltas = {};
  for (const deltas of all) for (const [doc, counters] of Object.entries(deltas)) out[doc] = sumCounters([out[doc] ?? {}, counters]);
  return out;
}

/** A share, or null when nothing was counted (shown as “—”, never as 0 % or 100 %). */
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The 90th-percentile handling time from the buckets: the upper bound of the bucket the 90th percentile falls
 * in (“90 % of cases within X hours”), or null with nothing resolved; `Infinity` when it falls past the last bound.
 */
export function p90Hours(counters: Counters): number | null {
  const counts = Array.from({ length: handlingBucketHours.length + 1 }, (_, i) => counters[`p.hb.${i}`] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen >= 0.9 * total) return i < handlingBucketHours.length ? handlingBucketHours[i] : Infinity;
  }
  return Infinity;
}

const levels: readonly PetitionLevel[] = ['grid', 'community', 'street', 'department', 'district'];

export interface PetitionSummary {
  /** Cases received in the period (cohort), and how many were not accepted (不予受理). */
  received: number;
  dismissed: number;
  /** Of the cases received in the period, resolved by now (first resolutions). */
  resolved: number;
  /** 办结率: resolved / (received − dismissed). */
  resolutionRate: number | null;
  /** 按期办结率: resolved on time / resolved. */
  onTimeRate: number | null;
  /** 就地解决: resolved at the grid without a missed deadline, as a share of those resolved. */
  onSpotRate: number | null;
  onSpot: number;
  /** 满意率: (满意 + 基本满意) / rated, over ratings given in the period; cases closed unrated are not in it. */
  satisfactionRate: number | null;
  rated: number;
  unrated: number;
  /** Over cases first resolved in the period: from filing to resolution, across every level it climbed. */
  averageHours: number | null;
  p90Hours: number | null;
  /** Cases moved up from each level in the period, and those moved because a deadline passed. */
  escalatedFrom: Record<PetitionLevel, number>;
  overdueAt: Record<PetitionLevel, number>;
}

/** The petition numbers of a period, from its summed counters. */
export function summarizePetitions(c: Counters): PetitionSummary {
  const n = (name: string) => c[name] ?? 0;
  const rated = n('p.rated.satisfied') + n('p.rated.basic') + n('p.rated.unsatisfied');
  const handled = n('p.handled');
  return {
    received: n('c.received'),
    dismissed: n('c.dismissed'),
    resolved: n('c.resolved'),
    resolutionRate: share(n('c.resolved'), n('c.received') - n('c.dismissed')),
    onTimeRate: share(n('c.onTime'), n('c.resolved')),
    onSpotRate: share(n('c.onSpot'), n('c.resolved')),
    onSpot: n('c.onSpot'),
    satisfactionRate: share(n('p.rated.satisfied') + n('p.rated.basic'), rated),
    rated,
    unrated: n('p.unrated'),
    averageHours: handled > 0 ? n('p.handlingHours') / handled : null,
    p90Hours: p90Hours(c),
    escalatedFrom: Object.fromEntries(levels.map((l) => [l, n(`p.escalated.${l}`)])) as Record<PetitionLevel, number>,
    overdueAt: Object.fromEntries(levels.map((l) => [l, n(`p.overdue.${l}`)])) as Record<PetitionLevel, number>,
  };
}

export interface GridRank {
  gridId: string;
  received: number;
  resolved: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  volunteerHours: number;
}

/**
 * The grids of a period, best first: by 按期办结 then 满意 (a grid with nothing rated ranks after those with
 * ratings), then by cases resolved; grids are named by the caller.
 */
export function rankGrids(c: Counters): GridRank[] {
  const ids = new Set<string>();
  for (const name of Object.keys(c)) {
    const m = /^g\.([^.]+)\./.exec(name) ?? /^h\.g\.([^.]+)$/.exec(name);
    if (m) ids.add(m[1]);
  }
  const n = (name: string) => c[name] ?? 0;
  const ranks = [...ids].map((gridId) => ({
    gridId,
    received: n(`g.${gridId}.received`),
    resolved: n(`g.${gridId}.resolved`),
    onTimeRate: share(n(`g.${gridId}.onTime`), n(`g.${gridId}.resolved`)),
    satisfactionRate: share(n(`g.${gridId}.good`), n(`g.${gridId}.rated`)),
    volunteerHours: n(`h.g.${gridId}`),
  }));
  const key = (v: number | null) => (v === null ? -1 : v);
  return ranks.sort(
    (a, b) =>
      key(b.onTimeRate) - key(a.onTimeRate) ||
      key(b.satisfactionRate) - key(a.satisfactionRate) ||
      b.resolved - a.resolved ||
      a.gridId.localeCompare(b.gridId),
  );
}
