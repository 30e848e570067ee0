import { DomainError } from './errors';
import { account, type PostingInput } from './ledger';
import { dayCst } from './time';

/**
 * 核销 a merchant charge: virtue points from a resident to a shop, one per points code. Small charges post
 * at once; above the per-charge cap the points go to escrow (`hold:<chargeId>`) and wait for the resident:
 * confirmed, they move on to the shop; refused or left 5 minutes, they go back.
 *
 *   reserved → posted | awaiting | refused;  awaiting → confirmed | rejected | expired;  posted | confirmed → refunded
 */
export const chargeStatuses = ['reserved', 'posted', 'awaiting', 'confirmed', 'rejected', 'expired', 'refused', 'refunded'] as const;
export type ChargeStatus = (typeof chargeStatuses)[number];

export const chargeStatusLabels: Record<ChargeStatus, string> = {
  reserved: '处理中',
  posted: '已核销',
  awaiting: '待居民确认',
  confirmed: '居民已确认',
  rejected: '居民已拒绝',
  expired: '超时未确认',
  refused: '余额不足',
  refunded: '已退还',
};

export const HOLD_MS = 5 * 60 * 1000;

const moves: Record<ChargeStatus, readonly ChargeStatus[]> = {
  reserved: ['posted', 'awaiting', 'refused'],
  posted: ['refunded'],
  awaiting: ['confirmed', 'rejected', 'expired'],
  confirmed: ['refunded'],
  rejected: [],
  expired: [],
  refused: [],
  refunded: [],
};

export interface Charge {
  _id: string;
  codeId: string;
  shopId: string;
  shopName: string;
  merchantId: string;
  residentId: string;
  residentName: string;
  communityId: string;
  points: number;
  note: string;
  mode: 'direct' | 'hold';
  status: ChargeStatus;
  /** Ledger work the status still owes (paying, settling a hold, refunding); the timer finishes it. */
  pending: boolean;
  day: string;
  holdUntil: Date | null;
  refundReason: string | null;
  /** The requestId of the call that made it (absent on older charges): the charge is that call's retry record. */
  requestId?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function assertChargeMove(from: ChargeStatus, to: ChargeStatus): void {
  if (!moves[from].includes(to)) throw new DomainError('CHARGE_STATE', `${chargeStatusLabels[from]}的核销不能改为${chargeStatusLabels[to]}`);
}

/** A code is charged once, so the charge can take its id from the code. */
export const chargeIdOf = (codeId: string) => `ch-${codeId}`;

export const chargePostingIds = (chargeId: string) => ({
  pay: `charge:${chargeId}`,
  /** Escrow to the shop, on confirmation. */
  paid: `charge:${chargeId}:paid`,
  /** Escrow back to the resident, on refusal or timeout. */
  back: `charge:${chargeId}:back`,
});

function posting(charge: Charge, id: string, from: PostingInput['from'], to: PostingInput['to'], reason: string): PostingInput {
  return {
    _id: id,
    asset: 'virtue',
    from,
    to,
    amount: charge.points,
    reason,
    ref: charge._id,
    communityId: charge.communityId,
    by: charge.merchantId,
    byName: charge.shopName,
  };
}

/** The first posting of a charge: straight to the shop, or into escrow. */
export function paymentOf(charge: Charge): PostingInput {
  const to = charge.mode === 'direct' ? account.shop(charge.shopId) : account.hold(charge._id);
  const what = charge.note ? `：${charge.note}` : '';
  const reason = charge.mode === 'direct' ? `「${charge.shopName}」消费${what}` : `「${charge.shopName}」消费（待确认）${what}`;
  const payment = posting(charge, chargePostingIds(charge._id).pay, account.user(charge.residentId), to, reason);
  // Escrow does not name the shop, so the payment does (the payer's history shows it without reading the charge).
  return charge.mode === 'direct' ? payment : { ...payment, shopId: charge.shopId };
}

/** Empties the escrow of a decided hold: to the shop when confirmed, back to the resident otherwise. */
export function settlementOf(charge: Charge): PostingInput {
  const ids = chargePostingIds(charge._id);
  if (charge.status === 'confirmed')
    return posting(charge, ids.paid, account.hold(charge._id), account.shop(charge.shopId), `「${charge.shopName}」消费已确认`);
  if (charge.status === 'rejected' || charge.status === 'expired') {
    const why = charge.status === 'rejected' ? '你已拒绝' : '超时未确认';
    // Undoes the hold's first posting: coming back is not new credit, so it must not lift the virtue level.
    return {
      ...posting(charge, ids.back, account.hold(charge._id), account.user(charge.residentId), `「${charge.shopName}」扣分退回（${why}）`),
      reversalOf: ids.pay,
    };
  }
  throw new DomainError('CHARGE_STATE');
}

/** Whether the resident can still decide a hold. */
export function holdOpen(charge: Pick<Charge, 'status' | 'holdUntil'>, now: Date): boolean {
  return charge.status === 'awaiting' && charge.holdUntil !== null && new Date(charge.holdUntil).getTime() > now.getTime();
}

/** Refunds are the same day's, for a charge whose points reached the shop and nothing is left to post. */
export function refundable(charge: Charge, now: Date): boolean {
  return (charge.status === 'posted' || charge.status === 'confirmed') && !charge.pending && charge.day === dayCst(now);
}

export function assertRefundable(charge: Charge, now: Date): void {
  if (charge.status === 'refunded') throw new DomainError('CHARGE_STATE', '这笔核销已经退还过了');
  if (!refundable(charge, now)) throw new DomainError('CHARGE_NOT_REFUNDABLE');
}
