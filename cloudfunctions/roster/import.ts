import { rosterImport } from '../../src/shared/contract/roster';
import { DomainError } from '../../src/shared/domain/errors';
import { rosterLimits } from '../../src/shared/domain/roster';
import { isUploadOf } from '../../src/shared/domain/uploads';
import { defineHandler } from '../_lib/platform/handler';
import { cloud } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { reachRoster } from './access';
import { importBuildings } from './import-buildings';
import { continueResidents, startResidents } from './import-residents';
import type { RosterImport } from './roster-docs';
import { sheetHash } from './sheet';

/** The file's bytes, from the caller's own upload folder only. */
async function download(openid: string, fileID: string): Promise<Buffer> {
  if (!isUploadOf(fileID, openid)) throw new DomainError('BAD_INPUT', '只能导入你自己上传的文件，请重新选择文件');
  let res: { fileContent: Buffer };
  try {
    res = await cloud.downloadFile({ fileID });
  } catch {
    throw new DomainError('BAD_INPUT', '文件不存在或已过期，请重新上传');
  }
  const bytes = Buffer.from(res.fileContent as Buffer);
  if (bytes.length > rosterLimits.maxBytes)
    throw new DomainError('BAD_INPUT', `文件太大（超过 ${rosterLimits.maxBytes / 1024 / 1024} MB），请分成几个文件导入`);
  return bytes;
}

/** What the caller is told about a job. */
export function stateOf(job: RosterImport, unchanged = false) {
  return {
    importId: job._id,
    kind: job.kind,
    // A superseded job is never this file's job: its id was made on a roster that is no longer the active one.
    status: job.status === 'superseded' ? 'invalid' : job.status,
    rows: job.rows,
    staged: job.staged,
    errors: job.errors.slice(0, rosterLimits.errorsShown),
    errorCount: job.errorCount,
    unchanged,
  };
}

/**
 * 导入人口台账/楼栋表. A buildings file applies in one transaction. A residents file is an import job keyed by
 * the file: the first call checks every row (any bad row: the job is `invalid` and nothing is written), later
 * calls — the page calls again while the answer says `running` — stage rows page by page out of sight, and
 * the call that stages the last page makes them the roster in one write. A call killed anywhere leaves the
 * roster as it was; the next call with the same file goes on from the job's cursor.
 */
export const importRoster = defineHandler(
  rosterImport,
  async ({ fileID, communityId, kind }, { openid, user }) => {
    const reach = await reachRoster(user, communityId, { gridWorkers: false });
    const bytes = await download(openid, fileID);
    const fileHash = await sheetHash(bytes);
    if (kind === 'buildings') return importBuildings(reach, { fileID, fileHash, bytes, by: openid });
    const head = await table('roster_heads').get(reach.communityId);
    if (head?.fileHash === fileHash) {
      const job = await table('roster_imports').get(head.activeImport);
      // Already the roster. A call killed between the flip and marking its job done left the job `running`.
      if (job) return stateOf({ ...job, status: 'done', staged: job.rows }, true);
    }
    const job = await startResidents(reach, { fileID, fileHash, bytes, by: openid }, head?.activeImport ?? null);
    if (job.status !== 'running') return stateOf(job);
    return stateOf(await continueResidents(reach, job, bytes));
  },
  { record: 'byKey' },
);
