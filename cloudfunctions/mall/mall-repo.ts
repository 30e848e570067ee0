import { DomainError } from '../../src/shared/domain/errors';
import type { MallItem, MallOrder, OrderStatus } from '../../src/shared/domain/mall';
import { photoUrls } from '../_lib/platform/files';
import { collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';

export const items = () => table(collections.mallItems);
export const orders = () => table(collections.mallOrders);

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Items as shown, with a temporary link to each picture (one storage call for the lot). */
export async function itemViews(list: MallItem[]) {
  const urls = await photoUrls(list.flatMap((i) => (i.photo ? [i.photo] : [])));
  return list.map((i) => ({
    id: i._id,
    name: i.name,
    description: i.description,
    price: i.price,
    asset: i.asset,
    stock: i.stock,
    active: i.active,
    photo: i.photo ?? null,
    photoUrl: i.photo ? (urls.get(i.photo) ?? null) : null,
  }));
}

export const orderView = (o: MallOrder) => ({
  id: o._id,
  itemId: o.itemId,
  itemName: o.itemName,
  qty: o.qty,
  amount: o.amount,
  asset: o.asset,
  status: o.status,
  buyerName: o.buyerName,
  createdAt: new Date(o.createdAt).toISOString(),
  fulfilledAt: iso(o.fulfilledAt),
  cancelledAt: iso(o.cancelledAt),
  cancelReason: o.cancelReason,
});

export async function findOrder(id: string): Promise<MallOrder> {
  const order = await orders().get(id);
  if (!order) throw new DomainError('MALL_ORDER_NOT_FOUND');
  return order;
}

/**
 * Moves an order on only if it is still where the caller saw it (one conditional update, so two staff
 * handing over at once cannot both succeed); returns the order as it now stands either way.
 */
export async function moveOrder(id: string, from: OrderStatus, changes: Partial<MallOrder>): Promise<{ order: MallOrder; moved: boolean }> {
  const updated = await orders()
    .where({ _id: id, status: from })
    .update({ ...changes, updatedAt: new Date() });
  return { order: await findOrder(id), moved: updated === 1 };
}

/** One page of orders, newest or oldest first; one extra row says whether more follow. */
export async function orderPage(where: Query<MallOrder>, dir: 'asc' | 'desc', offset: number, limit: number) {
  const { docs, nextOffset } = await orders().where(where).orderBy('createdAt', dir).page(offset, limit);
  return { items: docs.map(orderView), nextOffset };
}
