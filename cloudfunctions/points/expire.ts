import { account, isLive, type PostingInput } from '../../src/shared/domain/ledger';
import { expiryId } from '../../src/shared/domain/point-rules';
import { post, type BalanceDoc } from '../_lib/ledger';
import { _, collections, db, type Loose } from '../_lib/runtime';

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
 */
export async function expireLapsed(): Promise<Record<string, unknown>> {
  const now = new Date();
  const tally = { lots: 0, points: 0, failed: 0 };
  for (let after = ''; ;) {
    const res: Loose = await db
      .collection(collections.balances)
      .where({ 'lots.expiresAt': _.lte(now), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    const docs = res.data as BalanceDoc[];
    for (const doc of docs) {
      for (const lot of doc.lots.filter((l) => !isLive(l, now) && l.remaining > 0)) {
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
    if (docs.length < PAGE) return tally;
    after = docs[docs.length - 1]._id;
  }
}
