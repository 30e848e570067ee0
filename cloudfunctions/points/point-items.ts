import type { PointItem } from '../../src/shared/domain/point-items';
import { collections, db, type Loose } from '../_lib/runtime';

const items = () => db.collection(collections.pointItems);

export async function findPointItem(id: string): Promise<PointItem | null> {
  const res: Loose = await items().doc(id).get();
  return res.data ? ({ ...res.data, _id: id } as PointItem) : null;
}

/** A community's catalogue of one kind, in display order; `activeOnly` for the forms that pick from it. */
export async function listPointItems(communityId: string, asset: PointItem['asset'], activeOnly: boolean): Promise<PointItem[]> {
  const where: Record<string, unknown> = { communityId, asset };
  if (activeOnly) where.active = true;
  const res: Loose = await items().where(where).orderBy('order', 'asc').limit(200).get();
  return res.data as PointItem[];
}

export async function savePointItem(item: PointItem): Promise<void> {
  const { _id, ...fields } = item;
  await items().doc(_id).set({ data: fields });
}
