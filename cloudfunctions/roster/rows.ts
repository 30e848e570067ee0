import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { buildingRowSchema, residentRowSchema, type BuildingRow } from '../../src/shared/contract/roster-rows';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgUnit } from '../../src/shared/domain/org';
import { requiredHeaders, rosterSortKey, type RosterKind, type RowError } from '../../src/shared/domain/roster';
import type { SheetRow } from './sheet';

/** An org unit as the roster reads it: orgtree's fields it may carry are optional here. */
export type Unit = OrgUnit;

/** A resident row checked against the community's buildings, ready to be staged. */
export interface ResidentEntry {
  key: string;
  gridId: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  name: string;
  phone: string | null;
  tags: string[];
  sortKey: string;
}

export const digest = (text: string, length = 24) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** The person's id across imports: the same person in the same room of the same building. */
export const entryKey = (communityId: string, e: { buildingId: string; unit: string; room: string; name: string }) =>
  digest([communityId, e.buildingId, e.unit, e.room, e.name].join('|'), 20);

export function assertHeaders(kind: RosterKind, headers: readonly string[]): void {
  const missing = requiredHeaders[kind].filter((h) => !headers.includes(h));
  if (missing.length === 0) return;
  const what = kind === 'residents' ? '人口台账' : '楼栋表';
  throw new DomainError(
    'BAD_INPUT',
    `第 1 行缺少列：${missing.join('、')}。${what}的表头应为 ${requiredHeaders[kind].join('、')} 等（见导入页的模板）`,
  );
}

function parseRow<S extends z.ZodType>(schema: S, row: SheetRow, errors: RowError[]): z.output<S> | null {
  if (row.problems.length > 0) {
    errors.push({ line: row.line, reason: row.problems.join('；') });
    return null;
  }
  const parsed = schema.safeParse(row.cells);
  if (parsed.success) return parsed.data;
  errors.push({ line: row.line, reason: [...new Set(parsed.error.issues.map((i) => i.message))].join('；') });
  return null;
}

/** Live (not retired) units of the community of one kind, by name. */
export function byName(units: readonly Unit[], kind: OrgUnit['kind']): Map<string, Unit> {
  return new Map(units.filter((u) => u.kind === kind && !u.retiredAt).map((u) => [u.name, u]));
}

/** Every row of a residents file checked: the entries when all are good, else every bad row. */
export function residentEntries(
  communityId: string,
  rows: readonly SheetRow[],
  units: readonly Unit[],
): { entries: ResidentEntry[]; errors: RowError[] } {
  const buildings = byName(units, 'building');
  const errors: RowError[] = [];
  const entries: ResidentEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const r = parseRow(residentRowSchema, row, errors);
    if (!r) continue;
    const building = buildings.get(r.楼栋);
    if (!building || !building.parentId) {
      errors.push({ line: row.line, reason: `楼栋“${r.楼栋}”不在本社区，请先导入楼栋表或检查楼栋名` });
      continue;
    }
    const place = { buildingId: building._id, unit: r.单元, room: r.房号, name: r.姓名 };
    const key = entryKey(communityId, place);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, reason: `与第 ${first} 行重复（楼栋、单元、房号、姓名都相同）` });
      continue;
    }
    seen.set(key, row.line);
    const entry = { ...place, buildingName: building.name, gridId: building.parentId, phone: r.手机号, tags: r.标签 };
    entries.push({ ...entry, key, sortKey: rosterSortKey(entry) });
  }
  return { entries, errors };
}

/** A buildings row checked against the community's grids. */
export interface BuildingChange {
  row: BuildingRow;
  grid: Unit;
}

export function buildingChanges(rows: readonly SheetRow[], units: readonly Unit[]): { changes: BuildingChange[]; errors: RowError[] } {
  const grids = byName(units, 'grid');
  const errors: RowError[] = [];
  const changes: BuildingChange[] = [];
  const seen = new Map<string, number>();
  for (const line of rows) {
    const row = parseRow(buildingRowSchema, line, errors);
    if (!row) continue;
    const grid = grids.get(row.网格);
    if (!grid) {
      errors.push({ line: line.line, reason: `网格“${row.网格}”不在本社区，请先在组织架构中建立网格` });
      continue;
    }
    const first = seen.get(row.楼栋);
    if (first !== undefined) {
      errors.push({ line: line.line, reason: `楼栋“${row.楼栋}”与第 ${first} 行重复` });
      continue;
    }
    seen.set(row.楼栋, line.line);
    changes.push({ row, grid });
  }
  return { changes, errors };
}
