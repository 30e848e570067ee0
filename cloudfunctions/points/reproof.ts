import { addPostings, type Posting } from '../../src/shared/domain/ledger';
import { DAY_MS } from '../../src/shared/domain/time';
import { _, collections } from '../_lib/platform/runtime';
import type { ProofJob } from '../_lib/platform/documents';
import { table } from '../_lib/platform/typed-db';
import { allBalances, compareAt, PAGE, postingsSince, saveCheckpoint, SETTLE_MS, totalsList, totalsMap } from './proof';

export type { ProofJob };

/** A full re-proof is started by the daily job this often. */
const FULL_PROOF_EVERY_MS = 7 * DAY_MS;
/** Pages of postings one timer run adds up before it hands over to the next run. */
const PAGES_PER_RUN = Number(process.env.LINLI_REPROOF_PAGES) || 20;

const jobs = () => table(collections.reconcileJobs);

async function readJob(communityId: string): Promise<ProofJob | null> {
  const job = await jobs().get(communityId);
  return job ? { ...job, cut: new Date(job.cut), startedAt: new Date(job.startedAt) } : null;
}

async function saveJob(job: ProofJob): Promise<void> {
  const { _id, ...fields } = job;
  await jobs().set(_id, fields);
}

/** The last finished full re-proof of the community, if any. */
export async function lastFullProof(communityId: string): Promise<ProofJob | null> {
  const job = await readJob(communityId);
  return job?.finishedAt ? job : null;
}

/** Starts a full re-proof unless one is under way or one started within the week. */
export async function startFullProofIfDue(communityId: string, now: Date): Promise<'started' | 'running' | 'not due'> {
  const job = await readJob(communityId);
  if (job && !job.finishedAt) return 'running';
  if (job && now.getTime() - job.startedAt.getTime() < FULL_PROOF_EVERY_MS) return 'not due';
  const cut = new Date(now.getTime() - SETTLE_MS);
  await saveJob({ _id: communityId, communityId, cut, after: '', totals: [], postings: 0, startedAt: now, finishedAt: null, differences: null });
  return 'started';
}

/** The next page of the community's postings after `after`, by `_id` (index community_id). */
async function pageAfter(communityId: string, after: string): Promise<Posting[]> {
  return table(collections.postings)
    .where({ communityId, _id: _.gt(after) })
    .orderBy('_id', 'asc')
    .limit(PAGE)
    .get();
}

/** Adds up to PAGES_PER_RUN pages of the job, saving after each, and finishes it after the last page. */
async function advance(job: ProofJob, now: Date): Promise<Record<string, unknown>> {
  const totals = totalsMap(job.totals);
  let { after, postings } = job;
  for (let run = 0; run < PAGES_PER_RUN; run++) {
    const page = await pageAfter(job.communityId, after);
    const settled = page.filter((p) => new Date(p.at) < job.cut);
    addPostings(totals, settled);
    postings += settled.length;
    if (page.length < PAGE) return finish(job, totals, postings, now);
    after = page[page.length - 1]._id;
    await saveJob({ ...job, after, totals: totalsList(totals), postings });
  }
  return { communityId: job.communityId, done: false, postings };
}

/**
 * Every posting before the cut is in: holds the sums against every balance of the community (less the
 * postings since the cut), then keeps the sums as the new checkpoint and the job as finished. Killed before
 * the job is saved, the next run reads the last page again and finishes the same way.
 */
async function finish(job: ProofJob, totals: Map<string, number>, postings: number, now: Date): Promise<Record<string, unknown>> {
  const [late, cached] = await Promise.all([postingsSince(job.communityId, job.cut), allBalances(job.communityId)]);
  const keys = new Set([...totals.keys(), ...cached.keys(), ...addPostings(new Map(), late).keys()]);
  const differences = await compareAt(totals, cached, late, keys, job.cut);
  await saveCheckpoint({ _id: job.communityId, communityId: job.communityId, through: job.cut, totals: totalsList(totals), postings, provedAt: now });
  await saveJob({ ...job, totals: [], postings, finishedAt: now, differences });
  return { communityId: job.communityId, done: true, postings, differences: differences.length };
}

/** The re-proof timer: advances every community's full re-proof that is under way. */
export async function reproveAll(): Promise<Record<string, unknown>> {
  const communities = await table(collections.orgUnits).where({ kind: 'community' }).limit(1000).get();
  const now = new Date();
  const runs = [];
  for (const community of communities) {
    const job = await readJob(community._id);
    if (job && !job.finishedAt) runs.push(await advance(job, now));
  }
  return { runs };
}
