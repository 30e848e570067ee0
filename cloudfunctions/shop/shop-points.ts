import { DomainError } from '../../src/shared/domain/errors';
import { account } from '../../src/shared/domain/ledger';
import type { Shop } from '../../src/shared/domain/merchant';
import { boundedDelta } from '../../src/shared/domain/merchant-shop';
import { post } from '../_lib/ledger';
import { shopPoints } from '../_lib/ledger/shops';

export interface ShopEntry {
  _id: string;
  reason: string;
  ref: string;
  by: string;
  byName: string;
}

/**
 * Adds (issuer → shop) or deducts (shop → issuer) shop points; a deduction takes at most what the shop
 * has. Keyed by the cause, so a repeat returns what the first one posted. Returns the signed amount.
 */
export async function postShopPoints(shop: Shop, delta: number, entry: ShopEntry): Promise<number> {
  const mine = account.shop(shop._id);
  const issuer = account.issuer(shop.communityId);
  for (let attempt = 0; ; attempt++) {
    const amount = boundedDelta(delta, delta < 0 ? await shopPoints(shop._id) : 0);
    if (amount === 0) return 0;
    const [from, to] = amount > 0 ? [issuer, mine] : [mine, issuer];
    try {
      const { posting } = await post({ ...entry, asset: 'shop', from, to, amount: Math.abs(amount), communityId: shop.communityId });
      return posting.to === mine ? posting.amount : -posting.amount;
    } catch (error) {
      // A rating deducted at the same moment: read the balance again and take what is left.
      if (attempt > 0 || !(error instanceof DomainError) || error.code !== 'POINTS_INSUFFICIENT') throw error;
    }
  }
}
