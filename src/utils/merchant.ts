import type { Output } from '../shared/contract';
import { chargeStatusLabels } from '../shared/domain/merchant-charge';
import { starsOf } from './points';

export type ChargeView = Output<'merchant.charge'>['charge'];
export type ScanView = Output<'merchant.scan'>;

/** 评价店铺: one shop's rating page (from its 评价码, the 美德商铺 list or a payment in 积分明细). */
export const rateShopUrl = (shopId: string) => `/pages/shops/rate?shopId=${encodeURIComponent(shopId)}`;

/** ★★☆☆☆ 二星: a resident's virtue level as the merchant reads it. */
export function levelText(level: { stars: number; name: string }): string {
  return `${starsOf(level.stars)} ${level.name}`;
}

/**
 * What the merchant should know about the amount typed, before charging: it cannot be taken (more than
 * the resident has, or than today's caps leave), or it will wait for the resident's confirmation.
 */
export function chargeHint(points: number, scan: Pick<ScanView, 'balance' | 'perCharge' | 'dailyLeft'>): { text: string; blocks: boolean } | null {
  if (points <= 0) return null;
  if (points > scan.balance) return { text: `超出居民可用积分（${scan.balance} 分）`, blocks: true };
  if (points > scan.dailyLeft) return { text: `超出今日可核销额度（还可 ${scan.dailyLeft} 分）`, blocks: true };
  if (points > scan.perCharge) return { text: `超过单笔 ${scan.perCharge} 分，需居民在小程序里确认后才扣分`, blocks: false };
  return null;
}

/** The line shown after a charge: done at once, or waiting for the resident (and what happens if they don't answer). */
export function chargeOutcome(charge: ChargeView): { title: string; text: string; waiting: boolean } {
  const what = `${charge.residentName} · ${charge.points} 分${charge.note ? ` · ${charge.note}` : ''}`;
  if (charge.status === 'awaiting') {
    return { title: '等待居民确认', text: `${what}。请居民在「我的积分」里确认，5 分钟内未确认将自动退回。`, waiting: true };
  }
  return { title: charge.status === 'posted' ? '核销成功' : chargeStatusLabels[charge.status], text: what, waiting: false };
}
