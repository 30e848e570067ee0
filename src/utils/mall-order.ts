import type { Output } from '../shared/contract';

type Order = Output<'mall.order'>['order'];
type Balance = Output<'points.balance'>['balances'][number];

/**
 * What an order's reply tells the shelf: its goods left the item's stock when it was made (also while its
 * payment is still on its way, 支付中), exactly as the server took them, so the page need not read the shelf again.
 */
export function shelfAfterOrder<T extends { id: string; stock: number }>(items: readonly T[], order: Order): T[] {
  return items.map((item) => (item.id === order.itemId ? { ...item, stock: Math.max(0, item.stock - order.qty) } : item));
}

/**
 * What a reply tells the wallet: a placed order took `amount` of its kind of points, a cancelled one gave them
 * back by reversal (which counts as spendable again and leaves the lifetime total alone). An order still
 * being paid has moved nothing yet.
 */
export function walletAfterOrder(balances: readonly Balance[], order: Order, change: 'paid' | 'refunded'): Balance[] {
  if (change === 'paid' && order.status !== 'placed') return [...balances];
  const sign = change === 'paid' ? -1 : 1;
  return balances.map((b) =>
    b.asset === order.asset ? { ...b, balance: b.balance + sign * order.amount, spendable: Math.max(0, b.spendable + sign * order.amount) } : b,
  );
}
