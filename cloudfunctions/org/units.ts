import type { z } from 'zod';
import type { orgNodeSchema } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgUnit } from '../../src/shared/domain/org';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

export type OrgNode = z.input<typeof orgNodeSchema>;
export type Counts = { people: number; openCases: number };

export const units = () => table(collections.orgUnits);

/** Units by id in one read; a missing one is ORG_UNIT_NOT_FOUND. */
export async function unitsById(ids: readonly string[]): Promise<OrgUnit[]> {
  const found = await units().byIds(ids);
  return ids.map((id) => {
    const unit = found.get(id);
    if (!unit) throw new DomainError('ORG_UNIT_NOT_FOUND');
    return unit;
  });
}

export function nodeOf(unit: OrgUnit, counts: Counts = { people: 0, openCases: 0 }): OrgNode {
  return {
    id: unit._id,
    kind: unit.kind,
    name: unit.name,
    parentId: unit.parentId,
    path: unit.path,
    ...counts,
    retired: unit.retiredAt ? { at: new Date(unit.retiredAt).toISOString(), reason: unit.retiredReason ?? '' } : null,
    entrances: unit.entrances ?? null,
    address: unit.address ?? null,
    point: unit.point ?? null,
  };
}
