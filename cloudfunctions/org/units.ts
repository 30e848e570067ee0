import type { z } from 'zod';
import type { orgNodeSchema } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgKind, OrgPlace, OrgUnit } from '../../src/shared/domain/org';
import { openPetitionStatuses, openWishStatuses, placeFieldOf } from '../../src/shared/domain/org-tree';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Command } from '../_lib/platform/typed-db';

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

/**
 * People and open cases for each unit of kind `kind` among the places whose `within` field is `withinIds`:
 * three grouped counts (people, wishes, petitions), one request each whatever the number of units, each led by
 * an indexed place field. No tallies yet: see ARCHITECTURE.md (Org tree) for why a tree page is 6 requests.
 */
export async function countsOf(within: { kind: OrgKind; ids: readonly string[] }, kind: OrgKind): Promise<Map<string, Counts>> {
  if (within.ids.length === 0) return new Map();
  const place: Partial<Record<keyof OrgPlace, string | Command>> = {
    [placeFieldOf[within.kind]]: within.ids.length === 1 ? within.ids[0] : _.in([...within.ids]),
  };
  const group = placeFieldOf[kind];
  const [people, wishes, petitions] = await Promise.all([
    table(collections.users).countBy(place, group),
    table(collections.wishes).countBy({ ...place, status: _.in([...openWishStatuses]) }, group),
    table(collections.petitions).countBy({ ...place, status: _.in([...openPetitionStatuses]) }, group),
  ]);
  const ids = new Set([...people.keys(), ...wishes.keys(), ...petitions.keys()]);
  return new Map([...ids].map((id) => [id, { people: people.get(id) ?? 0, openCases: (wishes.get(id) ?? 0) + (petitions.get(id) ?? 0) }]));
}
