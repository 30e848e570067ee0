import { DomainError } from './errors';
import type { OrgPlace, UserProfile } from './org';
import type { PetitionEvent, PetitionStatus } from './petition';
import type { CardColor, CategoryCardLimits } from './petition-cards';
import { levelLabels, type PetitionLevel } from './petition-ladder';
import { coversPlace, handlesPetition, holdsLevel } from './scope';
import { assertNotSelf } from './self-dealing';
import { dayCst } from './time';

/** A category of the configurable tree (环境卫生 → 垃圾清运, …). */
export interface PetitionCategory {
  _id: string;
  name: string;
  parentId: string | null;
  order: number;
  /** The department a street summons for this kind of problem when its deadline passes. */
  departmentId: string | null;
  /** Property or owners' matters may go to the three-party council (社区 + 业委会 + 物业). */
  council: boolean;
  /** Disputes between neighbours are never listed to others or open to co-signing. */
  private: boolean;
  /** 督办 limits of this kind of problem, in hours per level × clock (petition-cards.ts); absent: the defaults. */
  cardLimits?: CategoryCardLimits | null;
}

/** A district department (职能部门) a street can summon. */
export interface Department {
  _id: string;
  name: string;
  order: number;
}

type Case = OrgPlace & {
  status: PetitionStatus;
  level: PetitionLevel;
  departmentId: string | null;
  departmentIds: readonly string[];
};

/**
 * Only whoever holds the case at its current level may move it. Someone on its ladder at another level (its
 * grid, community, street, a department it summoned, the district) is told where it is (PETITION_NOT_HOLDER);
 * anyone else, that it is not theirs (FORBIDDEN_SCOPE).
 */
export function assertHolds(user: UserProfile, p: Case): void {
  if (holdsLevel(user, p.level, p)) return;
  if (handlesPetition(user, { ...p, topLevel: 'district' })) {
    throw new DomainError('PETITION_NOT_HOLDER', `这条诉求当前在${levelLabels[p.level]}一级办理`);
  }
  throw new DomainError('FORBIDDEN_SCOPE');
}

export interface ResolutionPhotos {
  photos: readonly string[];
  beforePhotos: readonly string[];
  afterPhotos: readonly string[];
}

/** 网格当场办结: a grid worker closing a case on the spot shows it with photos from before and after. */
export function assertResolutionEvidence(level: PetitionLevel, r: ResolutionPhotos): void {
  if (level === 'grid' && (r.beforePhotos.length === 0 || r.afterPhotos.length === 0)) throw new DomainError('PETITION_PHOTOS_REQUIRED');
}

type Filer = Pick<UserProfile, '_id' | 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids'>;

/**
 * 红色代办: only the grid worker of the person's own grid, or staff of their community, files for them, and
 * never for themselves; anyone else is refused (FORBIDDEN_SCOPE) before anything of the person is shown.
 */
export function assertMayFileFor(filer: Filer, person: OrgPlace & { _id: string }): void {
  const inScope = coversPlace(filer, 'grid_worker', person) || coversPlace(filer, 'staff', person);
  if (filer._id === person._id || !inScope) throw new DomainError('FORBIDDEN_SCOPE', '只能为本网格（社区）的居民代办');
}

/** A case filed for someone lands where the filer works: a grid worker cannot place it in another grid. */
export function assertMayFileAt(filer: Filer, place: OrgPlace): void {
  if (!coversPlace(filer, 'grid_worker', place) && !coversPlace(filer, 'staff', place)) throw new DomainError('PETITION_PLACE_INVALID');
}

/**
 * Who rates: a registered reporter, themselves; their 代办人 (helper) who filed it may relay their word as 代评.
 * For someone not registered (红色代办 by name) the filer relays it as 代评 ('proxy'). A 代评 is recorded but never
 * counts as the resident's satisfaction.
 */
export function raterOf(openid: string, p: { reporterId: string | null; filedById: string | null; filedAs?: 'helper' }): 'reporter' | 'proxy' | null {
  if (p.reporterId !== null && openid === p.reporterId) return 'reporter';
  if (p.filedById === null || openid !== p.filedById) return null;
  return p.reporterId === null || p.filedAs === 'helper' ? 'proxy' : null;
}

export function assertMayRate(openid: string, p: { reporterId: string | null; filedById: string | null; filedAs?: 'helper' }): 'reporter' | 'proxy' {
  const rater = raterOf(openid, p);
  if (!rater) throw new DomainError('PETITION_NOT_REPORTER');
  return rater;
}

/**
 * 现场验证: the grid worker of the case's grid checks a resolution on site; the community's staff where the place
 * has no grid, or where the grid resolved it itself (its worker cannot check their own work). Nobody verifies a
 * resolution they made, nor their own case as its resident (回避). Others are refused (FORBIDDEN_SCOPE); the
 * status is the state machine's to check.
 */
type Verifier = Pick<UserProfile, '_id' | 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids'>;
type Verified = OrgPlace & { reporterId: string | null; reporterIsResident: boolean; resolution: { by: string; level: PetitionLevel } | null };

export function assertMayVerifyOnSite(user: Verifier, p: Verified): void {
  const byStaff = !p.gridId || p.resolution?.level === 'grid';
  const inScope = (p.gridId !== null && coversPlace(user, 'grid_worker', p)) || (byStaff && coversPlace(user, 'staff', p));
  if (!inScope) throw new DomainError('FORBIDDEN_SCOPE', p.gridId ? '只有本网格的网格员可以现场验证' : '只有本社区工作人员可以现场验证');
  if (p.resolution?.by === user._id) throw new DomainError('FORBIDDEN_SELF');
  if (p.reporterIsResident) assertNotSelf(user._id, p.reporterId);
}

/** Whether `user` may verify the case on site now (the view's `verifies`). */
export function mayVerifyOnSite(user: Verifier, p: Verified & { status: PetitionStatus }): boolean {
  if (p.status !== 'verifying') return false;
  try {
    assertMayVerifyOnSite(user, p);
    return true;
  } catch {
    return false;
  }
}

/**
 * 确认办理结果: whoever may rate the case (its reporter, or the filer relaying for them) answers 已解决 / 部分解决 /
 * 未解决 — never someone who resolved it themselves (a grid worker's 红色代办 they handled).
 */
export function assertMayConfirm(
  openid: string,
  p: { reporterId: string | null; filedById: string | null; filedAs?: 'helper'; resolution: { by: string } | null },
): 'reporter' | 'proxy' {
  const who = raterOf(openid, p);
  if (!who) throw new DomainError('PETITION_NOT_REPORTER', '只有诉求人（或为其代办的人）可以确认办理结果');
  if (p.resolution?.by === openid) throw new DomainError('FORBIDDEN_SELF');
  return who;
}

/** 我也遇到: a neighbour in the same community backs an open, listed case that is not their own. */
export function assertMayCosign(
  user: Pick<UserProfile, '_id' | 'communityId'>,
  p: { reporterId: string | null; filedById: string | null; communityId: string; status: PetitionStatus; listed: boolean },
): void {
  if (user._id === p.reporterId || user._id === p.filedById) throw new DomainError('PETITION_OWN_COSIGN');
  if (!p.listed || p.communityId !== user.communityId) throw new DomainError('FORBIDDEN_SCOPE');
  if (p.status === 'closed' || p.status === 'resolved' || p.status === 'verifying')
    throw new DomainError('PETITION_ILLEGAL_MOVE', '诉求已办结，不能再附议');
}

/** The statuses a case may be urged in (催办): waiting at a level, handled, in council or in review — not resolved or closed. */
export const urgeableStatuses: readonly PetitionStatus[] = ['pending', 'accepted', 'council', 'review'];

/** Who urges: the reporter, or the 代办人 (helper) who filed it for them — not a grid worker's 红色代办 (they handle it). */
export function mayUrge(openid: string, p: { reporterId: string | null; filedById: string | null; filedAs?: 'helper' }): boolean {
  return (p.reporterId !== null && openid === p.reporterId) || (p.filedAs === 'helper' && p.filedById !== null && openid === p.filedById);
}

/** Whether the reporter's last 催办 fell on the China day of `now` (one a day per case). */
export function urgedToday(p: { lastUrgedAt?: Date | null }, now: Date): boolean {
  return !!p.lastUrgedAt && dayCst(new Date(p.lastUrgedAt)) === dayCst(now);
}

/**
 * 催办: the reporter (or the 代办人 who filed it for them) urges an open case, at most once per case per China day.
 * The count kept on the case is for 督办 (three urges will mark it yellow when the supervision cards come).
 */
export function assertMayUrge(
  openid: string,
  p: { reporterId: string | null; filedById: string | null; filedAs?: 'helper'; status: PetitionStatus; lastUrgedAt?: Date | null },
  now: Date,
): void {
  if (!mayUrge(openid, p)) throw new DomainError('PETITION_URGE_NOT_REPORTER');
  if (!urgeableStatuses.includes(p.status)) throw new DomainError('PETITION_ILLEGAL_MOVE', '诉求已办结或待评价，不能催办');
  if (urgedToday(p, now)) throw new DomainError('PETITION_URGED_TODAY');
}

/** The idempotency key of the reporter's virtue credit: one per petition, whatever retries or reopens. */
export function creditKey(petitionId: string): string {
  return `petition:${petitionId}:valid`;
}

/**
 * 有效诉求记美德信用: a resident's own case earns when first taken (or resolved without that). A case filed for
 * them earns only when they rate it themselves: otherwise whoever files could mint credit for anyone.
 */
export function earnsCredit(
  event: PetitionEvent,
  p: { reporterId: string | null; reporterIsResident: boolean; filedById: string | null },
  by: string,
): boolean {
  if (p.reporterId === null || !p.reporterIsResident) return false;
  if (p.filedById !== null) return event === 'rate' && by === p.reporterId;
  return event === 'accept' || event === 'report' || event === 'resolve' || event === 'decide';
}

/** One line of the ladder timeline: who did what, at which level, when, why, and whether a timer did it. */
export interface PetitionStep {
  /**
   * 'urge': a resident's 催办; 'extendRequest' / 'extend' / 'extendRefused': a 延期申请 and its decision
   * (petition-extension.ts); 'card': a 督办 card issued on the step (by the clock, three urges or a 督办员's hand), its colour in
   * `card` — lines on the timeline that move nothing (from = to).
   */
  event: PetitionEvent | 'create' | 'urge' | 'card' | ExtensionEvent;
  by: string;
  byName: string;
  at: Date;
  from: { status: PetitionStatus; level: PetitionLevel } | null;
  to: { status: PetitionStatus; level: PetitionLevel };
  departmentId: string | null;
  note: string | null;
  automatic: boolean;
  /** On an 'extend' line: the step's new deadline (the reports read the deadline a resolution was held to from here). */
  until?: Date;
  /** For a 'card' line: the card's colour (the reports count cards issued per level and department). */
  card?: CardColor;
}

/** The timeline lines of a 延期申请: asked, approved (the deadline moves), refused. */
export const extensionEvents = ['extendRequest', 'extend', 'extendRefused'] as const;
export type ExtensionEvent = (typeof extensionEvents)[number];
