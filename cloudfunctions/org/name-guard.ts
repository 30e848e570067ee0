import type { OrgUnit } from '../../src/shared/domain/org';
import { normalName } from '../../src/shared/domain/org-tree';
import { idOf } from '../_lib/platform/ids';

/**
 * 同名占位: one document per live unit, keyed by its parent and its normalised name. Creating it in the unit's
 * own transaction is what makes a name unique among live siblings — two admins adding the same name at the
 * same moment both try to create the same document, and only one commits (a query for siblings cannot see
 * the other's uncommitted unit). Released when the unit is renamed, moved or retired.
 */
export interface OrgNameGuard {
  _id: string;
  parentId: string | null;
  name: string;
  unitId: string;
}

export const nameGuardId = (parentId: string | null, name: string) => `n-${idOf([parentId ?? '', normalName(name)], 32)}`;

/** The guard a live unit holds (the seed writes them for its units, as upsertUnit does for new ones). */
export function guardOf(unit: Pick<OrgUnit, '_id' | 'parentId' | 'name'>): OrgNameGuard {
  return { _id: nameGuardId(unit.parentId, unit.name), parentId: unit.parentId, name: unit.name, unitId: unit._id };
}
