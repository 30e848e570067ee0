import { account, isLive, settleLots, type PostingInput } from '../../src/shared/domain/ledger';
import { expiryId } from '../../src/shared/domain/point-rules';
import { post, type BalanceDoc } from '../_lib/ledger';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

const PAGE = 100;

/** The posting that takes one lapsed lot back to the community that issued it. */
function expiryOf(doc: BalanceDoc, lot: BalanceDoc['lots'][number]): PostingInput {
  return {
    _id: expiryId(lot.postingId),
    asset: doc.asset,
    from: doc.account,
    to: account.issuer(doc.communityId),
    amount: lot.remaining,
    reason: '积分过期',
    ref: lot.postingId,
    communityId: doc.communityId,
    by: 'system',
    byName: '系统',
  };
}

/**
 * The daily timer: every lot whose `expiresAt` has passed goes back to the issuer, one posting per lot
 * taken from that very lot (spending already skipped it). Each lot's expiry has its own id, so a rerun
 * after a crash posts nothing twice; a lot that fails is left for the next run.
 *
 * An expired lot leaves its balance, so the balances still holding one are the work left: each page asks
 * for them again (bounded by index lots_expires) instead of paging by `_id`, which that index cannot
 * order. A balance seen twice (a lot failed, or was not taken away) is not visited again this run.
 */
export async function expireLapsed(): Promise<Record<string, unknown>> {
  const now = new Date();
  const tally = { lots: 0, points: 0, failed: 0 };
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (;;) {
    const docs = await table(collections.balances)
      .where({ 'lots.expiresAt': _.lte(now), ...(skipped.length ? { _id: _.nin(skipped) } : {}) })
      .limit(PAGE)
      .get();
    const fresh = docs.filter((doc) => !seen.has(doc._id));
    skipped.push(...docs.filter((doc) => seen.has(doc._id)).map((doc) => doc._id));
    for (const doc of fresh) {
      seen.add(doc._id);
      await expireLots(doc, now, tally);
    }
    if (docs.length < PAGE && fresh.length === 0) return tally;
  }
}

async function expireLots(doc: BalanceDoc, now: Date, tally: { lots: number; points: number; failed: number }): Promise<void> {
  // Points a reserved debit took are taken from the lots first (the ledger's settle does the same when it posts).
  for (const lot of settleLots(doc.lots, doc.unsettled ?? 0).filter((l) => !isLive(l, now) && l.remaining > 0)) {
    try {
      await post(expiryOf(doc, lot), { fromLot: lot.postingId });
      tally.lots += 1;
      tally.points += lot.remaining;
    } catch (error) {
      tally.failed += 1;
      console.warn('[points] expiry failed', lot.postingId, error);
    }
  }
}
