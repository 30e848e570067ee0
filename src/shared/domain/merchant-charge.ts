import { DomainError } from './errors';
import { account, type PostingInput } from './ledger';
import { dayCst } from './time';

/**
 * 核销 a merchant charge: virtue points from a resident to a shop, one per points code. Small charges post
 * at once; above the per-charge cap the points are held and wait for the resident: confirmed, they go to the
 * shop; refused or left 5 minutes, they go back. A hold is made one of two ways:
 * - on the resident's balance (`onBalance`, as nearly every hold is: held-charge.ts), a two-phase payment: the
 *   points leave the balance under a mark and nothing is posted until the resident confirms — then one posting,
 *   straight to the shop; refused or expired, the mark goes and the points with it back to the balance;
 * - through escrow (`hold:<chargeId>`, the transaction's: charge-ledger.ts chargeNow): the points are posted to the
 *   charge's own escrow account, then on to the shop or back to the resident.
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
  /**
   * A hold kept on the resident's balance (a two-phase payment, see above): its points wait under a mark there and on
   * the shop's desk, and the payment is posted only once confirmed. Absent: a direct charge, or a hold through escrow.
   */
  onBalance?: boolean;
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

/** Whether a charge's payment goes to escrow first (a hold made in a transaction) rather than to the shop. */
export const throughEscrow = (charge: Pick<Charge, 'mode' | 'onBalance'>) => charge.mode === 'hold' && charge.onBalance !== true;

/** The first posting of a charge: straight to the shop (a direct charge, a confirmed hold on the balance), or into escrow. */
export function paymentOf(charge: Charge): PostingInput {
  const escrow = throughEscrow(charge);
  const to = escrow ? account.hold(charge._id) : account.shop(charge.shopId);
  const what = charge.note ? `：${charge.note}` : '';
  const reason = escrow ? `「${charge.shopName}」消费（待确认）${what}` : `「${charge.shopName}」消费${what}`;
  const payment = posting(charge, chargePostingIds(charge._id).pay, account.user(charge.residentId), to, reason);
  // Escrow does not name the shop, so the payment does (the payer's history shows it without reading the charge).
  return escrow ? { ...payment, shopId: charge.shopId } : payment;
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
