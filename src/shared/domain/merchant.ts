import { DomainError } from './errors';
import type { UserProfile } from './org';
import { coversPlace } from './scope';

/** 爱心商家 merchants: a shop applies, community staff approve it, and it may then take residents' virtue points. */
export const shopCategories = ['grocery', 'food', 'fruit', 'barber', 'repair', 'pharmacy', 'other'] as const;
export type ShopCategory = (typeof shopCategories)[number];

export const shopCategoryLabels: Record<ShopCategory, string> = {
  grocery: '便利店',
  food: '餐饮',
  fruit: '果蔬',
  barber: '理发',
  repair: '维修',
  pharmacy: '药店',
  other: '其他',
};

export type ShopStatus = 'active' | 'suspended';

export interface Shop {
  _id: string;
  name: string;
  address: string;
  category: ShopCategory;
  contact: string;
  ownerId: string;
  ownerName: string;
  streetId: string;
  communityId: string;
  status: ShopStatus;
  suspendReason: string | null;
  applicationId: string | null;
  ratingSum: number;
  ratingCount: number;
  /** The China-time day's charges and level checks so far, kept on the shop by the changes that move them. */
  today?: ShopDay | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A shop's running totals of one day (`day`: China-time date). */
export interface ShopDay {
  day: string;
  count: number;
  total: number;
  checks: number;
}

/** The shop's totals of `day`: what it keeps, or nothing yet if what it keeps is of an earlier day. */
export function shopDay(shop: { today?: ShopDay | null }, day: string): ShopDay {
  return shop.today?.day === day ? shop.today : { day, count: 0, total: 0, checks: 0 };
}

/**
 * What a shop's charges decide by — whether it may charge, its name and community, its day so far — kept on the
 * shop's virtue balance, the document every direct charge credits anyway (the shop's own document keeps the
 * rest; a suspension changes both in one transaction).
 */
export interface ShopDesk {
  name: string;
  communityId: string;
  status: ShopStatus;
  today: ShopDay | null;
}

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

export interface MerchantApplication {
  _id: string;
  applicantId: string;
  applicantName: string;
  shopName: string;
  address: string;
  category: ShopCategory;
  licence: string;
  contact: string;
  streetId: string;
  communityId: string;
  status: ApplicationStatus;
  /** The content check said "review": staff see it flagged. */
  flagged: boolean;
  reason: string | null;
  shopId: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** A person has one application at a time: a rejected one may be sent again, a pending or approved one not. */
export function assertMayApply(existing: Pick<MerchantApplication, 'status'> | null, shopId: string | undefined): void {
  if (shopId || (existing && existing.status !== 'rejected')) throw new DomainError('MERCHANT_ALREADY_APPLIED');
}

export function assertPending(app: MerchantApplication | null): MerchantApplication {
  if (!app) throw new DomainError('MERCHANT_APPLICATION_NOT_FOUND');
  if (app.status !== 'pending') throw new DomainError('MERCHANT_APPLICATION_DECIDED');
  return app;
}

/** Community staff manage the shops of their community, the street's admin those of the street. */
export function managesShops(
  user: Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId'>,
  place: { streetId: string; communityId: string },
): boolean {
  const where = { ...place, gridId: null, buildingId: null };
  return coversPlace(user, 'staff', where) || coversPlace(user, 'admin', where);
}

/** Every merchant action starts here: a merchant with no shop, or a suspended one, can do nothing. */
export function assertActive(shop: Shop | null): Shop {
  if (!shop) throw new DomainError('MERCHANT_NO_SHOP');
  if (shop.status !== 'active') throw new DomainError('MERCHANT_SUSPENDED');
  return shop;
}

/** A community's limits on merchant charges (stored in point_rules as `merchant`). */
export interface MerchantRules {
  /** Above this a charge is held until the resident confirms it (单笔上限). */
  perCharge: number;
  /** What one shop may take in a day, held charges included. */
  shopDaily: number;
  /** What one resident may spend at merchants in a day. */
  residentDaily: number;
}

export const defaultMerchantRules: MerchantRules = { perCharge: 50, shopDaily: 2000, residentDaily: 200 };

/** Today's totals so far: the shop's (on the shop) and the resident's (on their virtue balance). */
export interface DayTotals {
  shop: number;
  resident: number;
}

/** Posts at once up to the per-charge cap, holds above it; refuses what would pass either daily cap. */
export function chargeMode(points: number, rules: MerchantRules, today: DayTotals): 'direct' | 'hold' {
  if (today.shop + points > rules.shopDaily)
    throw new DomainError('MERCHANT_CAP_SHOP', `本店今日还可核销 ${Math.max(0, rules.shopDaily - today.shop)} 分`);
  if (today.resident + points > rules.residentDaily)
    throw new DomainError('MERCHANT_CAP_RESIDENT', `该居民今日还可使用 ${Math.max(0, rules.residentDaily - today.resident)} 分`);
  return points > rules.perCharge ? 'hold' : 'direct';
}
