import type { Asset } from './ledger';
import type { PetitionEvent, PetitionRating, PetitionStatus } from './petition';
import { cardColors, type CardColor } from './petition-cards';
import type { PetitionLevel } from './petition-ladder';
import { dayCst, HOUR_MS } from './time';

/**
 * What the reports of issue 14 count, and how they turn counts into the numbers staff are judged by
 * (办结率, 按期办结率, 满意率, 就地解决, handling time). Reports never scan cases: every change of a case,
 * a wish, a posting or a shift yields counter increments here, per China-time day; they are kept for each
 * place the change belongs to (its grid, community, street and the district) by day and by month, so a report
 * reads the few documents of one place and period. Pure: no SDK, no clock.
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

/** The counters one change adds, per China-time day (`YYYY-MM-DD`; a cohort counter goes to the case's first day). */
export type Deltas = Record<string, Counters>;

/** The stats document of a place (a grid, community or street id, or `district`) for a day or a month. */
export function statsDocId(scope: string, key: string): string {
  return `${scope}:${key}`;
}

/** Facts of a case that decide where its counts go. */
export interface CaseFacts {
  streetId: string;
  communityId: string;
  gridId: string | null;
  categoryId: string;
  createdAt: Date;
}

/** One step of a petition, as the ladder recorded it, with what the counters need to know about the case. */
export interface PetitionChange {
  kind: 'petition';
  event: PetitionEvent | 'create' | 'card';
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
  /** For `card`: the 督办 card's colour (issued at `to.level`, and `departmentId` at department level). */
  card?: CardColor;
  /** What the step changed in the gauges of cases open now (`gaugeDelta`); absent or empty: nothing. */
  now?: Counters;
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
  /** The places it counts for (a posting knows its community; the fold finds the street). */
  scopes: readonly string[];
  asset: Asset;
  amount: number;
  direction: 'issued' | 'redeemed';
}

export interface HoursChange {
  kind: 'hours';
  at: Date;
  scopes: readonly string[];
  gridId: string | null;
  hours: number;
}

export type StatChange = PetitionChange | WishChange | PointsChange | HoursChange;

/** The key of the gauges in `Deltas` and of the stats document that keeps them (`<scope>:now`, period `now`). */
export const NOW_KEY = 'now';

/**
 * The counters `change` adds. Returns an empty object for a change no report counts. Flows and cohorts go to
 * their China-time day; the gauges of cases open now (not a day's count: they go up and down) go to `NOW_KEY`.
 */
export function deltasOf(change: StatChange): Deltas {
  const out: Deltas = {};
  if (change.kind === 'petition' && change.now) {
    const gauges = Object.fromEntries(Object.entries(change.now).filter(([, v]) => v !== 0));
    if (Object.keys(gauges).length > 0) out[NOW_KEY] = gauges;
  }
  const add = (at: Date, name: string, by = 1) => {
    if (by === 0) return;
    const doc = (out[dayCst(at)] ??= {});
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
      add(change.at, `pt.${change.direction}.${change.asset}`, change.amount);
      break;
    case 'hours':
      add(change.at, 'h.total', change.hours);
      if (change.gridId) add(change.at, `h.g.${change.gridId}`, change.hours);
      break;
  }
  return out;
}

type Add = (at: Date, name: string, by?: number) => void;

function petitionDeltas(c: PetitionChange, add: Add): void {
  const { gridId, categoryId, createdAt } = c.facts;
  const flow = (name: string, by = 1) => add(c.at, name, by);
  const cohort = (name: string, by = 1) => add(createdAt, name, by);
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
      flow(`k.${categoryId}.dismissed`);
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
      if (onTime) flow(`k.${categoryId}.onTime`);
      if (level === 'department' && c.departmentId) flow(`d.${c.departmentId}.resolved`);
      return;
    }
    case 'rate':
      if (!c.rating) return;
      flow(`p.rated.${c.rating}`);
      grid('rated');
      if (c.rating !== 'unsatisfied') grid('good');
      flow(`k.${categoryId}.rated`);
      if (c.rating !== 'unsatisfied') flow(`k.${categoryId}.good`);
      return;
    case 'verify':
      // 办结 is counted at the resolution (above), not here: a verification says whether it held.
      flow(`p.verified.${c.to.status === 'resolved' ? (c.automatic ? 'lapsed' : 'resolved') : 'failed'}`);
      return;
    case 'expire':
      flow('p.unrated');
      return;
    case 'reopen':
      flow('p.reopened');
      return;
    case 'card':
      if (!c.card) return;
      flow(`p.card.${c.card}.${c.to.level}`);
      if (c.to.level === 'department' && c.departmentId) flow(`d.${c.departmentId}.card.${c.card}`);
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
  const { categoryId } = c.facts;
  const flow = (name: string, by = 1) => add(c.at, name, by);
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
  /**
   * Of the cases received in the period, resolved by now (first resolutions). 办结 counts when the level resolves
   * it (办结反馈, or a council's decision), not when it is verified (待验证) or closed: a verification that fails
   * reopens the case (`p.verified.failed`; its next resolution is `p.resolvedAgain`), one that holds is
   * `p.verified.resolved`, one nobody made in time `p.verified.lapsed`.
   */
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
  /** 督办 cards issued in the period, by colour and the level whose step got them, and by department. */
  cards: Record<CardColor, Record<PetitionLevel, number>>;
  departmentCards: Array<{ id: string } & Record<CardColor, number>>;
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
    cards: Object.fromEntries(
      cardColors.map((color) => [color, Object.fromEntries(levels.map((l) => [l, n(`p.card.${color}.${l}`)]))]),
    ) as PetitionSummary['cards'],
    departmentCards: departmentCards(c),
  };
}

/** Cards issued to each department (`d.<dept>.card.<colour>`), most red first. */
function departmentCards(c: Counters): PetitionSummary['departmentCards'] {
  const ids = new Set<string>();
  for (const name of Object.keys(c)) {
    const m = /^d\.(.+)\.card\.(yellow|red)$/.exec(name);
    if (m && (c[name] ?? 0) > 0) ids.add(m[1]);
  }
  return [...ids]
    .map((id) => ({ id, yellow: c[`d.${id}.card.yellow`] ?? 0, red: c[`d.${id}.card.red`] ?? 0 }))
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.id.localeCompare(b.id));
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
 * ratings), then by volunteer hours, then by cases resolved; grids are named by the caller.
 */
export function rankGrids(c: Counters): GridRank[] {
  const ids = new Set<string>();
  for (const name of Object.keys(c)) {
    // Hours taken back by a correction leave a 0: a grid with nothing else is not ranked.
    const m = /^g\.([^.]+)\./.exec(name) ?? (c[name] !== 0 ? /^h\.g\.([^.]+)$/.exec(name) : null);
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
      b.volunteerHours - a.volunteerHours ||
      b.resolved - a.resolved ||
      a.gridId.localeCompare(b.gridId),
  );
}

/** The places a case's counts are kept for, most local first: its grid, community, street and the district. */
export function scopesOf(place: { gridId: string | null; communityId: string; streetId: string }): string[] {
  return [...(place.gridId ? [place.gridId] : []), place.communityId, place.streetId, DISTRICT_SCOPE];
}

/** The scope every place of the deployment (one district) counts in. */
export const DISTRICT_SCOPE = 'district';

/** Where a change counts: the places of its case, or those the posting or shift was given. */
export function changeScopes(change: StatChange): readonly string[] {
  return change.kind === 'petition' || change.kind === 'wish' ? scopesOf(change.facts) : change.scopes;
}

/** A stats document counts a day, a month, or (`now`) keeps the gauges of the cases open now. */
export type StatsPeriod = 'day' | 'month' | typeof NOW_KEY;

/**
 * The counters a batch of changes adds to each stats document: every place it counts for, by day and by month
 * (`<scope>:<YYYY-MM-DD>` and `<scope>:<YYYY-MM>`).
 */
export function docDeltas(changes: readonly StatChange[]): Map<string, { scope: string; period: StatsPeriod; key: string; counters: Counters }> {
  const out = new Map<string, { scope: string; period: StatsPeriod; key: string; counters: Counters }>();
  for (const change of changes) {
    for (const [day, counters] of Object.entries(deltasOf(change))) {
      for (const scope of changeScopes(change)) {
        const periods: ReadonlyArray<readonly [StatsPeriod, string]> =
          day === NOW_KEY
            ? [[NOW_KEY, NOW_KEY]]
            : [
                ['day', day],
                ['month', day.slice(0, 7)],
              ];
        for (const [period, key] of periods) {
          const id = statsDocId(scope, key);
          const doc = out.get(id) ?? { scope, period, key, counters: {} };
          doc.counters = sumCounters([doc.counters, counters]);
          out.set(id, doc);
        }
      }
    }
  }
  return out;
}

/** A place whose numbers someone asks for: the district, or an org unit with its ancestors (street first). */
export interface StatsPlace {
  id: string;
  kind: 'grid' | 'community' | 'street' | 'district';
  path: readonly string[];
}

/**
 * Whose numbers a person may read (the one rule): the district's staff and a district admin everything; street
 * staff and a street admin their street and what lies in it; community staff their community and its grids.
 * Nobody else (deny by default).
 */
export function maySeeStats(
  user: { roles: readonly string[]; streetId: string; communityId: string; adminScope?: 'street' | 'district' },
  place: StatsPlace,
): boolean {
  const within = (id: string) => place.id === id || place.path.includes(id);
  if (user.roles.includes('district_staff') || (user.roles.includes('admin') && user.adminScope === 'district')) return true;
  if ((user.roles.includes('street_staff') || user.roles.includes('admin')) && user.streetId && within(user.streetId)) return true;
  return (
    user.roles.includes('staff') && Boolean(user.communityId) && place.kind !== 'street' && place.kind !== 'district' && within(user.communityId)
  );
}

/**
 * Who may read a grid ranking (网格排名): whoever may see the place's numbers, and a grid worker their own
 * community's — the ranking shows rates and counts of grids, no case and no person, and is what their work is
 * compared by. The cases behind the numbers stay with maySeeStats.
 */
export function maySeeRanking(
  user: { roles: readonly string[]; streetId: string; communityId: string; adminScope?: 'street' | 'district' },
  place: StatsPlace,
): boolean {
  if (maySeeStats(user, place)) return true;
  return user.roles.includes('grid_worker') && Boolean(user.communityId) && place.kind === 'community' && place.id === user.communityId;
}

/** The place a person's dashboard opens on: the widest they may see. */
export function ownStatsScope(user: { roles: readonly string[]; streetId: string; communityId: string; adminScope?: 'street' | 'district' }): string {
  if (user.roles.includes('district_staff') || (user.roles.includes('admin') && user.adminScope === 'district')) return DISTRICT_SCOPE;
  if (user.roles.includes('street_staff') || user.roles.includes('admin')) return user.streetId;
  return user.communityId;
}

/** The twelve months that end with `lastMonth` (`YYYY-MM`), oldest first. */
export function twelveMonthsTo(lastMonth: string): string[] {
  const [y, m] = lastMonth.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** Where a petition stands for the gauges of cases open now (null before it exists). */
export interface CaseGauge {
  status: PetitionStatus;
  level: PetitionLevel;
  /** The department holding it (at the department level). */
  departmentId: string | null;
  /** The levels (and departments) whose deadline moved it up the ladder so far. */
  missed: ReadonlyArray<{ level: PetitionLevel; departmentId: string | null }>;
}

/** Statuses in which a case still waits for someone's work (待受理, 办理中, 三方议事, 社区复核); 待验证, 待评价 and 已办结 do not. */
export const openStatuses: readonly PetitionStatus[] = ['pending', 'accepted', 'council', 'review'];

/**
 * The gauges one case adds while it is open: `open.<level>` where it is held now (and `d.<dept>.open` when a
 * department holds it); `overdue.<level>` for each level whose deadline passed on it (the level answerable for
 * the delay, 逾期责任层级) and `d.<dept>.overdue` for a department that let its deadline pass.
 */
export function gaugeCounters(g: CaseGauge | null): Counters {
  const out: Counters = {};
  if (!g || !openStatuses.includes(g.status)) return out;
  out[`open.${g.level}`] = 1;
  if (g.level === 'department' && g.departmentId) out[`d.${g.departmentId}.open`] = 1;
  for (const m of g.missed) {
    out[`overdue.${m.level}`] = 1;
    if (m.level === 'department' && m.departmentId) out[`d.${m.departmentId}.overdue`] = 1;
  }
  return out;
}

/** What a step changed in the gauges: the case's gauges after it, less those before it. */
export function gaugeDelta(before: CaseGauge | null, after: CaseGauge | null): Counters {
  const out = gaugeCounters(after);
  for (const [name, v] of Object.entries(gaugeCounters(before))) out[name] = (out[name] ?? 0) - v;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

export interface NowGauges {
  open: Record<PetitionLevel, number>;
  overdue: Record<PetitionLevel, number>;
  departments: Array<{ id: string; open: number; overdue: number }>;
}

/** The gauges of a place as the dashboard shows them (departments with most open first). */
export function summarizeNow(c: Counters): NowGauges {
  const n = (name: string) => Math.max(0, c[name] ?? 0);
  const ids = new Set<string>();
  for (const name of Object.keys(c)) {
    const m = /^d\.(.+)\.(open|overdue)$/.exec(name);
    if (m && (c[name] ?? 0) > 0) ids.add(m[1]);
  }
  return {
    open: Object.fromEntries(levels.map((l) => [l, n(`open.${l}`)])) as Record<PetitionLevel, number>,
    overdue: Object.fromEntries(levels.map((l) => [l, n(`overdue.${l}`)])) as Record<PetitionLevel, number>,
    departments: [...ids]
      .map((id) => ({ id, open: n(`d.${id}.open`), overdue: n(`d.${id}.overdue`) }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.id.localeCompare(b.id)),
  };
}

export interface CategoryNumbers {
  id: string;
  received: number;
  resolved: number;
  /** Flows of the period (not cohorts as the headline numbers): resolved / (received − dismissed), capped at 1. */
  resolutionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  rated: number;
}

/** Each category's numbers from `k.<cat>.*`, most received first (ties by id; the caller names them). */
export function summarizeCategories(c: Counters): CategoryNumbers[] {
  const n = (name: string) => c[name] ?? 0;
  const ids = new Set<string>();
  for (const name of Object.keys(c)) {
    const m = /^k\.(.+)\.[a-zA-Z]+$/.exec(name);
    if (m) ids.add(m[1]);
  }
  return [...ids]
    .map((id) => {
      const accepted = n(`k.${id}.received`) - n(`k.${id}.dismissed`);
      const rate = share(n(`k.${id}.resolved`), accepted);
      return {
        id,
        received: n(`k.${id}.received`),
        resolved: n(`k.${id}.resolved`),
        resolutionRate: rate === null ? null : Math.min(1, rate),
        onTimeRate: share(n(`k.${id}.onTime`), n(`k.${id}.resolved`)),
        satisfactionRate: share(n(`k.${id}.good`), n(`k.${id}.rated`)),
        rated: n(`k.${id}.rated`),
      };
    })
    .sort((a, b) => b.received - a.received || a.id.localeCompare(b.id));
}
