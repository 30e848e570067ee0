import { mallCancel, mallFulfil, mallListOrders, mallOrder } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertTransition, type MallOrder } from '../../src/shared/domain/mall';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import { place, refund, restock } from './checkout';
import { findOrder, moveOrder, orderPage, orderView } from './mall-repo';

/** The same submission (requestId) always names the same order, so a retry can only find it, not make another. */
function orderIdFor(openid: string, requestId: string | undefined): string {
  return `o-${idForRequest([openid], requestId, 24)}`;
}

// 兑换: goods off the shelf and points off the balance together; the order (keyed by the submission) is its own retry record.
export const placeOrder = defineHandler(
  mallOrder,
  async ({ itemId, qty }, { openid, user, requestId }) => ({ order: orderView(await place(orderIdFor(openid, requestId), itemId, qty, user)) }),
  { record: 'effect' },
);

/** The buyer may act on their own order; staff on any order of their community; others do not see it. */
function assertMayTouch(order: MallOrder | null, openid: string, user: UserProfile): MallOrder {
  if (!order || order.communityId !== user.communityId) throw new DomainError('MALL_ORDER_NOT_FOUND');
  if (order.buyerId !== openid && !user.roles.includes('staff')) throw new DomainError('FORBIDDEN_SCOPE');
  return order;
}

// 交付: staff hand the goods over, never to themselves. Handing over twice is answered with the order as it stands.
export const fulfilOrder = defineHandler(mallFulfil, async ({ orderId }, { openid, user }) => {
  const order = assertMayTouch(await findOrder(orderId), openid, user);
  assertNotSelf(openid, order.buyerId);
  if (order.status === 'fulfilled') return { order: orderView(order) };
  assertTransition(order.status, 'fulfilled');
  const { order: current, moved } = await moveOrder(orderId, 'placed', { status: 'fulfilled', fulfilledAt: new Date(), fulfilledBy: openid });
  if (!moved && current.status !== 'fulfilled') assertTransition(current.status, 'fulfilled');
  return { order: orderView(current) };
});

// 取消兑换: before hand-over, the goods go back on the shelf with the status change, then the points by reversal.
export const cancelOrder = defineHandler(mallCancel, async ({ orderId, reason }, { openid, user }) => {
  const cancelled = await transact(async (tx) => {
    const orders = tableIn(tx, collections.mallOrders);
    const order = assertMayTouch(await orders.get(orderId), openid, user);
    if (order.status === 'cancelled') return order;
    assertTransition(order.status, 'cancelled');
    await restock(tx, order);
    const changes = { status: 'cancelled' as const, cancelledAt: new Date(), cancelledBy: openid, cancelReason: reason, updatedAt: new Date() };
    await orders.change(orderId, changes);
    return { ...order, ...changes };
  }, 'MALL_BUSY');
  return { order: orderView(await refund(cancelled, { openid, name: user.name })) };
});

export const listOrders = defineHandler(mallListOrders, async ({ scope, offset, limit }, { openid, user }) => {
  if (scope === 'mine') return orderPage({ buyerId: openid }, 'desc', offset, limit);
  if (!user.roles.includes('staff')) throw new DomainError('FORBIDDEN_ROLE');
  return orderPage({ communityId: user.communityId, status: 'placed' }, 'asc', offset, limit);
});
