import { DomainError } from './errors';
import type { UserProfile } from './org';

/**
 * 三张清单 (开封 "资源、需求、项目三张清单"): needs (需求), resources (资源) and projects (项目) of a community.
 * Staff turn needs into a project and match resources to it; a reporting unit (共建单位) claims it (契约化共建)
 * and reports progress; once finished, residents and staff rate it. Pure: no SDK, no clock.
 */

/** What can be offered: 场地, 技能, 资金, 志愿者, 设备. */
export const resourceKinds = ['venue', 'skills', 'funds', 'volunteers', 'equipment'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceKindLabels: Record<ResourceKind, string> = {
  venue: '场地',
  skills: '技能',
  funds: '资金',
  volunteers: '志愿者',
  equipment: '设备',
};

/** Who offers a resource: a reporting unit (双报到), a merchant's shop, or a member themself. */
export const providerKinds = ['unit', 'shop', 'member'] as const;
export type ProviderKind = (typeof providerKinds)[number];
export const providerKindLabels: Record<ProviderKind, string> = { unit: '共建单位', shop: '爱心商家', member: '党员志愿者' };

/** 待认领 → 进行中 (claimed by one unit) → 已完成 (the claimant's final report). */
export const projectStatuses = ['open', 'claimed', 'done'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Record<ProjectStatus, string> = { open: '待认领', claimed: '进行中', done: '已完成' };

/** A project's progress reports are kept on it (read with it): a bounded list. */
export const MAX_PROJECT_REPORTS = 20;
/** Needs and resources a project may gather. */
export const MAX_PROJECT_NEEDS = 5;
export const MAX_PROJECT_RESOURCES = 5;

export interface ProviderFacts {
  kind: ProviderKind;
  /** The unit's reporter (its contact), the shop's owner, or the member. */
  ownerId: string;
  communityId: string;
  /** A unit must have been approved, a shop be open; a member must hold the member role. */
  active: boolean;
}

/**
 * Who may add a resource to the 资源清单: the provider itself — a unit's contact (who reported it), a merchant for
 * their own shop, a member for themself — or staff of the provider's community for a unit or a shop (not for a
 * member: a member's time is theirs to offer). Staff adding for their own unit or shop is the provider adding.
 */
export function assertMayOffer(user: UserProfile, provider: ProviderFacts): void {
  if (provider.communityId !== user.communityId) throw new DomainError('FORBIDDEN_SCOPE', '只能为本社区的单位、商家或自己登记资源');
  if (!provider.active) throw new DomainError('PROJECT_PROVIDER_INACTIVE');
  if (provider.ownerId === user._id) return;
  if (provider.kind !== 'member' && user.roles.includes('staff')) return;
  throw new DomainError('FORBIDDEN_ROLE', '只有单位联系人、商家本人或社区工作人员可以登记这项资源');
}

export interface ClaimFacts {
  status: ProjectStatus;
  communityId: string;
  createdBy: string;
}

/**
 * 认领 (契约化共建): one claimant per project, by the contact of an approved unit of the project's community. The
 * staff member who created the project may not claim it for their own unit (回避: they wrote its terms).
 */
export function assertMayClaim(user: UserProfile, project: ClaimFacts, unit: { reporterId: string; communityId: string; status: string }): void {
  if (unit.reporterId !== user._id) throw new DomainError('FORBIDDEN_ROLE', '只有单位报到时的联系人可以为单位认领项目');
  if (unit.status !== 'approved') throw new DomainError('UNIT_NOT_APPROVED');
  if (unit.communityId !== project.communityId) throw new DomainError('FORBIDDEN_SCOPE', '只能认领单位报到社区的项目');
  if (project.createdBy === user._id) throw new DomainError('FORBIDDEN_SELF');
  if (project.status !== 'open') throw new DomainError('PROJECT_ALREADY_CLAIMED');
}

export type RaterKind = 'resident' | 'staff';

/**
 * 评价: a finished project of one's community, once per person; residents (and members living there) rate it as
 * those it served, community staff as its organisers. The unit's contact never rates their own unit's project,
 * nor does a staff member rate one their own unit carried out (回避).
 */
export function raterKindOf(user: UserProfile, project: { communityId: string; status: ProjectStatus; claimantContactId: string | null }): RaterKind {
  if (project.communityId !== user.communityId) throw new DomainError('PROJECT_NOT_FOUND');
  if (project.claimantContactId === user._id) throw new DomainError('FORBIDDEN_SELF');
  const kind: RaterKind | null = user.roles.includes('staff')
    ? 'staff'
    : user.roles.includes('resident') || user.roles.includes('member')
      ? 'resident'
      : null;
  if (!kind) throw new DomainError('FORBIDDEN_ROLE', '只有本社区居民和社区工作人员可以评价项目');
  if (project.status !== 'done') throw new DomainError('PROJECT_NOT_DONE');
  return kind;
}

export interface RatingTally {
  sum: number;
  count: number;
}

export const emptyTally = (): RatingTally => ({ sum: 0, count: 0 });

/** An average to one decimal, or null when nobody rated. */
export function averageOf(t: RatingTally): number | null {
  return t.count === 0 ? null : Math.round((t.sum / t.count) * 10) / 10;
}

/**
 * The project's score as the unit's annual evaluation shows it beside the staff's 0–100 score: residents' and
 * staff's averages weighed equally when both rated (one staff rating counts as much as the whole street's), else
 * whichever there is.
 */
export function projectScore(residents: RatingTally, staff: RatingTally): number | null {
  const r = averageOf(residents);
  const s = averageOf(staff);
  if (r === null) return s;
  if (s === null) return r;
  return Math.round(((r + s) / 2) * 10) / 10;
}

/** A progress percentage moves forward only; the final report (100) finishes the project. */
export function nextProgress(current: number, reported: number): number {
  if (reported < current) throw new DomainError('PROJECT_PROGRESS_BACKWARDS');
  return reported;
}

/** The month keys (`YYYY-MM`) of the `count` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export interface GatheredNeed {
  source: 'wish' | 'petition';
  categoryId: string;
  count: number;
}

/**
 * The needs the community's counters hold (no wish or petition is read): wishes created (`wk.<cat>.created`) and
 * petitions received (`k.<cat>.received`) per category over the months read, most first.
 */
export function gatheredNeeds(counters: Record<string, number>): GatheredNeed[] {
  const out = new Map<string, GatheredNeed>();
  for (const [name, n] of Object.entries(counters)) {
    const wish = /^wk\.(.+)\.created$/.exec(name);
    const petition = /^k\.(.+)\.received$/.exec(name);
    const hit = wish ? { source: 'wish' as const, categoryId: wish[1] } : petition ? { source: 'petition' as const, categoryId: petition[1] } : null;
    if (!hit || !n) continue;
    const key = `${hit.source}:${hit.categoryId}`;
    const had = out.get(key);
    out.set(key, { ...hit, count: (had?.count ?? 0) + n });
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.categoryId.localeCompare(b.categoryId));
}
