import { pointsReconcile } from '../../src/shared/contract';
import { addPostings, keyParts, totalKey, type AccountId, type Difference } from '../../src/shared/domain/ledger';
import { dayCst } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import {
  accountsOf,
  balancesOfAccounts,
  compareAt,
  emptyCheckpoint,
  postingsSince,
  readCheckpoint,
  saveCheckpoint,
  SETTLE_MS,
  totalsList,
  totalsMap,
  type Checkpoint,
} from './proof';
import { lastFullProof, startFullProofIfDue } from './reproof';

export interface Proof {
  report: Report;
  checkpoint: Checkpoint;
  /** How many postings this proof read. */
  checked: number;
  /** The accounts (`<account>|<asset>`) held against their balances. */
  held: ReadonlySet<string>;
}

export interface Report {
  communityId: string;
  accounts: number;
  postings: number;
  differences: Difference[];
  checkedAt: Date;
}

/**
 * Proves the ledger from the last checkpoint on: the postings since it are added to its proven totals, and
 * every account they touched is held against its cached balance. Reads the checkpoint, the postings since
 * it and the balances of the accounts they touched — never the whole history — and returns the next
 * checkpoint. An account no posting touched keeps its proven total; the full re-proof (reproof.ts) is what
 * rereads every posting and every balance.
 */
export async function proveSinceCheckpoint(communityId: string, now: Date): Promise<Proof> {
  const base = (await readCheckpoint(communityId)) ?? emptyCheckpoint(communityId);
  const cut = new Date(Math.max(base.through.getTime(), now.getTime() - SETTLE_MS));
  const recent = await postingsSince(communityId, base.through);
  const settled = recent.filter((p) => new Date(p.at) < cut);
  const late = recent.filter((p) => new Date(p.at) >= cut);
  const totals = addPostings(totalsMap(base.totals), settled);
  const touched = accountsOf(recent);
  const cached = await balancesOfAccounts(touched);
  const keys = new Set([...cached.keys(), ...addPostings(new Map(), recent).keys()]);
  for (const key of totals.keys()) if (touched.has(keyParts(key).account as AccountId)) keys.add(key);
  const differences = await compareAt(totals, cached, late, keys, cut);
  const accounts = new Set([...totals.keys(), ...keys]).size;
  const checkpoint: Checkpoint = { ...base, through: cut, totals: totalsList(totals), postings: base.postings + settled.length, provedAt: now };
  const report = { communityId, accounts, postings: base.postings + recent.length, differences, checkedAt: now };
  return { report, checkpoint, checked: recent.length, held: keys };
}

/**
 * The differences the last full re-proof found in accounts this proof did not hold against their balances
 * still stand: nothing has moved them since. An account held just now has a fresh result.
 */
function withStanding(report: Report, standing: readonly Difference[], held: ReadonlySet<string>): Report {
  const kept = standing.filter((d) => !held.has(totalKey(d.account, d.asset)));
  return { ...report, differences: [...report.differences, ...kept] };
}

/** Proves since the checkpoint, keeps the next one, and adds the standing differences of the last full proof. */
async function proveAndKeep(communityId: string, now: Date): Promise<{ report: Report; checked: number }> {
  const [{ report, checkpoint, checked, held }, full] = await Promise.all([proveSinceCheckpoint(communityId, now), lastFullProof(communityId)]);
  await saveCheckpoint(checkpoint);
  return { report: withStanding(report, full?.differences ?? [], held), checked };
}

// 对账: proves the books since the last checkpoint (the cost of a day's postings, not of the whole ledger).
export const reconcile = defineHandler(pointsReconcile, async (_input, { user }) => {
  const { report } = await proveAndKeep(user.communityId, new Date());
  return { ...report, checkedAt: report.checkedAt.toISOString() };
});

/** The daily timer: proves every community since its checkpoint, keeps the day's report, starts a full re-proof when due. */
export async function reconcileAll(): Promise<Record<string, unknown>> {
  const communities = await table(collections.orgUnits).where({ kind: 'community' }).limit(1000).get();
  const reports = [];
  const now = new Date();
  for (const community of communities) {
    const { report, checked } = await proveAndKeep(community._id, now);
    const { communityId, ...fields } = report;
    // Keyed by the China-time day the job ran on, as staff read the date.
    await table(collections.reconciliations).set(`${communityId}:${dayCst(now)}`, { communityId, ...fields, checked });
    const fullProof = await startFullProofIfDue(communityId, now);
    reports.push({ communityId, checked, differences: report.differences.length, fullProof });
  }
  return { reports };
}
