import { account } from '../../src/shared/domain/ledger';
import { post } from '../_lib/ledger';
import { expiryFor } from '../_lib/point-rules';
import { _, type Loose } from '../_lib/runtime';
import { petitions, type PetitionDoc } from './petition-repo';

const BATCH = 100;

/**
 * 有效诉求记美德信用: posts the reporter's credit under the petition's own key, so a retry, a reopen or the
 * sweep settling it again never pays twice, then marks it posted.
 */
export async function settleCredit(p: Pick<PetitionDoc, '_id' | 'communityId' | 'categoryName' | 'reporterId' | 'credit'>): Promise<void> {
  const credit = p.credit;
  if (!credit || credit.status !== 'pending' || !p.reporterId) return;
  const { posting } = await post({
    _id: credit.key,
    asset: 'virtue',
    from: account.issuer(p.communityId),
    to: account.user(p.reporterId),
    amount: credit.amount,
    reason: `有效诉求：${p.categoryName}`,
    ref: p._id,
    communityId: p.communityId,
    by: 'system',
    byName: '系统',
    expiresAt: await expiryFor(p.communityId, 'virtue'),
  });
  await petitions()
    .where({ _id: p._id, 'credit.status': 'pending' })
    .update({ data: { credit: _.set({ ...credit, status: 'posted', postingId: posting._id }) } });
}

/** Credits left pending by a crash between the move and the posting. */
export async function settlePendingCredits(): Promise<number> {
  const res: Loose = await petitions().where({ 'credit.status': 'pending' }).limit(BATCH).get();
  for (const p of res.data as PetitionDoc[]) await settleCredit(p);
  return res.data.length;
}
