import { pointsBalance, pointsHistory, pointsHistoryOf } from '../../src/shared/contract';
import {
  account,
  assetLabels,
  assets,
  kindOf,
  reversalId,
  spendableBalance,
  virtueLevel,
  type AccountId,
  type Asset,
  type Posting,
} from '../../src/shared/domain/ledger';
import { defineHandler } from '../_lib/platform/handler';
import { balancesOf, type BalanceDoc } from '../_lib/ledger';
import { _, collections } from '../_lib/platform/runtime';
import type { StoredPosting } from '../_lib/platform/documents';
import { table, type Query } from '../_lib/platform/typed-db';

type Held = Pick<BalanceDoc, 'balance' | 'lifetimeIn' | 'lots'>;

/** One kind of points as 我的积分 shows it. */
export function balanceView(asset: Asset, b: Held | null | undefined, now: Date) {
  const held = b ?? { balance: 0, lifetimeIn: 0, lots: [] };
  return { asset, label: assetLabels[asset], balance: held.balance, spendable: spendableBalance(held, now), lifetime: held.lifetimeIn };
}

/** A posting as the person `me` sees it in their history: signed from their side. */
export function postingView(p: Posting, me: AccountId, extra: { reversed: boolean; shopId: string | null }) {
  return {
    id: p._id,
    asset: p.asset,
    amount: p.to === me ? p.amount : -p.amount,
    reason: p.reason,
    ref: p.ref,
    at: new Date(p.at).toISOString(),
    byName: p.byName,
    reversal: p.reversalOf !== null,
    ...extra,
  };
}

export const balance = defineHandler(pointsBalance, async (_input, { openid }) => {
  const now = new Date();
  const mine = await balancesOf(account.user(openid));
  const balances = assets.map((asset) => balanceView(asset, mine.get(asset), now));
  const level = virtueLevel(mine.get('virtue')?.lifetimeIn ?? 0);
  return { balances, virtueLevel: { stars: level.stars, name: level.name } };
});

/**
 * The shop each of my payments at a merchant went to: named by the account for a direct charge, by the payment
 * for a charge above the cap (paid into its hold); a hold paid before payments named their shop is read from
 * its charge (one query for the page).
 */
async function paidShops(postings: Posting[], me: string): Promise<Map<string, string>> {
  const paid = postings.filter((p) => p.from === me && p.reversalOf === null);
  const shops = new Map<string, string>();
  for (const p of paid) {
    if (kindOf(p.to) === 'shop') shops.set(p._id, p.to.slice('shop:'.length));
    else if (kindOf(p.to) === 'hold' && p.shopId) shops.set(p._id, p.shopId);
  }
  const held = paid.filter((p) => kindOf(p.to) === 'hold' && !p.shopId && p.ref);
  if (held.length === 0) return shops;
  const charges = await table(collections.merchantCharges)
    .where({ _id: _.in(held.map((p) => p.ref)) })
    .field({ shopId: true })
    .limit(held.length)
    .get();
  const byCharge = new Map(charges.map((c) => [c._id, c.shopId]));
  for (const p of held) {
    const shopId = byCharge.get(p.ref ?? '');
    if (shopId) shops.set(p._id, shopId);
  }
  return shops;
}

/**
 * Postings that touched `owner`, newest first, signed from their side; a reversed one says so, a payment at a
 * shop names it. `communityId` keeps a staff view to the postings of the staff member's own community.
 */
async function historyPage(owner: string, { asset, offset, limit }: { asset?: Asset; offset: number; limit: number }, communityId?: string) {
  const me = account.user(owner);
  const where: Query<StoredPosting> = { accounts: me };
  if (asset) where.asset = asset;
  if (communityId) where.communityId = communityId;
  const { docs: postings, nextOffset } = await table(collections.postings).where(where).orderBy('at', 'desc').page(offset, limit);
  const reversals = postings.length
    ? await table(collections.postings)
        .where({ _id: _.in(postings.map((p) => reversalId(p._id))) })
        .field({ _id: true })
        .limit(limit)
        .get()
    : [];
  const reversed = new Set(reversals.map((r) => r._id));
  const shops = await paidShops(postings, me);
  return {
    items: postings.map((p) => postingView(p, me, { reversed: reversed.has(reversalId(p._id)), shopId: shops.get(p._id) ?? null })),
    nextOffset,
  };
}

export const history = defineHandler(pointsHistory, (input, { openid }) => historyPage(openid, input));

/**
 * 积分明细 of a person, for staff of their community (to find a posting to reverse): only the postings made in
 * the staff member's community, so no profile read is needed to keep it in scope.
 */
export const historyOf = defineHandler(pointsHistoryOf, ({ openid, ...page }, { user }) => historyPage(openid, page, user.communityId));
