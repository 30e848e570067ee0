import { randomUUID } from 'crypto';
import { exportKindLabels, reportExportStart, reportExportStatus } from '../../src/shared/contract/export';
import { csvFile } from '../../src/shared/domain/csv';
import { DomainError } from '../../src/shared/domain/errors';
import { DAY_MS } from '../../src/shared/domain/time';
import type { ExportCell, ExportJob } from '../_lib/platform/documents';
import { defineHandler } from '../_lib/platform/handler';
import { _, cloud, collections } from '../_lib/platform/runtime';
import { fieldsOf } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { excel } from '../roster/excel';
import { placeFor } from './dashboard';
import { headers } from './export-rows';
import { readPage, sourcesOf } from './export-sources';

/**
 * 数据导出 (issue 14). `report.exportStart` records a job — one per person (`_id` = their openid), so nobody runs
 * two at once and a retry with the same requestId answers the same job. The job is then carried a page at a time
 * (export-sources.ts): by each `report.exportStatus` the app polls with (one page per call, within the call's
 * request budget), and by the `exports` timer every minute for a bigger export or an app that went away (pages
 * until its time is up, RUN_MS, well inside the function's 60 s; a job polled in the last POLLED_MS is left to its
 * polls). Each page of rows goes to an `export_parts` doc whose id is its sequence number, and the job moves on
 * only if nobody moved it first — so two carriers of one job write the same parts and one of them wins. When every
 * source is read, the parts become one XLSX (a sheet per kind) or CSV (UTF-8 with BOM) under `exports/<openid>/`
 * in cloud storage (a file per carrier: one whose job update lost deletes its own), the parts go, and the job
 * answers a temporary link. Jobs and files are removed a day after they finished.
 */

/** How long a download link works: long enough to open or save the file, short enough not to be passed around. */
const LINK_SECONDS = 600;
/** A finished export (its file and job) is kept this long. */
const KEEP_MS = DAY_MS;
/** A running job nobody could move on for this long has failed (a bug, or data the page cannot read). */
const STALL_MS = 10 * 60_000;
/** A job moved this recently is being polled: the timer leaves it to the polls. */
const POLLED_MS = 10_000;
/** How long one timer run carries jobs before it stops after the page in hand. */
const RUN_MS = Number(process.env.LINLI_EXPORT_RUN_MS) || 20_000;
/** Parts read per request when the file is written; a status call writes the file only when one read holds them all. */
const PARTS_PER_READ = 10;
const MAX_DAYS = 366;

const sheetWidth = (header: string) => Math.max(10, Math.min(24, header.length * 2 + 4));

function fileNameOf(job: Pick<ExportJob, 'scopeName' | 'kinds' | 'from' | 'to' | 'format'>): string {
  const what = job.kinds.length === 1 ? exportKindLabels[job.kinds[0]] : '数据导出';
  // 梧桐社区 + 社区月报: 梧桐社区月报, not 梧桐社区社区月报.
  const name = what.startsWith('社区') && job.scopeName.endsWith('社区') ? `${job.scopeName}${what.slice(2)}` : `${job.scopeName}${what}`;
  return `${name}_${job.from}至${job.to}.${job.format}`;
}

async function linkOf(fileID: string): Promise<string | null> {
  // The SDK types this call as maybe answering nothing (its callback form); awaited, it answers the list.
  const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] })) as { fileList?: { tempFileURL?: string }[] };
  return res.fileList?.[0]?.tempFileURL || null;
}

async function viewOf(job: ExportJob) {
  const sources = sourcesOf(job.kinds);
  const kindsDone = job.status === 'done' ? job.kinds.length : job.kinds.filter((k) => sources.every((s, i) => s.kind !== k || i < job.step)).length;
  return {
    id: job.requestId,
    status: job.status,
    format: job.format,
    kinds: job.kinds,
    scopeName: job.scopeName,
    from: job.from,
    to: job.to,
    rows: job.rows,
    kindsDone,
    fileName: job.fileName,
    url: job.status === 'done' && job.fileID ? await linkOf(job.fileID) : null,
    error: job.error,
    createdAt: new Date(job.createdAt).toISOString(),
  };
}

/** The communities whose postings belong to the place (postings know only their community; none: the district, all). */
async function communitiesOf(place: { id: string; kind: ExportJob['scopeKind']; path: readonly string[] }): Promise<string[]> {
  if (place.kind === 'community') return [place.id];
  if (place.kind === 'grid') return place.path.slice(-1);
  if (place.kind === 'district') return [];
  const units = await table(collections.orgUnits).where({ path: place.id, kind: 'community' }).limit(1000).get();
  return units.map((u) => u._id);
}

/** A new export of `what` for `place`, by `user`, at its start. */
function newJob(
  openid: string,
  requestId: string,
  what: Pick<ExportJob, 'from' | 'to' | 'kinds' | 'format'>,
  place: { id: string; kind: ExportJob['scopeKind']; name: string; communityIds: string[] },
  user: { roles: readonly string[]; communityId: string; streetId: string; adminScope?: 'street' | 'district' },
): ExportJob {
  const now = new Date();
  return {
    _id: openid,
    openid,
    requestId,
    status: 'running',
    ...what,
    scope: place.id,
    scopeKind: place.kind,
    scopeName: place.name,
    communityIds: place.communityIds,
    viewer: {
      roles: [...user.roles],
      communityId: user.communityId,
      streetId: user.streetId,
      ...(user.adminScope ? { adminScope: user.adminScope } : {}),
    },
    step: 0,
    cursor: null,
    parts: 0,
    rows: 0,
    tally: [],
    fileID: null,
    fileName: fileNameOf({ scopeName: place.name, ...what }),
    error: null,
    createdAt: now,
    updatedAt: now,
    doneAt: null,
  };
}

/**
 * 开始导出: the place is checked by the dashboard's rule (maySeeStats). DB requests: the caller, the place (kept
 * warm), the person's job, a street's communities, the new job.
 */
export const exportStart = defineHandler(
  reportExportStart,
  async ({ scope, from, to, kinds, format }, { openid, user, requestId }) => {
    if (!requestId) throw new DomainError('BAD_INPUT', '缺少请求编号，请重试');
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
    if (days > MAX_DAYS) throw new DomainError('BAD_INPUT', '导出时段最长一年，请缩短时段');
    const jobs = table(collections.exportJobs);
    const [place, current] = await Promise.all([placeFor(user, scope), jobs.get(openid)]);
    if (current?.requestId === requestId) return { export: await viewOf(current) };
    if (current?.status === 'running') throw new DomainError('BUSY', '你有一个导出还没完成，请等它完成后再导出');
    const job = newJob(openid, requestId, { from, to, kinds, format }, { ...place, communityIds: await communitiesOf(place) }, user);
    // The one document per person is the lock: the previous export (done, failed) and its file give way.
    await jobs.set(openid, fieldsOf(job));
    if (current?.fileID) await cloud.deleteFile({ fileList: [current.fileID] });
    return { export: await viewOf(job) };
  },
  { record: 'byKey' },
);

/**
 * 导出进度: the person's export as it stands, carried one page further first while it runs (the last step, the
 * file, only when its parts fit one read — a bigger one is written by the timer). DB requests: the caller, the
 * job, then a page (the page, the postings' people, the part, the job moved on) or the file (the parts, the job,
 * the parts removed).
 */
export const exportStatus = defineHandler(reportExportStatus, async (_input, { openid }) => {
  const job = await table(collections.exportJobs).get(openid);
  if (!job) return { export: null };
  const now = job.status === 'running' ? await carry(job, { wholeFileOnly: true }) : job;
  return { export: await viewOf(now) };
});

/** The job one step further (a page read, or the file written); the job as it stands if another carrier moved it. */
async function carry(job: ExportJob, opts: { wholeFileOnly: boolean }): Promise<ExportJob> {
  const sources = sourcesOf(job.kinds);
  if (job.step >= sources.length) return writeFile(job, opts);
  const source = sources[job.step];
  const now = new Date();
  const page = await readPage(job, source.name, now);
  const parts = table(collections.exportParts);
  if (page.rows.length > 0)
    await parts.set(`${job._id}:${job.requestId}:${job.parts}`, {
      jobId: job._id,
      requestId: job.requestId,
      seq: job.parts,
      kind: source.kind,
      rows: page.rows,
    });
  const moved: Partial<ExportJob> = {
    step: page.cursor ? job.step : job.step + 1,
    cursor: page.cursor,
    parts: job.parts + (page.rows.length > 0 ? 1 : 0),
    rows: job.rows + page.rows.length,
    tally: page.cursor ? (page.tally ?? job.tally) : [],
    updatedAt: now,
  };
  return moveOn(job, moved);
}

/** Applies `changes` only if the job is still where it was read (same export, same step and part). */
async function moveOn(job: ExportJob, changes: Partial<ExportJob>): Promise<ExportJob> {
  const jobs = table(collections.exportJobs);
  const changed = await jobs
    .where({ _id: job._id, requestId: job.requestId, status: 'running', step: job.step, parts: job.parts, rows: job.rows })
    .update(changes as never);
  if (changed === 1) return { ...job, ...changes };
  return (await jobs.get(job._id)) ?? job;
}

/** Every part, in order, then the file: an XLSX with a sheet per kind, or the CSV of the one kind. */
async function writeFile(job: ExportJob, opts: { wholeFileOnly: boolean }): Promise<ExportJob> {
  if (opts.wholeFileOnly && job.parts > PARTS_PER_READ) return job;
  const parts = table(collections.exportParts);
  const rows = new Map(job.kinds.map((k) => [k, [] as ExportCell[][]]));
  for (let seq = 0; seq < job.parts; seq += PARTS_PER_READ) {
    const page = await parts
      .where({ jobId: job._id, requestId: job.requestId, seq: _.and(_.gte(seq), _.lt(seq + PARTS_PER_READ)) })
      .orderBy('seq', 'asc')
      .limit(PARTS_PER_READ)
      .get();
    for (const part of page) rows.get(part.kind)?.push(...part.rows);
  }
  let bytes: Buffer;
  if (job.format === 'csv') {
    const kind = job.kinds[0];
    bytes = Buffer.from(csvFile(headers[kind], rows.get(kind) ?? []), 'utf8');
  } else {
    const book = new (await excel()).Workbook();
    for (const kind of job.kinds) {
      const sheet = book.addWorksheet(exportKindLabels[kind]);
      sheet.columns = headers[kind].map((header) => ({ header, width: sheetWidth(header) }));
      sheet.getRow(1).font = { bold: true };
      sheet.addRows(rows.get(kind) ?? []);
    }
    bytes = Buffer.from(await book.xlsx.writeBuffer());
  }
  // Each carrier writes its own file: one that lost the race (and may have read the parts as the winner removed
  // them) deletes its file rather than overwrite the winner's.
  const cloudPath = `exports/${job.openid}/${job.requestId}-${randomUUID().slice(0, 8)}.${job.format}`;
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string };
  const now = new Date();
  const done = await moveOn(job, { status: 'done', fileID: uploaded.fileID, doneAt: now, updatedAt: now });
  if (done.fileID !== uploaded.fileID) await cloud.deleteFile({ fileList: [uploaded.fileID] });
  else await parts.where({ jobId: job._id }).remove();
  return done;
}

/**
 * The `exports` timer (every minute): removes exports finished more than a day ago (their files too), then carries
 * the running ones, oldest first, page after page until RUN_MS is spent; a job that could not move for STALL_MS
 * is marked failed, so its person may start again.
 */
export async function runExports(): Promise<Record<string, unknown>> {
  const until = Date.now() + RUN_MS;
  const jobs = table(collections.exportJobs);
  const old = await jobs
    .where({ status: _.in(['done', 'failed']), doneAt: _.lt(new Date(Date.now() - KEEP_MS)) })
    .limit(100)
    .get();
  const files = old.flatMap((j) => (j.fileID ? [j.fileID] : []));
  if (files.length > 0) await cloud.deleteFile({ fileList: files });
  for (const j of old) {
    if (j.status === 'failed') await table(collections.exportParts).where({ jobId: j._id }).remove();
    await jobs.delete(j._id);
  }
  const running = await jobs.where({ status: 'running' }).orderBy('updatedAt', 'asc').limit(10).get();
  let pages = 0;
  let finished = 0;
  for (let job of running) {
    // Someone is polling it: their calls carry it (and the timer would only race them for the same pages).
    if (Date.now() - new Date(job.updatedAt).getTime() < POLLED_MS) continue;
    try {
      while (job.status === 'running' && (pages === 0 || Date.now() < until)) {
        const before = job.updatedAt;
        job = await carry(job, { wholeFileOnly: false });
        pages++;
        if (job.updatedAt === before) break; // another carrier has it
      }
      if (job.status === 'done') finished++;
    } catch (error) {
      console.error('[exports] page failed', job._id, error);
      if (Date.now() - new Date(job.updatedAt).getTime() > STALL_MS) {
        const now = new Date();
        await jobs.change(job._id, { status: 'failed', error: '导出没有完成', doneAt: now, updatedAt: now });
      }
    }
    if (Date.now() >= until) break;
  }
  return { removed: old.length, running: running.length, pages, finished };
}
