import { DomainError } from '../../src/shared/domain/errors';
import { account, reversalOf, spendableBalance, type PostingInput } from '../../src/shared/domain/ledger';
import { assertOrderable, openOrder, type MallOrder } from '../../src/shared/domain/mall';
import type { UserProfile } from '../../src/shared/domain/org';
import { balancesOf, findPosting, post } from '../_lib/ledger';
import { collections } from '../_lib/runtime';
import { fieldsOf, transact } from '../_lib/transact';
import { tableIn, type Tx } from '../_lib/typed-db';
import { items, moveOrder, orders } from './mall-repo';

/**
 * Refuses, writing nothing, an order that would be refused anyway (see assertOrderable). A retry of an
 * order already made skips this: its goods are already its own.
 */
export async function precheck(orderId: string, itemId: string, qty: number, buyer: UserProfile): Promise<void> {
  const [made, item, balances] = await Promise.all([orders().get(orderId), items().get(itemId), balancesOf(account.user(buyer._id))]);
  if (made) return;
  assertOrderable(item, qty, buyer.communityId, spendableBalance(balances.get(item?.asset ?? 'volunteer'), new Date()));
}

/**
 * An order takes its goods off the shelf and is written in the same transaction, so stock can neither go
 * below zero nor be lost between the two; a crowd ordering the last few items retries on the item's
 * version until the stock says no. Ordering again with the same id returns the order already made.
 */
export function reserve(orderId: string, itemId: string, qty: number, buyer: UserProfile): Promise<MallOrder> {
  return transact(async (tx) => {
    const ordersIn = tableIn(tx, collections.mallOrders);
    const shelf = tableIn(tx, collections.mallItems);
    const existing = await ordersIn.get(orderId);
    if (existing) return existing;
    const item = await shelf.get(itemId);
    const { order, stock } = openOrder(orderId, item, qty, buyer, new Date());
    await shelf.change(itemId, { stock, updatedAt: order.createdAt });
    await ordersIn.set(orderId, fieldsOf(order));
    return order;
  }, 'MALL_BUSY');
}

/** Puts an order's goods back on the shelf, inside the caller's transaction (an item since deleted stays gone). */
export async function restock(tx: Tx, order: MallOrder): Promise<void> {
  const shelf = tableIn(tx, collections.mallItems);
  const item = await shelf.get(order.itemId);
  if (!item) return;
  await shelf.change(item._id, { stock: item.stock + order.qty, updatedAt: new Date() });
}

function payment(order: MallOrder): PostingInput {
  return {
    _id: order.postingId,
    asset: order.asset,
    from: account.user(order.buyerId),
    to: account.mall(order.communityId),
    amount: order.amount,
    reason: `积分超市兑换「${order.itemName}」×${order.qty}`,
    ref: order._id,
    communityId: order.communityId,
    by: order.buyerId,
    byName: order.buyerName,
  };
}

/** Puts a refused order's goods back, unless its payment landed after all (then it stands as placed). */
async function release(order: MallOrder): Promise<MallOrder> {
  return transact(async (tx) => {
    const ordersIn = tableIn(tx, collections.mallOrders);
    const current = await ordersIn.get(order._id);
    if (!current || current.status !== 'reserved') return current ?? order;
    const paid = await tableIn(tx, collections.postings).get(order.postingId);
    const status = paid ? 'placed' : 'refused';
    if (!paid) await restock(tx, order);
    await ordersIn.change(order._id, { status, updatedAt: new Date() });
    return { ...current, status };
  }, 'MALL_BUSY');
}

/**
 * Pays a reserved order with one posting (its id is the order's, so it is paid at most once), then marks
 * it placed; a refused payment releases the stock. A busy ledger may still apply the payment later, so
 * the order stays reserved (支付中) and the settle timer calls this again. Safe to repeat at any point.
 */
export async function settle(order: MallOrder): Promise<MallOrder> {
  if (order.status !== 'reserved') return order;
  try {
    await post(payment(order));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'POINTS_BUSY') return order;
    if (error.code !== 'POINTS_INSUFFICIENT') throw error;
    return release(order);
  }
  return (await moveOrder(order._id, 'reserved', { status: 'placed' })).order;
}

/** The refund of a cancelled order is the reversal of its payment (one per payment, by construction). */
export async function refund(order: MallOrder, by: { openid: string; name: string }): Promise<MallOrder> {
  if (order.status !== 'cancelled' || order.refunded) return order;
  const paid = await findPosting(order.postingId);
  if (paid) await post(reversalOf(paid, by, `取消兑换：${order.cancelReason ?? ''}`));
  await orders().change(order._id, { refunded: true, updatedAt: new Date() });
  return { ...order, refunded: true };
}
