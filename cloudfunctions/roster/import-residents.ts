import { DomainError } from '../../src/shared/domain/errors';
import { rosterLimits } from '../../src/shared/domain/roster';
import { table } from '../_lib/platform/typed-db';
import type { RosterReach } from './access';
import type { RosterEntry, RosterImport } from './roster-docs';
import { assertHeaders, digest, residentEntries, type ResidentEntry, type Unit } from './rows';
import { readSheet } from './sheet';

export interface UploadedFile {
  fileID: string;
  fileHash: string;
  bytes: Buffer;
  by: string;
}

/**
 * Rows per insert request, and inserts per call: one page a call keeps every call within 8 DB requests and far
 * inside the function timeout (5,000 rows: 5 calls). Tests set smaller pages to cut an import anywhere.
 */
const pageRows = () => Number(process.env.LINLI_ROSTER_PAGE_ROWS) || 1000;
const pagesPerCall = () => Number(process.env.LINLI_ROSTER_PAGES_PER_CALL) || 1;

/** A warm instance keeps the checked rows of the jobs it is running, so a call that goes on does not check them again. */
const checked = new Map<string, ResidentEntry[]>();
function keep(importId: string, entries: ResidentEntry[]): void {
  checked.set(importId, entries);
  while (checked.size > 2) checked.delete(checked.keys().next().value as string);
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

/** The community's grids and buildings, in one read. */
export async function unitsOf(communityId: string): Promise<Unit[]> {
  return (await table('org_units').where({ path: communityId }).limit(1000).get()) as Unit[];
}

async function check(reach: RosterReach, bytes: Buffer) {
  const sheet = await readSheet(bytes);
  assertHeaders('residents', sheet.headers);
  if (sheet.rows.length === 0) throw new DomainError('BAD_INPUT', '文件里只有表头，没有数据行');
  return { rows: sheet.rows.length, ...residentEntries(reach.communityId, sheet.rows, await unitsOf(reach.communityId)) };
}

/** The job for this file on top of the roster `base`: found, or made by checking every row. */
export async function startResidents(reach: RosterReach, file: UploadedFile, base: string | null): Promise<RosterImport> {
  const importId = digest(`${reach.communityId}|residents|${file.fileHash}|${base ?? '-'}`);
  const jobs = table('roster_imports');
  const found = await jobs.get(importId);
  if (found) return found;
  const { rows, entries, errors } = await check(reach, file.bytes);
  const job: RosterImport = {
    _id: importId,
    communityId: reach.communityId,
    kind: 'residents',
    fileID: file.fileID,
    fileHash: file.fileHash,
    base,
    status: errors.length > 0 ? 'invalid' : 'running',
    rows,
    gridRows: countBy(entries, (e) => e.gridId),
    staged: 0,
    errors: errors.slice(0, rosterLimits.errorsShown),
    errorCount: errors.length,
    by: file.by,
    createdAt: new Date(),
    finishedAt: null,
  };
  await supersede(reach.communityId, base);
  try {
    await jobs.add(job);
  } catch {
    // A twin call (the same file, at the same time) made the job first: theirs is this one.
    const twin = await jobs.get(importId);
    if (twin) return twin;
    throw new DomainError('BUSY');
  }
  if (job.status === 'running') keep(importId, entries);
  return job;
}

/**
 * Jobs left running on top of a roster that has been replaced since (an import abandoned halfway, then another
 * file imported) can never flip the head — it never returns to their base — so their staged rows go, when the next
 * job starts. The job that made the current roster may still read `running` for a moment: it is kept.
 */
async function supersede(communityId: string, base: string | null): Promise<void> {
  const running = await table('roster_imports').where({ communityId, status: 'running' }).limit(20).get();
  for (const job of running.filter((j) => j.base !== base && j._id !== base)) {
    await table('roster_entries').where({ importId: job._id }).remove();
    await table('roster_imports').change(job._id, { status: 'superseded' });
  }
}

function stagedDoc(reach: RosterReach, importId: string, page: number, e: ResidentEntry): RosterEntry {
  return { _id: `${importId}-${e.key}`, importId, page, communityId: reach.communityId, userId: null, ...e };
}

/**
 * Writes one page out of sight. A page already partly there — a killed call's, or a twin's writing it now — gets
 * only its missing documents: they are the same whoever writes them, and nothing staged is ever removed.
 */
async function stagePage(docs: RosterEntry[], importId: string, page: number): Promise<void> {
  const entries = table('roster_entries');
  for (let attempt = 0; attempt < 3; attempt++) {
    const have =
      attempt === 0
        ? new Set<string>()
        : new Set((await entries.where({ importId, page }).field({ page: true }).limit(docs.length).get()).map((d) => d._id));
    const missing = docs.filter((d) => !have.has(d._id));
    if (missing.length === 0) return;
    try {
      return await entries.addMany(missing);
    } catch {
      // A duplicate id: part of the page is there already. Look which, and write the rest.
    }
  }
  throw new DomainError('BUSY');
}

/**
 * The rows of a running job, checked again by a call that does not keep them. Should the community's buildings
 * have changed since the job began, its pages no longer line up: the job and its staged rows go, and the next
 * call starts it afresh.
 */
async function recheck(reach: RosterReach, job: RosterImport, bytes: Buffer): Promise<ResidentEntry[]> {
  const { entries, errors } = await check(reach, bytes);
  if (errors.length === 0 && entries.length === job.rows) return entries;
  await table('roster_entries').where({ importId: job._id }).remove();
  await table('roster_imports').delete(job._id);
  throw new DomainError('BAD_INPUT', '导入期间本社区的楼栋有变动，请再点一次“开始导入”重新核对');
}

/** Stages the next pages of a running job and, once every row is staged, makes it the roster. */
export async function continueResidents(reach: RosterReach, start: RosterImport, bytes: Buffer): Promise<RosterImport> {
  let job = start;
  const entries = checked.get(job._id) ?? (await recheck(reach, job, bytes));
  keep(job._id, entries);
  const size = pageRows();
  for (let n = 0; n < pagesPerCall() && job.staged < job.rows; n++) {
    const page = Math.floor(job.staged / size);
    const docs = entries.slice(job.staged, job.staged + size).map((e) => stagedDoc(reach, job._id, page, e));
    await stagePage(docs, job._id, page);
    const staged = job.staged + docs.length;
    const moved = await table('roster_imports').where({ _id: job._id, staged: job.staged }).update({ staged });
    // Not moved: a twin call staged this page too and moved the cursor first; go on from where it stands.
    job = moved ? { ...job, staged } : ((await table('roster_imports').get(job._id)) ?? job);
  }
  if (job.staged < job.rows || job.status === 'done') return job;
  return commit(reach, job);
}

/**
 * The one write that makes the staged rows the roster: the community's head moves to this import only if it
 * still names the import this one replaces (a conditional single-document write, atomic as such). A twin that
 * flipped first is the same import; anyone else's import in between makes this one stale.
 */
async function commit(reach: RosterReach, job: RosterImport): Promise<RosterImport> {
  const finishedAt = new Date();
  const heads = table('roster_heads');
  const head = {
    communityId: reach.communityId,
    streetId: reach.streetId,
    activeImport: job._id,
    fileHash: job.fileHash,
    rows: job.rows,
    gridRows: job.gridRows,
    importedAt: finishedAt,
    by: job.by,
  };
  let flipped: boolean;
  if (job.base === null)
    flipped = await heads.add({ _id: reach.communityId, ...head }).then(
      () => true,
      () => false,
    );
  else flipped = (await heads.where({ _id: reach.communityId, activeImport: job.base }).update(head)) === 1;
  if (!flipped && (await heads.get(reach.communityId))?.activeImport !== job._id)
    throw new DomainError('BAD_INPUT', '导入期间台账已被其他人更新，请重新导入这个文件');
  await table('roster_imports').change(job._id, { status: 'done', staged: job.rows, finishedAt });
  checked.delete(job._id);
  // The replaced import is out of sight already; clearing it is housekeeping, and a failure leaves it unseen.
  if (job.base)
    await table('roster_entries')
      .where({ importId: job.base })
      .remove()
      .catch((e: unknown) => console.warn('[roster] old import kept', e));
  return { ...job, status: 'done', staged: job.rows, finishedAt };
}
