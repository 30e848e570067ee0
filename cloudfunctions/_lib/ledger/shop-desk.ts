import { DomainError } from '../../../src/shared/domain/errors';
import { account } from '../../../src/shared/domain/ledger';
import type { Shop, ShopDesk } from '../../../src/shared/domain/merchant';
import type { UserProfile } from '../../../src/shared/domain/org';
import { balanceId, type BalanceDoc } from '.';
import { _, collections } from '../platform/runtime';
import { table, tableIn, type Tx } from '../platform/typed-db';

/** A shop's desk lives on its virtue balance: the document a direct charge credits anyway. */
export const deskId = (shopId: string) => balanceId(account.shop(shopId), 'virtue');

/** A desk as read in a transaction: from the shop's balance, or (not moved there yet) from the shop itself. */
export interface DeskRead {
  shopId: string;
  doc: BalanceDoc | null;
  desk: ShopDesk;
  moved: boolean;
}

const fromShop = (shop: Shop): ShopDesk => ({ name: shop.name, communityId: shop.communityId, status: shop.status, today: shop.today ?? null });

/** A merchant action on a suspended shop is refused. */
export function assertOpen(desk: ShopDesk): ShopDesk {
  if (desk.status !== 'active') throw new DomainError('MERCHANT_SUSPENDED');
  return desk;
}

/**
 * The desk in the caller's transaction. A shop whose desk is not on its balance yet (none charged since desks
 * came, or a balance a suspension only marked) is read from its own document, here too, so that a suspension
 * landing meanwhile conflicts with this transaction (saveDeskIn writes the shop as the desk moves).
 */
export async function deskIn(tx: Tx, shopId: string | undefined): Promise<DeskRead> {
  if (!shopId) throw new DomainError('MERCHANT_NO_SHOP');
  const doc = await tableIn(tx, collections.balances).get(deskId(shopId));
  if (doc?.desk?.name) return { shopId, doc, desk: doc.desk, moved: true };
  const shop = await tableIn(tx, collections.shops).get(shopId);
  if (!shop) throw new DomainError('MERCHANT_NO_SHOP');
  return { shopId, doc, desk: fromShop(shop), moved: false };
}

/** The caller's open desk, read outside a transaction (a scan, the day's history): one read, two for an old shop. */
export async function openDeskOf(user: UserProfile): Promise<ShopDesk & { shopId: string }> {
  if (!user.shopId) throw new DomainError('MERCHANT_NO_SHOP');
  const doc = await table(collections.balances).get(deskId(user.shopId));
  if (doc?.desk?.name) return { ...assertOpen(doc.desk), shopId: user.shopId };
  const shop = await table(collections.shops).get(user.shopId);
  if (!shop) throw new DomainError('MERCHANT_NO_SHOP');
  return { ...assertOpen(fromShop(shop)), shopId: user.shopId };
}

/**
 * Writes `desk` in the caller's transaction — unless `withCredit`: a direct charge writes it with the shop's
 * credit (ledger.ts `credited`). A desk moving from the shop's document clears the day there, which also makes a
 * suspension of the shop and this transaction conflict.
 */
export async function saveDeskIn(tx: Tx, read: DeskRead, desk: ShopDesk, withCredit: boolean): Promise<void> {
  if (!read.moved) await tableIn(tx, collections.shops).change(read.shopId, { today: null });
  if (withCredit) return;
  const balances = tableIn(tx, collections.balances);
  if (read.doc) {
    await balances.change(read.doc._id, { desk: _.set(desk) });
    return;
  }
  const empty = { account: account.shop(read.shopId), asset: 'virtue' as const, shard: 0, balance: 0, lifetimeIn: 0, lots: [] };
  await balances.set(deskId(read.shopId), { ...empty, communityId: desk.communityId, updatedAt: new Date(), desk });
}

/** 暂停/恢复 reaches the desk in the suspension's transaction (a shop without one keeps the shop's word). */
export async function markDeskIn(tx: Tx, shopId: string, status: ShopDesk['status']): Promise<void> {
  await tableIn(tx, collections.balances).change(deskId(shopId), { 'desk.status': status });
}
