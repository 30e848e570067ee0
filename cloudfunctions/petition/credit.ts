import { account, type PostingInput } from '../../src/shared/domain/ledger';
import { post, postIn } from '../_lib/ledger';
import { expiryFor } from '../_lib/ledger/point-rules';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Tx } from '../_lib/platform/typed-db';
import { petitions, type PetitionDoc } from './petition-repo';

const BATCH = 100;

type Credited = Pick<PetitionDoc, '_id' | 'communityId' | 'categoryName' | 'reporterId' | 'credit'>;

/** The reporter's credit as a posting under the petition's own key, so a retry, a reopen or the sweep never pays twice. */
async function creditPosting(p: Credited, credit: NonNullable<PetitionDoc['credit']>, reporterId: string): Promise<PostingInput> {
  return {
    _id: credit.key,
    asset: 'virtue',
    from: account.issuer(p.communityId),
    to: account.user(reporterId),
    amount: credit.amount,
    reason: `有效诉求：${p.categoryName}`,
    ref: p._id,
    communityId: p.communityId,
    by: 'system',
    byName: '系统',
    expiresAt: await expiryFor(p.communityId, 'virtue'),
  };
}

/**
 * 有效诉求记美德信用, inside the transaction of the move that earns it: answers the credit as posted, to be
 * written with the move (so the move and the points commit together or not at all).
 */
export async function creditIn(tx: Tx, p: Credited): Promise<PetitionDoc['credit']> {
  const credit = p.credit;
  if (!credit || credit.status !== 'pending' || !p.reporterId) return credit;
  const { posting } = await postIn(tx, await creditPosting(p, credit, p.reporterId), { creditBalance: 'unread' });
  return { ...credit, status: 'posted', postingId: posting._id };
}

/** A credit still pending (written before settling moved into the move, or by a move that crashed): posted, then marked. */
export async function settleCredit(p: Credited): Promise<void> {
  const credit = p.credit;
  if (!credit || credit.status !== 'pending' || !p.reporterId) return;
  const { posting } = await post(await creditPosting(p, credit, p.reporterId));
  await petitions()
    .where({ _id: p._id, 'credit.status': 'pending' })
    .update({ data: { credit: _.set({ ...credit, status: 'posted', postingId: posting._id }) } });
}

/** Credits left pending by a crash between the move and the posting. */
export async function settlePendingCredits(): Promise<number> {
  const res = await table(collections.petitions).where({ 'credit.status': 'pending' }).limit(BATCH).get();
  for (const p of res) await settleCredit(p);
  return res.length;
}
