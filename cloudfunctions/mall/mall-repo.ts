import { DomainError } from '../../src/shared/domain/errors';
import type { MallItem, MallOrder, OrderStatus } from '../../src/shared/domain/mall';
import { photoUrls } from '../_lib/files';
import { collections, db, type Loose } from '../_lib/runtime';

export const items = () => db.collection(collections.mallItems);
export const orders = () => db.collection(collections.mallOrders);

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
  const res: Loose = await orders().doc(id).get();
  if (!res.data) throw new DomainError('MALL_ORDER_NOT_FOUND');
  return { ...res.data, _id: id } as MallOrder;
}

/**
 * Moves an order on only if it is still where the caller saw it (one conditional update, so two staff
 * handing over at once cannot both succeed); returns the order as it now stands either way.
 */
export async function moveOrder(id: string, from: OrderStatus, changes: Partial<MallOrder>): Promise<{ order: MallOrder; moved: boolean }> {
  const res: Loose = await orders()
    .where({ _id: id, status: from })
    .update({ data: { ...changes, updatedAt: new Date() } });
  return { order: await findOrder(id), moved: res.stats.updated === 1 };
}

/** One page of orders, newest or oldest first; one extra row says whether more follow. */
export async function orderPage(where: Record<string, unknown>, dir: 'asc' | 'desc', offset: number, limit: number) {
  const res: Loose = await orders()
    .where(where)
    .orderBy('createdAt', dir)
    .skip(offset)
    .limit(limit + 1)
    .get();
  const docs = res.data as MallOrder[];
  return { items: docs.slice(0, limit).map(orderView), nextOffset: docs.length > limit ? offset + limit : null };
}
