import { DomainError } from '../../src/shared/domain/errors';
import { account, reversalOf, type PostingInput } from '../../src/shared/domain/ledger';
import { openOrder, type MallOrder } from '../../src/shared/domain/mall';
import type { UserProfile } from '../../src/shared/domain/org';
import { AlreadyPosted, findPosting, post, postIn } from '../_lib/ledger';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { tableIn, type Tx } from '../_lib/platform/typed-db';
import { moveOrder, orders } from './mall-repo';

/**
 * 兑换: the goods come off the shelf, the points off the buyer's balance and the order is written, in one
 * transaction, so an order is placed and paid together or not at all: a buyer who cannot pay, or an item out of
 * stock, is refused with nothing written, and a crowd ordering the last few items retries on the item's version
 * until the stock says no. The order and its payment take their ids from the submission, so a retry finds the
 * payment made and answers with the order as it stands.
 */
export async function place(orderId: string, itemId: string, qty: number, buyer: UserProfile): Promise<MallOrder> {
  try {
    return await transact(async (tx) => {
      const shelf = tableIn(tx, collections.mallItems);
      const { order, stock } = openOrder(orderId, await shelf.get(itemId), qty, buyer, new Date());
      const placed: MallOrder = { ...order, status: 'placed' };
      await postIn(tx, payment(placed));
      await shelf.change(itemId, { stock, updatedAt: placed.createdAt });
      await tableIn(tx, collections.mallOrders).add({ _id: orderId, ...fieldsOf(placed) });
      return placed;
    }, 'MALL_BUSY');
  } catch (error) {
    // A retry finds its payment made; or is refused first (the stock or the points it took are gone now) and
    // must still be answered with its order, made by the first attempt.
    if (!(error instanceof AlreadyPosted) && !(error instanceof DomainError)) throw error;
    const made = await orders().get(orderId);
    if (made) return made;
    throw error instanceof AlreadyPosted ? error.cause : error;
  }
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
