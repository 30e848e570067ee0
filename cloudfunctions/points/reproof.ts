import { addPostings, type Difference, type Posting } from '../../src/shared/domain/ledger';
import { DAY_MS } from '../../src/shared/domain/time';
import type { OrgUnit } from '../../src/shared/domain/org';
import { _, collections, db, type Loose } from '../_lib/runtime';
import { allBalances, compareAt, PAGE, postingsSince, saveCheckpoint, SETTLE_MS, totalsList, totalsMap, type AccountTotal } from './proof';

/** A full re-proof is started by the daily job this often. */
const FULL_PROOF_EVERY_MS = 7 * DAY_MS;
/** Pages of postings one timer run adds up before it hands over to the next run. */
const PAGES_PER_RUN = Number(process.env.LINLI_REPROOF_PAGES) || 20;

/**
 * A full re-proof of one community, carried from timer run to timer run: every posting stamped before `cut`
 * is read once, in `_id` order, and `totals` holds the sums of those up to `after`. The cursor and the sums
 * it covers are one document, written together, so a run killed at any point loses at most the page it was
 * adding up, and the next run takes it up again. `_id` is the community id.
 */
export interface ProofJob {
  _id: string;
  communityId: string;
  cut: Date;
  after: string;
  totals: AccountTotal[];
  postings: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** What the finished proof found: accounts whose balance is not the sum of their postings. */
  differences: Difference[] | null;
}

const jobs = () => db.collection(collections.reconcileJobs);

async function readJob(communityId: string): Promise<ProofJob | null> {
  const res: Loose = await jobs().doc(communityId).get();
  return res.data ? ({ ...res.data, _id: communityId, cut: new Date(res.data.cut), startedAt: new Date(res.data.startedAt) } as ProofJob) : null;
}

async function saveJob(job: ProofJob): Promise<void> {
  const { _id, ...fields } = job;
  await jobs().doc(_id).set({ data: fields });
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
  const res: Loose = await db
    .collection(collections.postings)
    .where({ communityId, _id: _.gt(after) })
    .orderBy('_id', 'asc')
    .limit(PAGE)
    .get();
  return res.data as Posting[];
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
  const res: Loose = await db.collection(collections.orgUnits).where({ kind: 'community' }).limit(1000).get();
  const now = new Date();
  const runs = [];
  for (const community of res.data as OrgUnit[]) {
    const job = await readJob(community._id);
    if (job && !job.finishedAt) runs.push(await advance(job, now));
  }
  return { runs };
}
