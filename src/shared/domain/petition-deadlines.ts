import type { PetitionState } from './petition';
import { levelLabels, type LadderConfig } from './petition-ladder';
import { addDays, addHours } from './time';

type Timed = Pick<PetitionState, 'status' | 'level' | 'urgency' | 'since' | 'extendedUntil'>;

/**
 * When the current step is due: taking the case, settling it, verifying it, or the resident's rating; an approved extension's
 * date instead of the ladder's while the step lasts. Null when closed.
 */
export function dueAt(p: Timed, config: LadderConfig): Date | null {
  if (p.extendedUntil && p.status !== 'closed') return new Date(p.extendedUntil);
  return ladderDueAt(p, config);
}

/** The ladder's own deadline for the current step, extensions aside (the 督办 card clock and the extension bound read it). */
export function ladderDueAt(p: Timed, config: LadderConfig): Date | null {
  switch (p.status) {
    case 'pending':
      return addHours(p.since, config.acceptHours[p.level][p.urgency]);
    case 'accepted':
      return addHours(p.since, config.resolveHours[p.level][p.urgency]);
    case 'council':
    case 'review':
      return addHours(p.since, config.resolveHours.community[p.urgency]);
    case 'verifying':
      return addDays(p.since, config.verifyDays);
    case 'resolved':
      return addDays(p.since, config.ratingDays);
    case 'closed':
      return null;
  }
}

/** What the timer does with a case whose step is overdue. */
export type DueAction =
  | { kind: 'none' }
  | { kind: 'escalate'; note: string }
  | { kind: 'summon'; departmentId: string; note: string }
  | { kind: 'verifyLapsed'; note: string }
  | { kind: 'closeUnrated'; note: string };

function acts(p: Pick<PetitionState, 'status' | 'level'>): boolean {
  // The district is the top: an overdue case there stays in its queue, flagged, for people to chase.
  if (p.status === 'resolved' || p.status === 'verifying') return true;
  return (p.status === 'pending' || p.status === 'accepted' || p.status === 'council') && p.level !== 'district';
}

/**
 * What the sweep should do now: climb one rung when a level let its deadline pass (a street summons the
 * category's department, or hands over to the district when there is none), pass a resolution nobody verified
 * on to the rating (超时未验证), or close a resolution the resident never rated.
 */
export function dueAction(p: PetitionState, now: Date, config: LadderConfig): DueAction {
  const due = dueAt(p, config);
  if (!due || now.getTime() < due.getTime() || !acts(p)) return { kind: 'none' };
  if (p.status === 'verifying') return { kind: 'verifyLapsed', note: `超时未验证：${config.verifyDays} 天内无人验证，转待评价` };
  if (p.status === 'resolved') return { kind: 'closeUnrated', note: `${config.ratingDays} 天内未评价，自动办结` };
  const what = p.status === 'pending' ? '未受理' : '未办结';
  const note = `${levelLabels[p.level]}超时${what}，自动上报`;
  if (p.level === 'street' && p.defaultDepartmentId) return { kind: 'summon', departmentId: p.defaultDepartmentId, note };
  return { kind: 'escalate', note };
}

/** When the sweep should next look at the case (null: no timer will ever move it). Stored so it can query it. */
export function actAt(p: PetitionState, config: LadderConfig): Date | null {
  return acts(p) ? dueAt(p, config) : null;
}

/** 周反馈: the countdown to the first feedback promised at filing. */
export function feedbackDueAt(createdAt: Date, config: LadderConfig): Date {
  return addDays(createdAt, config.feedbackDays);
}

export function isOverdue(due: Date | null, now: Date): boolean {
  return due !== null && now.getTime() >= new Date(due).getTime();
}
