import { DomainError } from '../../src/shared/domain/errors';
import { rosterLimits } from '../../src/shared/domain/roster';
import { transact } from '../_lib/transact';
import { tableIn } from '../_lib/typed-db';
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
  const writes: Unit[] = changes.flatMap(({ row, grid }) => {
    const old = existing.get(row.楼栋);
    const next: Unit = {
      ...old,
      _id: old?._id ?? buildingId(reach.communityId, row.楼栋),
      kind: 'building',
      name: row.楼栋,
      parentId: grid._id,
      path: [...grid.path, grid._id],
      units: row.单元数 ?? old?.units ?? null,
      address: row.地址 || old?.address || '',
    };
    const same = old && old.parentId === next.parentId && (old.units ?? null) === next.units && (old.address ?? '') === next.address;
    return same ? [] : [next];
  });
  if (writes.length > 0)
    await transact(
      async (tx) => {
        for (const { _id, ...fields } of writes) await tableIn(tx, 'org_units').set(_id, fields);
      },
      { busy: 'BUSY' },
    );
  return { ...state, status: 'done' as const, staged: state.rows, unchanged: writes.length === 0 };
}
