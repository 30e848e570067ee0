import { pointsReconcile } from '../../src/shared/contract';
import type { Asset } from '../../src/shared/domain/ledger';
import type { OrgUnit } from '../../src/shared/domain/org';
import { defineHandler } from '../_lib/handler';
import type { BalanceDoc } from '../_lib/ledger';
import { _, collections, db, type Loose } from '../_lib/runtime';

const PAGE = 1000;

interface Difference {
  account: string;
  asset: Asset;
  postings: number;
  balance: number;
}

/** Sum of (credits − debits) per account and kind, computed by the database, not by reading postings. */
async function postingSums(communityId: string): Promise<{ sums: Map<string, number>; count: number }> {
  const $ = db.command.aggregate;
  const side = async (field: '$to' | '$from') => {
    const res: Loose = await db
      .collection(collections.postings)
      .aggregate()
      .match({ communityId })
      .group({ _id: { account: field, asset: '$asset' }, total: $.sum('$amount'), n: $.sum(1) })
      .limit(100_000)
      .end();
    return res.list as { _id: { account: string; asset: Asset }; total: number; n: number }[];
  };
  const [credits, debits] = await Promise.all([side('$to'), side('$from')]);
  const sums = new Map<string, number>();
  for (const c of credits) sums.set(`${c._id.account}|${c._id.asset}`, (sums.get(`${c._id.account}|${c._id.asset}`) ?? 0) + c.total);
  for (const d of debits) sums.set(`${d._id.account}|${d._id.asset}`, (sums.get(`${d._id.account}|${d._id.asset}`) ?? 0) - d.total);
  return { sums, count: credits.reduce((n, c) => n + c.n, 0) };
}

async function cachedBalances(communityId: string): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  // Paged by _id after the last one seen (index community_id), not by skip, which re-reads every skipped page.
  for (let after = ''; ;) {
    const res: Loose = await db
      .collection(collections.balances)
      .where({ communityId, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    const page = res.data as BalanceDoc[];
    for (const b of page) sums.set(`${b.account}|${b.asset}`, (sums.get(`${b.account}|${b.asset}`) ?? 0) + b.balance);
    if (page.length < PAGE) return sums;
    after = page[page.length - 1]._id;
  }
}

/** Proves sum(postings) == cached balance for every account of a community, and lists any difference. */
export async function reconcileCommunity(communityId: string) {
  const [{ sums, count }, balances] = await Promise.all([postingSums(communityId), cachedBalances(communityId)]);
  const differences: Difference[] = [];
  for (const key of new Set([...sums.keys(), ...balances.keys()])) {
    const [account, asset] = key.split('|') as [string, Asset];
    const fromPostings = sums.get(key) ?? 0;
    const cached = balances.get(key) ?? 0;
    if (fromPostings !== cached) differences.push({ account, asset, postings: fromPostings, balance: cached });
  }
  const checkedAt = new Date();
  return { communityId, accounts: new Set([...sums.keys(), ...balances.keys()]).size, postings: count, differences, checkedAt };
}

export const reconcile = defineHandler(pointsReconcile, async (_input, { user }) => {
  const report = await reconcileCommunity(user.communityId);
  return { ...report, checkedAt: report.checkedAt.toISOString() };
});

/** The daily timer: reconciles every community and keeps the report for the staff view. */
export async function reconcileAll(): Promise<Record<string, unknown>> {
  const res: Loose = await db.collection(collections.orgUnits).where({ kind: 'community' }).limit(1000).get();
  const reports = [];
  for (const community of res.data as OrgUnit[]) {
    const report = await reconcileCommunity(community._id);
    const day = report.checkedAt.toISOString().slice(0, 10);
    const { communityId, ...fields } = report;
    await db
      .collection(collections.reconciliations)
      .doc(`${communityId}:${day}`)
      .set({ data: { communityId, ...fields } });
    reports.push({ communityId, differences: report.differences.length });
  }
  return { reports };
}
