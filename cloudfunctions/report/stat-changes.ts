import { isSystemAccount, kindOf, type Posting } from '../../src/shared/domain/ledger';
import { dueAt } from '../../src/shared/domain/petition-deadlines';
import { countedMinutes, type PostShift } from '../../src/shared/domain/post';
import type { LadderConfig } from '../../src/shared/domain/petition-ladder';
import {
  deltasOf,
  gaugeDelta,
  scopesOf,
  sumCounters,
  type CaseFacts,
  type CaseGauge,
  type HoursChange,
  type PetitionChange,
  type StatChange,
} from '../../src/shared/domain/stats';
import { cohortTags } from '../../src/shared/domain/stats-cases';
import type { PetitionDoc } from '../petition/petition-repo';
import type { WishDoc } from '../wish/wish-repo';

/**
 * The changes the reports count, read back from what the write path already committed: a case's history (each
 * step stamped with its time, written in the step's own transaction) and the ledger's postings. Nothing is
 * counted twice or missed as long as each step is folded once — stats-fold.ts keeps that promise by the number
 * of steps of each case already counted.
 */

/** A petition's steps from the `counted`-th on, as changes; the ladder gives the deadline a first resolution was held to. */
export function petitionChanges(p: PetitionDoc, counted: number, ladder: LadderConfig): StatChange[] {
  const facts: CaseFacts = {
    streetId: p.streetId,
    communityId: p.communityId,
    gridId: p.gridId,
    categoryId: p.categoryId,
    createdAt: new Date(p.createdAt),
  };
  const out: StatChange[] = [];
  let resolved = false;
  let missed = 0;
  let department: string | null = null;
  // Where the case stood for the gauges of cases open now, before the step (null before it was filed).
  let gauge: CaseGauge | null = null;
  // The last step that moved the case: a 催办 line (from = to) starts no step, so deadlines count from the move before it.
  let before: PetitionDoc['history'][number] | null = null;
  // The step's deadline as an approved 延期申请 moved it: read from its 'extend' line, dropped by the next move.
  let extendedUntil: Date | null = null;
  p.history.forEach((step, i) => {
    // 催办 is no move: nothing to count (three urges issue a card, and the card is counted). Nor is a 延期申请 or
    // its refusal; an approval moves the deadline the step's resolution is held to (按期办结).
    if (step.event === 'urge' || step.event === 'extendRequest' || step.event === 'extendRefused') return;
    if (step.event === 'extend') {
      extendedUntil = step.until ? new Date(step.until) : null;
      return;
    }
    // A 督办 card moves nothing either (no gauge, no deadline): counted as issued, at its level (and department).
    if (step.event === 'card') {
      if (i >= counted && step.card) {
        out.push({
          kind: 'petition',
          event: 'card',
          at: new Date(step.at),
          from: step.from,
          to: step.to,
          automatic: step.automatic,
          facts,
          departmentId: step.departmentId,
          card: step.card,
        });
      }
      return;
    }
    const at = new Date(step.at);
    const first = (step.event === 'resolve' || step.event === 'decide') && !resolved;
    const due =
      first && before
        ? dueAt({ status: before.to.status, level: before.to.level, urgency: p.urgency, since: new Date(before.at), extendedUntil }, ladder)
        : null;
    extendedUntil = null;
    const heldBy = department;
    // 改派 to another department hands the case to it as a summons does.
    if (step.event === 'summon' || (step.event === 'reassign' && step.departmentId)) department = step.departmentId;
    const deadlineMoved = step.automatic && (step.event === 'escalate' || step.event === 'summon') && step.from !== null;
    const after: CaseGauge = {
      status: step.to.status,
      level: step.to.level,
      departmentId: step.to.level === 'department' ? (step.departmentId ?? department) : null,
      missed: [
        ...(gauge?.missed ?? []),
        ...(deadlineMoved && step.from ? [{ level: step.from.level, departmentId: step.from.level === 'department' ? heldBy : null }] : []),
      ],
    };
    const now = gaugeDelta(gauge, after);
    gauge = after;
    if (i >= counted) {
      const rated = step.event === 'rate' ? ratingOf(p, step.to.status) : undefined;
      out.push({
        kind: 'petition',
        event: rated === 'unrated' ? 'expire' : step.event,
        at,
        from: step.from,
        to: step.to,
        automatic: step.automatic,
        facts,
        departmentId: step.departmentId ?? department,
        ...(step.event === 'resolve' || step.event === 'decide' ? { firstResolution: first, dueAt: due, deadlinesMissed: missed } : {}),
        ...(rated && rated !== 'unrated' ? { rating: rated } : {}),
        ...(Object.keys(now).length > 0 ? { now } : {}),
      });
    }
    if (first) resolved = true;
    if (step.automatic && (step.event === 'escalate' || step.event === 'summon')) missed++;
    before = step;
  });
  return out;
}

/**
 * What a rating step said: 不满意 reopens the case (it does not close it); a closing rating is the one kept on the
 * case — unless it was relayed (代评), which is nobody's satisfaction and counts as unrated.
 */
function ratingOf(p: PetitionDoc, to: PetitionDoc['status']): 'satisfied' | 'basic' | 'unsatisfied' | 'unrated' {
  if (to !== 'closed') return 'unsatisfied';
  if (!p.rating || p.rating.byProxy) return 'unrated';
  return p.rating.value;
}

const wishEvents = new Set(['create', 'claim', 'dispatch', 'complete', 'confirm', 'autoConfirm']);

/** A wish's steps from the `counted`-th on, as changes. */
export function wishChanges(wish: WishDoc, counted: number): StatChange[] {
  const facts: CaseFacts = {
    streetId: wish.streetId,
    communityId: wish.communityId,
    gridId: wish.gridId,
    categoryId: wish.categoryId,
    createdAt: new Date(wish.createdAt),
  };
  const out: StatChange[] = [];
  let approvedAt: Date | null = null;
  for (const [i, step] of wish.history.entries()) {
    const at = new Date(step.at);
    if (step.event === 'approve') approvedAt = at;
    if (i < counted || !wishEvents.has(step.event)) continue;
    out.push({
      kind: 'wish',
      event: step.event as 'create' | 'claim' | 'dispatch' | 'complete' | 'confirm' | 'autoConfirm',
      at,
      facts,
      ...(step.event === 'claim' || step.event === 'dispatch' ? { openSince: approvedAt } : {}),
    });
  }
  return out;
}

/**
 * A posting as points issued, counted for `scopes` (its community, street and the district), (the community's issuer credits a person or a shop) or redeemed (a person's points,
 * directly or out of a hold, go to the mall or a shop). A reversal (冲正, a refund) takes back what it reverses;
 * other moves (holds taken or returned, fees) are neither.
 */
export function postingChanges(p: Pick<Posting, 'at' | 'asset' | 'amount' | 'from' | 'to' | 'reversalOf'>, scopes: readonly string[]): StatChange[] {
  const from = kindOf(p.from);
  const to = kindOf(p.to);
  const change = (direction: 'issued' | 'redeemed', amount: number): StatChange[] => [
    { kind: 'points', at: new Date(p.at), scopes, asset: p.asset, amount, direction },
  ];
  const spendsAt = (k: string) => k === 'mall' || k === 'shop';
  if (!p.reversalOf) {
    if (from === 'issuer' && !isSystemAccount(p.to)) return change('issued', p.amount);
    if ((from === 'user' || from === 'hold') && spendsAt(to)) return change('redeemed', p.amount);
    return [];
  }
  if (to === 'issuer' && !isSystemAccount(p.from)) return change('issued', -p.amount);
  if (spendsAt(from) && (to === 'user' || to === 'hold')) return change('redeemed', -p.amount);
  return [];
}

/**
 * The cohort tags of a petition (stats-cases.ts), from all its steps and the very counters the fold adds for them:
 * stamped on the case by the fold when it counts the case, so the lists behind a number agree with it.
 */
export function petitionTags(p: PetitionDoc, ladder: LadderConfig): string[] {
  const changes = petitionChanges(p, 0, ladder).filter((c): c is PetitionChange => c.kind === 'petition');
  const own = sumCounters(changes.flatMap((c) => Object.values(deltasOf(c))));
  return cohortTags(
    own,
    {
      escalated: changes.some((c) => c.event === 'escalate' || c.event === 'summon'),
      ratings: changes.flatMap((c) => (c.event === 'rate' && c.rating ? [c.rating] : [])),
      unrated: changes.some((c) => c.event === 'expire'),
    },
    p.categoryId,
  );
}

/** What a shift's hours are counted by: where it was served and the day it ended. */
export type ShiftOfHours = Pick<PostShift, 'streetId' | 'communityId' | 'gridId' | 'endedAt' | 'status' | 'minutes'>;

/**
 * A shift's volunteer hours as a change, for its grid (if its post has one), community, street and the district,
 * on the day it ended: `minutes` of them (what it counts now less what was counted before — a correction that
 * reverses it takes them back); none for a shift not yet ended or nothing to add.
 */
export function shiftChange(s: ShiftOfHours, minutes: number): HoursChange[] {
  if (!s.endedAt || minutes === 0) return [];
  const gridId = s.gridId || null;
  return [
    {
      kind: 'hours',
      at: new Date(s.endedAt),
      scopes: scopesOf({ gridId, communityId: s.communityId, streetId: s.streetId }),
      gridId,
      hours: minutes / 60,
    },
  ];
}

/** The hours a shift has still to add to the counters, that have counted `statsMinutes` of it already. */
export const shiftHoursChanges = (s: ShiftOfHours & Pick<PostShift, 'statsMinutes'>): HoursChange[] =>
  shiftChange(s, countedMinutes(s) - (s.statsMinutes ?? 0));
