import { DomainError } from './errors';
import type { OrgPlace, UserProfile } from './org';
import type { PetitionState, PetitionStatus } from './petition';
import { ladderDueAt, dueAt } from './petition-deadlines';
import { levelLabels, type LadderConfig, type PetitionLevel } from './petition-ladder';
import { holdsLevel } from './scope';
import { addDays, minuteCst } from './time';

/**
 * 延期申请: whoever holds a case at its level asks for a later deadline for the current step, with a reason; the
 * level above approves or refuses. One request per case is kept on it (`PetitionDoc.extension`); a move of the case
 * starts a new step, and a request still pending for the old one lapses (it names its step by the step's `since`).
 */
export interface PetitionExtension {
  status: 'pending' | 'approved' | 'refused';
  reason: string;
  /** The deadline asked for. */
  until: Date;
  /** The step it was asked for: the case's `since` then. */
  stepSince: Date;
  /** The level that asked (the step's level). */
  level: PetitionLevel;
  /** The ladder's own deadline of that step, which bounds how far it may be moved. */
  ladderDueAt: Date;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  /** The decider's note. */
  note: string | null;
}

/** How far beyond the ladder's own deadline a step may be moved. */
export const MAX_EXTENSION_DAYS = 30;

/** The steps a handler may ask more time for: waiting to be taken, being handled, in council or in review. */
export const extendableStatuses: readonly PetitionStatus[] = ['pending', 'accepted', 'council', 'review'];

/** Who decides a level's request: the level above (a street's and a department's: the district; the district's: a colleague). */
export const deciderLevel: Record<PetitionLevel, PetitionLevel> = {
  grid: 'community',
  community: 'street',
  street: 'district',
  department: 'district',
  district: 'district',
};

/** The levels that decide requests (a grid's goes to its community). */
export const decidingLevels = ['community', 'street', 'district'] as const satisfies readonly PetitionLevel[];
export type DecidingLevel = (typeof decidingLevels)[number];

/**
 * Whose 延期待批 list a pending request is on (`PetitionDoc.extensionDecider`, one indexed query per list): the
 * deciding level and, below the district, which unit of it — `community:<id>`, `street:<id>`, `district`. The same
 * key made from a decider's own profile finds their list.
 */
export function deciderKey(level: DecidingLevel, place: Pick<OrgPlace, 'communityId' | 'streetId'>): string {
  if (level === 'community') return `community:${place.communityId}`;
  if (level === 'street') return `street:${place.streetId}`;
  return 'district';
}

/** The key of the list a request from a step at `level` goes on. */
export const deciderKeyOf = (level: PetitionLevel, place: Pick<OrgPlace, 'communityId' | 'streetId'>): string =>
  deciderKey(deciderLevel[level] as DecidingLevel, place);

type Case = Pick<PetitionState, 'status' | 'level' | 'urgency' | 'since' | 'extendedUntil' | 'departmentId'> &
  OrgPlace & {
    extension?: PetitionExtension | null;
  };

/** The case's request for its current step, or null (none, or one for a step the case has since left: lapsed). */
export function liveExtension(p: Pick<Case, 'since' | 'status' | 'extension'>): PetitionExtension | null {
  const e = p.extension;
  if (!e || p.status === 'closed' || new Date(e.stepSince).getTime() !== new Date(p.since).getTime()) return null;
  return e;
}

/** The window a new deadline must fall in: later than the current one, at most MAX_EXTENSION_DAYS beyond the ladder's. */
export function extensionWindow(p: Case, config: LadderConfig): { after: Date; latest: Date; ladderDueAt: Date } | null {
  const ladder = liveExtension(p)?.ladderDueAt ?? ladderDueAt(p, config);
  const current = dueAt(p, config);
  if (!ladder || !current) return null;
  return { after: new Date(current), latest: addDays(new Date(ladder), MAX_EXTENSION_DAYS), ladderDueAt: new Date(ladder) };
}

/**
 * The window as the case stores it (for the views, which read no ladder settings): the stored deadline is the
 * ladder's own until an extension is approved, and an approved one keeps the ladder's on the request.
 */
export function storedWindow(p: Case & { dueAt: Date | null }, now: Date): { after: Date; latest: Date } | null {
  const live = liveExtension(p);
  const ladder = live?.ladderDueAt ?? (p.extendedUntil ? null : p.dueAt);
  if (!ladder || !p.dueAt) return null;
  return { after: new Date(Math.max(new Date(p.dueAt).getTime(), now.getTime())), latest: addDays(new Date(ladder), MAX_EXTENSION_DAYS) };
}

/** Whether the holder may ask now (the view's button): an extendable step with no request of its pending. */
export function mayRequestExtension(p: Case & { dueAt: Date | null }, now: Date): { after: Date; latest: Date } | null {
  if (!extendableStatuses.includes(p.status) || liveExtension(p)?.status === 'pending') return null;
  const w = storedWindow(p, now);
  return w && w.latest.getTime() > w.after.getTime() ? w : null;
}

/** `2026-03-20 18:00` in China time, for notes and notices. */
export const untilText = (until: Date): string => minuteCst(new Date(until));

/** `03-20 18:00`: the date where a notice has 20 characters for it. */
export const untilShort = (until: Date): string => minuteCst(new Date(until)).slice(5);

/**
 * The holder may ask when the step can have a deadline moved, no request of theirs is pending for it, and the date
 * falls in the window (and after now). Authority (assertHolds) is checked by the caller first.
 */
export function assertMayRequestExtension(p: Case, until: Date, now: Date, config: LadderConfig): { ladderDueAt: Date } {
  if (!extendableStatuses.includes(p.status)) throw new DomainError('PETITION_ILLEGAL_MOVE', '诉求已办结或待评价，不能申请延期');
  if (liveExtension(p)?.status === 'pending') throw new DomainError('PETITION_EXTENSION_PENDING');
  const window = extensionWindow(p, config);
  if (!window) throw new DomainError('PETITION_ILLEGAL_MOVE', '这一步没有办理期限，不能申请延期');
  const after = Math.max(window.after.getTime(), now.getTime());
  if (until.getTime() <= after) {
    throw new DomainError('PETITION_EXTENSION_DATE', `新的期限须晚于现在的期限（${untilText(new Date(after))}）`);
  }
  if (until.getTime() > window.latest.getTime()) {
    throw new DomainError('PETITION_EXTENSION_DATE', `最多延至 ${untilText(window.latest)}（原期限后 ${MAX_EXTENSION_DAYS} 天）`);
  }
  return { ladderDueAt: window.ladderDueAt };
}

/** Whether `user` may decide the case's pending request: the level above its step's level, and not who asked. */
export function decidesExtension(user: Pick<UserProfile, '_id'> & Parameters<typeof holdsLevel>[0], p: Case): boolean {
  const e = liveExtension(p);
  return !!e && e.status === 'pending' && e.requestedBy !== user._id && holdsLevel(user, deciderLevel[e.level], p);
}

/**
 * The request to decide, or why not: none, one for a step the case has left (lapsed), one already decided, one's
 * own (回避), or not the level above. A decision to approve also needs the date still ahead.
 */
export function assertMayDecideExtension(
  user: Pick<UserProfile, '_id'> & Parameters<typeof holdsLevel>[0],
  p: Case,
  approve: boolean,
  now: Date,
): PetitionExtension {
  const e = p.extension;
  if (!e) throw new DomainError('PETITION_EXTENSION_NONE');
  const live = liveExtension(p);
  if (!live) throw new DomainError('PETITION_EXTENSION_LAPSED');
  if (!holdsLevel(user, deciderLevel[live.level], p)) {
    throw new DomainError('FORBIDDEN_SCOPE', `延期申请由${levelLabels[deciderLevel[live.level]]}一级审批`);
  }
  if (live.requestedBy === user._id) throw new DomainError('FORBIDDEN_SELF');
  if (live.status !== 'pending') throw new DomainError('PETITION_EXTENSION_DECIDED');
  if (approve && new Date(live.until).getTime() <= now.getTime()) {
    throw new DomainError('PETITION_EXTENSION_DATE', '申请延至的时间已过，请不予同意并让办理人重新申请');
  }
  return live;
}
