import type { PointItem } from '../../src/shared/domain/point-items';
import { collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { forgetWarm, warmCached } from '../_lib/platform/warm-cache';

const items = () => table(collections.pointItems);

export async function findPointItem(id: string): Promise<PointItem | null> {
  return items().get(id);
}

/** How long a warm instance keeps a catalogue item: staff edit the catalogue a few times a year. */
const ITEM_TTL_MS = 60_000;

/**
 * An item as a warm instance keeps it, for entering points from the catalogue: an edit reaches every instance
 * within a minute, and this one at once (savePointItem forgets it).
 */
export function cachedPointItem(id: string): Promise<PointItem | null> {
  return warmCached(`point-item:${id}`, ITEM_TTL_MS, () => findPointItem(id));
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
  forgetWarm(`point-item:${_id}`);
}
