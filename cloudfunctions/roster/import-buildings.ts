import { DomainError } from '../../src/shared/domain/errors';
import { rosterLimits } from '../../src/shared/domain/roster';
import { transact } from '../_lib/platform/transact';
import { tableIn, type Tx } from '../_lib/platform/typed-db';
import { guardOf } from '../org/name-guard';
import type { RosterReach } from './access';
import { unitsOf, type UploadedFile } from './import-residents';
import { assertHeaders, buildingChanges, byName, digest, type Unit } from './rows';
import { readSheet } from './sheet';

/** A building the file creates gets an id from its community and name, so importing the file again finds it. */
const buildingId = (communityId: string, name: string) => `bld-${digest(`${communityId}|${name}`, 16)}`;

/**
 * 楼栋表: creates the buildings a file names under their grids and updates the 单元 count, address and grid of
 * those that exist (matched by name within the community), all in one transaction. A community has at most a few
 * hundred buildings, so this is one write of the whole file rather than a job.
 */
export async function importBuildings(reach: RosterReach, file: UploadedFile) {
  const sheet = await readSheet(file.bytes);
  assertHeaders('buildings', sheet.headers);
  if (sheet.rows.length === 0) throw new DomainError('BAD_INPUT', '文件里只有表头，没有数据行');
  if (sheet.rows.length > rosterLimits.maxBuildingRows)
    throw new DomainError('BAD_INPUT', `楼栋表最多 ${rosterLimits.maxBuildingRows} 行，请分成几个文件导入`);
  const units = await unitsOf(reach.communityId);
  const { changes, errors } = buildingChanges(sheet.rows, units);
  const state = {
    importId: digest(`${reach.communityId}|buildings|${file.fileHash}`),
    kind: 'buildings' as const,
    rows: sheet.rows.length,
    errors: errors.slice(0, rosterLimits.errorsShown),
    errorCount: errors.length,
  };
  if (errors.length > 0) return { ...state, status: 'invalid' as const, staged: 0, unchanged: false };
  const existing = byName(units, 'building');
  const writes = changes.flatMap(({ row, grid }) => {
    const old = existing.get(row.楼栋);
    const next: Unit = {
      order: Date.now(),
      retiredAt: null,
      point: null,
      code: null,
      ...old,
      _id: old?._id ?? buildingId(reach.communityId, row.楼栋),
      kind: 'building',
      name: row.楼栋,
      parentId: grid._id,
      path: [...grid.path, grid._id],
      entrances: row.单元数 ?? old?.entrances ?? 1,
      address: row.地址 || old?.address || null,
    };
    const same = old && old.parentId === next.parentId && old.entrances === next.entrances && (old.address ?? null) === next.address;
    return same ? [] : [{ next, old }];
  });
  if (writes.length > 0)
    await transact(
      async (tx) => {
        for (const { next, old } of writes) {
          const { _id, ...fields } = next;
          await tableIn(tx, 'org_units').set(_id, fields);
          // A new building, or one moved to another grid, takes its name under that grid (org/name-guard.ts).
          if (old?.parentId !== next.parentId) await takeName(tx, next, old);
        }
      },
      { busy: 'BUSY' },
    );
  return { ...state, status: 'done' as const, staged: state.rows, unchanged: writes.length === 0 };
}

/** The name guard of a building written by the file, released under the grid it leaves. */
async function takeName(tx: Tx, next: Unit, old: Unit | undefined) {
  const guards = tableIn(tx, 'org_names');
  await guards.add(guardOf(next)).catch(() => {
    throw new DomainError('ORG_NAME_TAKEN', `网格下已有同名的单元“${next.name}”，请改名后重新导入`);
  });
  if (old) await guards.delete(guardOf(old)._id);
}
