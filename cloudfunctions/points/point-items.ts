import type { PointItem } from '../../src/shared/domain/point-items';
import { collections } from '../_lib/runtime';
import { table, type Query } from '../_lib/typed-db';

const items = () => table(collections.pointItems);

export async function findPointItem(id: string): Promise<PointItem | null> {
  return items().get(id);
}

/** A community's catalogue of one kind, in display order; `activeOnly` for the forms that pick from it. */
export async function listPointItems(communityId: string, asset: PointItem['asset'], activeOnly: boolean): Promise<PointItem[]> {
  const where: Query<PointItem> = { communityId, asset };
  if (activeOnly) where.active = true;
  return items().where(where).orderBy('order', 'asc').limit(200).get();
}

export async function savePointItem(item: PointItem): Promise<void> {
  const { _id, ...fields } = item;
  await items().set(_id, fields);
}
