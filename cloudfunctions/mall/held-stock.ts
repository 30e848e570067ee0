import { account, pendingField, type PostingInput } from '../../src/shared/domain/ledger';
import { openOrder, type HeldStock, type MallItem, type MallOrder } from '../../src/shared/domain/mall';
import type { UserProfile } from '../../src/shared/domain/org';
import { AlreadyPosted, clearPending, findPosting, givePendingBack, insertReserved, PENDING_STALE_MS, reserveDebit } from '../_lib/ledger';
import { _ } from '../_lib/platform/runtime';
import { fieldsOf } from '../_lib/platform/transact';
import { items, orders } from './mall-repo';

/** Where an order's held stock is marked on its item. */
const markOf = (orderId: string) => `pending.${pendingField(orderId)}`;

/** The payment of an order: its id is the order's (paymentId), so an order is paid at most once. */
export function payment(order: MallOrder): PostingInput {
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

/**
 * 兑换 without a transaction, as a crowd of buyers and a busy balance need it: the item is read, then
 * 1. the points are reserved on the buyer's balance (the ledger's reserveDebit, which marks them held for the payment),
 *    first, so a buyer who cannot pay never holds goods another could buy;
 * 2. the stock is taken by one conditional update (enough left, still on this community's shelf at the price read),
 *    which marks it held for this order the same way, the order as it will be written riding on the mark;
 * 3. the payment's posting is inserted by its id — the step that decides: before it, everything goes back; after it,
 *    the order stands;
 * 4. the order is inserted, and both marks are cleared.
 * Null when a reservation finds nothing to take (too few points, a price changed meanwhile, a mark of this order's
 * twin there already): whatever was taken goes back, and the transaction (checkout.ts) decides and answers. An item
 * gone or out of stock by the read is refused before anything is written; out of stock by the time the stock is
 * taken, once the points went back, by a second read.
 *
 * When a step is cut short, a refusal still means nothing was posted:
 * - the payment was posted before (a retry of an order that went through): both go back, and the order is the answer;
 * - the call dies or an insert fails after a reservation: the marks stay, and the reply is an error. The mall's sweep
 *   (sweepHeldStock) and the ledger's (points sweepPendingDebits) decide each mark once no call can still be running,
 *   both by the payment: posted, the order is written (if it was not) and the marks cleared; not posted, the stock and
 *   the points go back. A retry before then finds its marks, and its transaction takes them as its own.
 */
export async function placeHeld(orderId: string, itemId: string, qty: number, buyer: UserProfile): Promise<MallOrder | null> {
  const { order } = openOrder(orderId, await items().get(itemId), qty, buyer, new Date());
  const placed: MallOrder = { ...order, status: 'placed' };
  const mark = markOf(orderId);
  const held: HeldStock = { order: placed, at: placed.createdAt };
  // The points first: a buyer who cannot pay is stopped before holding goods another could buy.
  const reserved = await reserveDebit(payment(placed));
  if (!reserved) return null;
  const { posting, balanceId, debit } = reserved;
  const taken = await items()
    .where({
      _id: itemId,
      communityId: placed.communityId,
      active: true,
      price: placed.price,
      asset: placed.asset,
      stock: _.gte(qty),
      [mark]: _.exists(false),
    })
    .update({ stock: _.inc(-qty), pendingCount: _.inc(1), [mark]: held, updatedAt: placed.createdAt });
  if (taken === 0) {
    await givePendingBack(balanceId, debit);
    // Most often the last ones went meanwhile: the item as it is now says so (and refuses), without a transaction.
    openOrder(orderId, await items().get(itemId), qty, buyer, new Date());
    return null;
  }
  const paidBefore = await insertReserved(posting, async () => {
    await Promise.all([givePendingBack(balanceId, debit), giveStockBack(itemId, placed)]);
  });
  // Paid by an earlier call, whose order was written before its mark went (this call's mark could not be made else).
  if (paidBefore) throw new AlreadyPosted(new Error(`order ${orderId} was paid before`));
  await insertOrder(placed);
  // Placed: the reply is a success whatever happens to the marks (left standing, the sweeps clear them).
  await Promise.all([clearHeld(itemId, orderId), clearPending(balanceId, debit)]).catch((error: unknown) =>
    console.warn('[mall] marks left to the sweeps', orderId, error),
  );
  return placed;
}

/** The order a reservation holds stock for on this item, if it does: the order to write (or answer with) once paid. */
export function heldOn(item: MallItem | null, orderId: string): HeldStock | null {
  return item?.pending?.[pendingField(orderId)] ?? null;
}

/** The item without this order's mark, for a transaction that takes the held stock as its own (checkout.ts). */
export function withoutHeld(item: MallItem, orderId: string): Omit<MallItem, '_id'> {
  const { [pendingField(orderId)]: _taken, ...others } = item.pending ?? {};
  return fieldsOf({ ...item, pending: others, pendingCount: Object.keys(others).length, updatedAt: new Date() });
}

/** Writes a paid order (a twin or the sweep may have written it already: then it is there, which is what counts). */
async function insertOrder(order: MallOrder): Promise<void> {
  try {
    await orders().add({ _id: order._id, ...fieldsOf(order) });
  } catch (error) {
    if (!(await orders().get(order._id))) throw error;
  }
}

/** The order will not be paid: its stock goes back with its mark (if the mark is still there). */
async function giveStockBack(itemId: string, order: MallOrder): Promise<void> {
  const mark = markOf(order._id);
  await items()
    .where({ _id: itemId, [mark]: _.exists(true) })
    .update({ stock: _.inc(order.qty), pendingCount: _.inc(-1), [mark]: _.remove(), updatedAt: new Date() });
}

/** The order is written: its mark goes (if a retry's transaction has not taken it already). */
async function clearHeld(itemId: string, orderId: string): Promise<void> {
  const mark = markOf(orderId);
  await items()
    .where({ _id: itemId, [mark]: _.exists(true) })
    .update({ pendingCount: _.inc(-1), [mark]: _.remove() });
}

/** Marks live for milliseconds: a thousand items marked at once is far beyond any crowd (index pending_count). */
const PAGE = 1000;

/**
 * What the mall's ten-minute timer does first: it finishes the orders whose call died between taking the stock and
 * clearing its mark (placeHeld). Decided by the payment, as the ledger's sweep decides the points: paid, the order
 * is written if it is not and the mark cleared; not paid, the stock goes back. Reads only the items that carry a mark.
 */
export async function sweepHeldStock(): Promise<Record<string, number>> {
  const now = Date.now();
  const tally = { items: 0, kept: 0, returned: 0 };
  const marked = await items()
    .where({ pendingCount: _.gt(0) })
    .limit(PAGE)
    .get();
  for (const item of marked) {
    tally.items += 1;
    for (const held of Object.values(item.pending ?? {})) {
      if (now - new Date(held.at).getTime() < PENDING_STALE_MS) continue;
      const order: MallOrder = { ...held.order, createdAt: new Date(held.order.createdAt), updatedAt: new Date(held.order.updatedAt) };
      if (await findPosting(order.postingId)) {
        await insertOrder(order);
        await clearHeld(item._id, order._id);
        tally.kept += 1;
      } else {
        await giveStockBack(item._id, order);
        tally.returned += 1;
      }
    }
  }
  return tally;
}
