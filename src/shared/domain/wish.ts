import { DomainError } from './errors';

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
  if ((event === 'claim' || event === 'dispatch') && (status === 'claimed' || status === 'in_service' || status === 'done' || status === 'confirmed')) {
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
  event: WishEvent | 'create';
  by: string;
  at: Date;
  from: WishStatus | null;
  to: WishStatus;
  note: string | null;
}

export interface WishCategory {
  _id: string;
  name: string;
  minPoints: number;
  maxPoints: number;
  order: number;
}

/** The points offered on approval must sit within the category's bounds. */
export function assertPointsInRange(category: WishCategory, points: number): void {
  if (!Number.isInteger(points) || points < category.minPoints || points > category.maxPoints) {
    throw new DomainError('WISH_POINTS_OUT_OF_RANGE', `「${category.name}」类心愿的积分应在 ${category.minPoints}–${category.maxPoints} 之间`);
  }
}

/** What the content check said about a text or photo (WeChat msgSecCheck / image check suggest). */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** The strictest of several verdicts: one risky field makes the whole submission risky. */
export function worstVerdict(verdicts: readonly ContentVerdict[]): ContentVerdict {
  if (verdicts.includes('risky')) return 'risky';
  if (verdicts.includes('review')) return 'review';
  return 'pass';
}
