import { pointsBalance, pointsHistory } from '../../src/shared/contract';
import { account, assetLabels, assets, reversalId, spendableBalance, virtueLevel, type Posting } from '../../src/shared/domain/ledger';
import { defineHandler } from '../_lib/handler';
import { balancesOf } from '../_lib/ledger';
import { _, collections, db, type Loose } from '../_lib/runtime';

export const balance = defineHandler(pointsBalance, async (_input, { openid }) => {
  const now = new Date();
  const mine = await balancesOf(account.user(openid));
  const balances = assets.map((asset) => {
    const b = mine.get(asset) ?? { balance: 0, lifetimeIn: 0, lots: [] };
    return { asset, label: assetLabels[asset], balance: b.balance, spendable: spendableBalance(b, now), lifetime: b.lifetimeIn };
  });
  const level = virtueLevel(mine.get('virtue')?.lifetimeIn ?? 0);
  return { balances, virtueLevel: { stars: level.stars, name: level.name } };
});

/** Postings that touched me, newest first, signed from my side; a reversed one says so. */
export const history = defineHandler(pointsHistory, async ({ asset, offset, limit }, { openid }) => {
  const me = account.user(openid);
  const where: Record<string, unknown> = { accounts: me };
  if (asset) where.asset = asset;
  const res: Loose = await db
    .collection(collections.postings)
    .where(where)
    .orderBy('at', 'desc')
    .skip(offset)
    .limit(limit + 1)
    .get();
  const postings = (res.data as Posting[]).slice(0, limit);
  const reversals = postings.length
    ? ((await db
        .collection(collections.postings)
        .where({ _id: _.in(postings.map((p) => reversalId(p._id))) })
        .field({ _id: true })
        .limit(limit)
        .get()) as Loose)
    : { data: [] };
  const reversed = new Set((reversals.data as { _id: string }[]).map((r) => r._id));
  return {
    items: postings.map((p) => ({
      id: p._id,
      asset: p.asset,
      amount: p.to === me ? p.amount : -p.amount,
      reason: p.reason,
      ref: p.ref,
      at: new Date(p.at).toISOString(),
      byName: p.byName,
      reversal: p.reversalOf !== null,
      reversed: reversed.has(reversalId(p._id)),
    })),
    nextOffset: res.data.length > limit ? offset + limit : null,
  };
});
