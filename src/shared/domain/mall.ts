import { DomainError } from './errors';

/**
 * 积分超市 the community's points mall (not a merchant's shop). An order first takes the goods off the
 * shelf (stock and order are written in one transaction), then pays with one ledger posting; a refused
 * payment puts the goods back. Staff hand the goods over; cancelling before that refunds by reversal.
 */
export const mallAssets = ['volunteer', 'virtue'] as const;
export type MallAsset = (typeof mallAssets)[number];

export const orderStatuses = ['reserved', 'placed', 'fulfilled', 'cancelled', 'refused'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Record<OrderStatus, string> = {
  reserved: '支付中',
  placed: '待领取',
  fulfilled: '已领取',
  cancelled: '已取消',
  refused: '积分不足，未兑换',
};

const next: Record<OrderStatus, readonly OrderStatus[]> = {
  reserved: ['placed', 'refused'],
  placed: ['fulfilled', 'cancelled'],
  fulfilled: [],
  cancelled: [],
  refused: [],
};

export interface MallItem {
  _id: string;
  communityId: string;
  name: string;
  description: string;
  price: number;
  asset: MallAsset;
  stock: number;
  active: boolean;
  order: number;
  /** fileID of the item's picture; null shows a placeholder. Older items have none stored. */
  photo?: string | null;
  updatedAt: Date;
  /**
   * Stock taken for orders whose payment may not be in yet (the mall's reserved order), by the ledger's pendingField
   * of the order id: the order is made next, or the stock goes back.
   */
  pending?: Record<string, HeldStock> | null;
  /** How many `pending` there are: what the mall's sweep finds items by (index pending_count). */
  pendingCount?: number;
}

/** Stock an order took ahead of its payment, with the order as it will be written once paid. */
export interface HeldStock {
  order: MallOrder;
  at: Date;
}

export interface MallOrder {
  _id: string;
  communityId: string;
  itemId: string;
  itemName: string;
  qty: number;
  price: number;
  amount: number;
  asset: MallAsset;
  buyerId: string;
  buyerName: string;
  status: OrderStatus;
  /** The payment's posting id; its reversal is the refund. */
  postingId: string;
  createdAt: Date;
  updatedAt: Date;
  fulfilledAt: Date | null;
  fulfilledBy: string | null;
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  refunded: boolean;
}

/** The payment of an order: one posting per order, so paying twice is impossible by construction. */
export function paymentId(orderId: string): string {
  return `mall:${orderId}`;
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!next[from].includes(to)) throw new DomainError('MALL_ORDER_STATE', `订单${orderStatusLabels[from]}，不能改为${orderStatusLabels[to]}`);
}

/** The stock left after taking `qty` for a buyer of `communityId`; refuses rather than go below zero. */
export function takeStock(item: MallItem | null, qty: number, communityId: string): number {
  if (!item || !item.active || item.communityId !== communityId) throw new DomainError('MALL_ITEM_NOT_FOUND');
  if (item.stock < qty) throw new DomainError('MALL_OUT_OF_STOCK', item.stock > 0 ? `库存只剩 ${item.stock} 件` : undefined);
  return item.stock - qty;
}

/**
 * What can be refused before any stock is taken: an item not on this community's shelf, too little stock, or
 * a buyer whose spendable points do not cover it. Checking first keeps a buyer who cannot pay from holding
 * goods another could buy; the reservation and the payment still check again, for whoever raced us.
 */
export function assertOrderable(item: MallItem | null, qty: number, communityId: string, spendable: number): void {
  takeStock(item, qty, communityId);
  if (orderAmount(item!.price, qty) > spendable) throw new DomainError('POINTS_INSUFFICIENT');
}

/** A new order holding `qty` of `item` at today's price, and the stock left on the shelf. */
export function openOrder(
  id: string,
  item: MallItem | null,
  qty: number,
  buyer: { _id: string; name: string; communityId: string },
  now: Date,
): { order: MallOrder; stock: number } {
  const stock = takeStock(item, qty, buyer.communityId);
  const { _id: itemId, name: itemName, price, asset } = item!;
  const order: MallOrder = {
    _id: id,
    communityId: buyer.communityId,
    itemId,
    itemName,
    qty,
    price,
    amount: orderAmount(price, qty),
    asset,
    buyerId: buyer._id,
    buyerName: buyer.name,
    status: 'reserved',
    postingId: paymentId(id),
    createdAt: now,
    updatedAt: now,
    fulfilledAt: null,
    fulfilledBy: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    refunded: false,
  };
  return { order, stock };
}

export function orderAmount(price: number, qty: number): number {
  const amount = price * qty;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DomainError('POINTS_INVALID');
  return amount;
}
