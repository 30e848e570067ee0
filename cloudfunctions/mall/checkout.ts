import { DomainError } from '../../src/shared/domain/errors';
import { reversalOf } from '../../src/shared/domain/ledger';
import { openOrder, type MallOrder } from '../../src/shared/domain/mall';
import type { UserProfile } from '../../src/shared/domain/org';
import { AlreadyPosted, findPosting, post, postIn } from '../_lib/ledger';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { tableIn, type Tx } from '../_lib/platform/typed-db';
import { heldOn, payment, placeHeld, withoutHeld } from './held-stock';
import { items, moveOrder, orders } from './mall-repo';

/**
 * 兑换: the goods come off the shelf, the points off the buyer's balance and the order is written together or not
 * at all: a buyer who cannot pay, or an item out of stock, is refused with nothing written. First without a
 * transaction (placeHeld: the stock and the points reserved, then the payment posted), which is how nearly every
 * order goes; the transaction decides whatever that cannot (a refusal, a crowd on the last few items, a twin of the
 * call holding its marks). The order and its payment take their ids from the submission, so a retry finds the
 * payment made and answers with the order as it stands.
 */
export async function place(orderId: string, itemId: string, qty: number, buyer: UserProfile): Promise<MallOrder> {
  try {
    return (await placeHeld(orderId, itemId, qty, buyer)) ?? (await placeInTransaction(orderId, itemId, qty, buyer));
  } catch (error) {
    // A retry finds its payment made; or is refused first (the stock or the points it took are gone now) and
    // must still be answered with its order, made by the first attempt — or about to be, by a twin still running
    // between its payment and its order (which the item's mark holds until then).
    if (!(error instanceof AlreadyPosted) && !(error instanceof DomainError)) throw error;
    const made = (await orders().get(orderId)) ?? (error instanceof AlreadyPosted ? heldOn(await items().get(itemId), orderId)?.order : null);
    if (made) return made;
    throw error instanceof AlreadyPosted ? error.cause : error;
  }
}

/**
 * The order in one transaction, retried on the item's version by a crowd until the stock says no. The stock a
 * reservation of this very order holds (its twin's, or a call's that died) is taken as this order's, not again, and
 * the order is the one it holds; its points likewise (the ledger's settle).
 */
function placeInTransaction(orderId: string, itemId: string, qty: number, buyer: UserProfile): Promise<MallOrder> {
  return transact(async (tx) => {
    const shelf = tableIn(tx, collections.mallItems);
    const item = await shelf.get(itemId);
    const held = heldOn(item, orderId);
    let placed: MallOrder;
    if (held && item) {
      placed = { ...held.order, createdAt: new Date(held.order.createdAt), updatedAt: new Date(held.order.updatedAt) };
      await shelf.set(itemId, withoutHeld(item, orderId));
    } else {
      const { order, stock } = openOrder(orderId, item, qty, buyer, new Date());
      placed = { ...order, status: 'placed' };
      await shelf.change(itemId, { stock, updatedAt: placed.createdAt });
    }
    await postIn(tx, payment(placed));
    await tableIn(tx, collections.mallOrders).add({ _id: orderId, ...fieldsOf(placed) });
    return placed;
  }, 'MALL_BUSY');
}

/** Puts an order's goods back on the shelf, inside the caller's transaction (an item since deleted stays gone). */
export async function restock(tx: Tx, order: MallOrder): Promise<void> {
  const shelf = tableIn(tx, collections.mallItems);
  const item = await shelf.get(order.itemId);
  if (!item) return;
  await shelf.change(item._id, { stock: item.stock + order.qty, updatedAt: new Date() });
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
