import { db } from './runtime';

/** One page of a query, in a stable order; asks for one extra row to know whether more follow. */
export async function pageOf<T>(
  collection: string,
  where: Record<string, unknown>,
  order: { field: string; dir: 'asc' | 'desc' } | ReadonlyArray<{ field: string; dir: 'asc' | 'desc' }>,
  offset: number,
  limit: number,
): Promise<{ docs: T[]; nextOffset: number | null }> {
  const orders = 'field' in order ? [order] : order;
  let query = db.collection(collection).where(where);
  for (const o of orders) query = query.orderBy(o.field, o.dir);
  const res = await query
    .skip(offset)
    .limit(limit + 1)
    .get();
  const docs = res.data as T[];
  return { docs: docs.slice(0, limit), nextOffset: docs.length > limit ? offset + limit : null };
}
