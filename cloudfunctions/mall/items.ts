import { randomBytes } from 'node:crypto';
import { mallListItems, mallSetItem } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { MallItem } from '../../src/shared/domain/mall';
import { assertOwnPhotos } from '../_lib/platform/files';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { tableIn, type Query } from '../_lib/platform/typed-db';
import { itemViews, items } from './mall-repo';

// 积分超市货架: residents see what is on offer; the admin also sees what was taken off.
export const listItems = defineHandler(mallListItems, async (_input, { user }) => {
  const where: Query<MallItem> = { communityId: user.communityId };
  if (!user.roles.includes('admin')) where.active = true;
  return { items: await itemViews(await items().where(where).orderBy('order', 'asc').limit(200).get()) };
});

/**
 * 上架/修改: the admin sets the stock on the shelf outright. Written in a transaction on the item, so an
 * order taking stock at the same moment makes one of the two retry instead of one overwriting the other.
 */
/** A new picture must be the admin's own upload; the one the item already has may be sent back as it is. */
async function assertPhotoAllowed(openid: string, itemId: string | undefined, photo: string | null | undefined): Promise<void> {
  if (!photo) return;
  const current = itemId ? await items().where({ _id: itemId }).field({ photo: true }).get() : [];
  if (current[0]?.photo !== photo) await assertOwnPhotos(openid, [photo]);
}

export const setItem = defineHandler(mallSetItem, async ({ itemId, photo, ...fields }, { openid, user }) => {
  const id = itemId ?? `item-${randomBytes(6).toString('hex')}`;
  await assertPhotoAllowed(openid, itemId, photo);
  const item = await transact(async (tx) => {
    const shelf = tableIn(tx, collections.mallItems);
    const existing = itemId ? await shelf.get(itemId) : null;
    if (itemId && existing?.communityId !== user.communityId) throw new DomainError('MALL_ITEM_NOT_FOUND');
    const kept = existing?.photo ?? null;
    const next: MallItem = {
      _id: id,
      communityId: user.communityId,
      order: existing?.order ?? 100,
      ...fields,
      photo: photo === undefined ? kept : photo,
      updatedAt: new Date(),
      // Stock held for orders still being paid stays marked (held-stock.ts), so each is decided once: written
      // outright, the stock counts it as gone, and one whose call died is given back on top by the sweep.
      pending: existing?.pending ?? {},
      pendingCount: existing?.pendingCount ?? 0,
    };
    await shelf.set(id, fieldsOf(next));
    return next;
  }, 'MALL_BUSY');
  return { item: (await itemViews([item]))[0] };
});
