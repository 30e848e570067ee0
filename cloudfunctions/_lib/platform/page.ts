import { db } from './runtime';

type Order = { field: string; dir: 'asc' | 'desc' };

/** One page of a query, in a stable order (one key, or several in turn); asks for one extra row to know whether more follow. */
export async function pageOf<T>(
  collection: string,
  where: Record<string, unknown>,
  order: Order | readonly Order[],
  offset: number,
  limit: number,
): Promise<{ docs: T[]; nextOffset: number | null }> {
  const orders = Array.isArray(order) ? (order as readonly Order[]) : [order as Order];
  const sorted = orders.reduce((q, o) => q.orderBy(o.field, o.dir), db.collection(collection).where(where));
  const res = await sorted
    .skip(offset)
    .limit(limit + 1)
    .get();
  const docs = res.data as T[];
  return { docs: docs.slice(0, limit), nextOffset: docs.length > limit ? offset + limit : null };
}
