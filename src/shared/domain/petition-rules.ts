import { DomainError } from './errors';
import type { OrgPlace, UserProfile } from './org';
import type { PetitionEvent, PetitionStatus } from './petition';
import { levelLabels, type PetitionLevel } from './petition-ladder';
import { handlesPetition, holdsLevel } from './scope';

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

/** The reporter rates; for a case filed for a resident without a phone (红色代办), the grid worker who filed it relays. */
export function assertMayRate(openid: string, p: { reporterId: string | null; filedById: string | null }): void {
  if (openid === p.reporterId || (p.filedById !== null && openid === p.filedById)) return;
  throw new DomainError('PETITION_NOT_REPORTER');
}

/** 我也遇到: a neighbour in the same community backs an open, listed case that is not their own. */
export function assertMayCosign(
  user: Pick<UserProfile, '_id' | 'communityId'>,
  p: { reporterId: string | null; filedById: string | null; communityId: string; status: PetitionStatus; listed: boolean },
): void {
  if (user._id === p.reporterId || user._id === p.filedById) throw new DomainError('PETITION_OWN_COSIGN');
  if (!p.listed || p.communityId !== user.communityId) throw new DomainError('FORBIDDEN_SCOPE');
  if (p.status === 'closed' || p.status === 'resolved') throw new DomainError('PETITION_ILLEGAL_MOVE', '诉求已办结，不能再附议');
}

/** The idempotency key of the reporter's virtue credit: one per petition, whatever retries or reopens. */
export function creditKey(petitionId: string): string {
  return `petition:${petitionId}:valid`;
}

/** The first acceptance (or a resolution reached without one) shows the petition was valid: it earns credit. */
export function earnsCredit(event: PetitionEvent): boolean {
  return event === 'accept' || event === 'report' || event === 'resolve' || event === 'decide';
}

/** One line of the ladder timeline: who did what, at which level, when, why, and whether a timer did it. */
export interface PetitionStep {
  event: PetitionEvent | 'create';
  by: string;
  byName: string;
  at: Date;
  from: { status: PetitionStatus; level: PetitionLevel } | null;
  to: { status: PetitionStatus; level: PetitionLevel };
  departmentId: string | null;
  note: string | null;
  automatic: boolean;
}
