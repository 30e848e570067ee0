import { DomainError } from './errors';
import { DAY_MS } from './time';

/**
 * 微心愿 micro-wish: 群众点单 (a resident posts) → 组织建单 (the grid worker or staff approves and offers points)
 * → 党员接单 (a member claims, or staff dispatches 派单) → service → the resident confirms and rates.
 */
export const wishStatuses = ['submitted', 'approved', 'rejected', 'claimed', 'in_service', 'done', 'confirmed', 'cancelled'] as const;
export type WishStatus = (typeof wishStatuses)[number];

export const wishStatusLabels: Record<WishStatus, string> = {
  submitted: '待审核',
  approved: '待认领',
  rejected: '未通过',
  claimed: '已认领',
  in_service: '服务中',
  done: '待确认',
  confirmed: '已完成',
  cancelled: '已取消',
};

export const wishEvents = ['approve', 'reject', 'cancel', 'claim', 'dispatch', 'release', 'checkIn', 'complete', 'confirm', 'autoConfirm'] as const;
export type WishEvent = (typeof wishEvents)[number];

/** Which status each event may start from, and where it leads. Anything not listed here is illegal. */
const transitions: Record<WishEvent, { from: readonly WishStatus[]; to: WishStatus }> = {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  cancel: { from: ['submitted', 'approved'], to: 'cancelled' },
  claim: { from: ['approved'], to: 'claimed' },
  dispatch: { from: ['approved'], to: 'claimed' }, // 派单: staff names the member
  release: { from: ['claimed'], to: 'approved' },
  checkIn: { from: ['claimed'], to: 'in_service' },
  complete: { from: ['in_service'], to: 'done' },
  confirm: { from: ['done'], to: 'confirmed' },
  autoConfirm: { from: ['done'], to: 'confirmed' },
};

export function canTransition(status: WishStatus, event: WishEvent): boolean {
  return transitions[event].from.includes(status);
}

/** The status after `event`, or WISH_ILLEGAL_TRANSITION (claiming a taken wish is WISH_ALREADY_CLAIMED). */
export function nextStatus(status: WishStatus, event: WishEvent): WishStatus {
  if (canTransition(status, event)) return transitions[event].to;
  if (
    (event === 'claim' || event === 'dispatch') &&
    (status === 'claimed' || status === 'in_service' || status === 'done' || status === 'confirmed')
  ) {
    throw new DomainError('WISH_ALREADY_CLAIMED');
  }
  throw new DomainError('WISH_ILLEGAL_TRANSITION', `心愿当前为「${wishStatusLabels[status]}」，不能${wishEventLabels[event]}`);
}

export const wishEventLabels: Record<WishEvent, string> = {
  approve: '审核通过',
  reject: '驳回',
  cancel: '取消',
  claim: '认领',
  dispatch: '派单',
  release: '放弃认领',
  checkIn: '签到开始服务',
  complete: '提交完成',
  confirm: '确认评价',
  autoConfirm: '自动确认',
};

/** One line of a wish's history: who did what, when, and why. */
export interface WishHistoryEntry {
  /** `flag`: the sweep marked it unclaimed too long (no status change). */
  event: WishEvent | 'create' | 'flag';
  by: string;
  byName: string;
  at: Date;
  from: WishStatus | null;
  to: WishStatus;
  note: string | null;
  /** The submission that made a caller's step whose wish is its own retry record (a confirmation): a retry finds it. */
  requestId?: string;
}

/** The name history shows for automatic steps (timers). */
export const SYSTEM_ACTOR = { openid: 'system', name: '系统' } as const;

export interface WishCategory {
  _id: string;
  name: string;
  minPoints: number;
  maxPoints: number;
  order: number;
  /** How the member's volunteer points are counted: the offer (default), or per hour served. */
  awardMode?: 'fixed' | 'hourly';
  perHour?: number;
}

/** The points offered on approval must sit within the category's bounds. */
export function assertPointsInRange(category: WishCategory, points: number): void {
  if (!Number.isInteger(points) || points < category.minPoints || points > category.maxPoints) {
    throw new DomainError('WISH_POINTS_OUT_OF_RANGE', `「${category.name}」类心愿的积分应在 ${category.minPoints}–${category.maxPoints} 之间`);
  }
}

/** 社区可调: how long an approved wish may wait for a member before staff are asked to dispatch it. */
export const DEFAULT_UNCLAIMED_LIMIT_DAYS = 3;
/** A finished service the resident never confirms is confirmed for them (without a rating) after this. */
export const AUTO_CONFIRM_DAYS = 7;

/** Approved and still unclaimed `limitDays` after approval: staff should dispatch it (派单). */
export function isUnclaimedTooLong(
  wish: { status: WishStatus; approvedAt: Date | null },
  now: Date,
  limitDays = DEFAULT_UNCLAIMED_LIMIT_DAYS,
): boolean {
  return wish.status === 'approved' && wish.approvedAt !== null && now.getTime() - new Date(wish.approvedAt).getTime() >= limitDays * DAY_MS;
}

/** Done and unconfirmed for AUTO_CONFIRM_DAYS: confirmed automatically, with no rating. */
export function isDueForAutoConfirm(wish: { status: WishStatus; completedAt: Date | null }, now: Date): boolean {
  return wish.status === 'done' && wish.completedAt !== null && now.getTime() - new Date(wish.completedAt).getTime() >= AUTO_CONFIRM_DAYS * DAY_MS;
}

/** Who may take a wish (党员接单): a member of the same community, never the wish's own resident nor its filer (代办). */
export function assertMayClaim(
  member: { _id: string; roles: readonly string[]; communityId: string },
  wish: { residentId: string; communityId: string; filedById?: string | null },
): void {
  if (!member.roles.includes('member')) throw new DomainError('FORBIDDEN_ROLE', '只有党员或志愿者可以认领心愿');
  if (member._id === wish.residentId || member._id === wish.filedById) throw new DomainError('WISH_OWN_CLAIM');
  if (member.communityId !== wish.communityId) throw new DomainError('FORBIDDEN_SCOPE', '只能认领本社区的心愿');
}

/**
 * The points a confirmed wish owes its member, recorded with the confirmation and then settled once: posted
 * to the ledger under `key` (`wish:<id>:confirmed`, so it can never pay twice), held for staff review, or
 * nothing (capped out). `pending` until settled.
 */
export interface WishAward {
  memberId: string;
  offered: number;
  rating: number | null;
  key: string;
  status: 'pending' | 'posted' | 'review' | 'rejected' | 'none';
  amount: number | null;
  note: string | null;
  /** How the amount was counted against the offer (hours × rate, bonus, daily cap); set on settling. */
  breakdown?: string | null;
  postingId: string | null;
}

export function awardFor(wish: { _id: string; claimantId: string | null; points: number | null }, rating: number | null): WishAward | null {
  if (!wish.claimantId) return null;
  return {
    memberId: wish.claimantId,
    offered: wish.points ?? 0,
    rating,
    key: `wish:${wish._id}:confirmed`,
    status: 'pending',
    amount: null,
    note: null,
    postingId: null,
  };
}

/**
 * 代办: who files a wish for someone confirms (代评) and cancels it for them only when that person cannot — the
 * parent of a 代办人 (who asked them to act), or a 人口台账 person not yet joined (`roster:<key>`). A registered
 * resident a grid worker filed for confirms themselves.
 */
export function relaysFor(openid: string, wish: { residentId: string; filedById?: string | null; filedAs?: 'grid' | 'helper' | null }): boolean {
  if (!wish.filedById || wish.filedById !== openid) return false;
  return wish.filedAs === 'helper' || wish.residentId.startsWith('roster:');
}
