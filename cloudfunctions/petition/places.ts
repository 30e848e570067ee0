import { petitionPlaces } from '../../src/shared/contract';
import type { OrgUnit } from '../../src/shared/domain/org';
import { compareUnitNames } from '../../src/shared/domain/unit-order';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

// A community has a handful of grids and at most a few hundred buildings: one read each (by the `parent`
// index) lists them all. 1000 is the most one server-side read returns.
const MAX_GRIDS = 100;
const MAX_BUILDINGS = 1000;

type Unit = Pick<OrgUnit, '_id' | 'name' | 'parentId'>;
const fields = { _id: true, name: true, parentId: true } as const;

async function children(parentIds: string[], kind: OrgUnit['kind'], max: number): Promise<Unit[]> {
  if (parentIds.length === 0) return [];
  const res = await table(collections.orgUnits)
    .where({ parentId: _.in(parentIds), kind })
    .field(fields)
    .limit(max)
    .get();
  return res.sort((a, b) => compareUnitNames(a.name, b.name));
}

/** Where a problem can be: the buildings of the caller's community, grid by grid, in counting order. */
export const places = defineHandler(petitionPlaces, async (_input, { user }) => {
  const grids = await children([user.communityId], 'grid', MAX_GRIDS);
  const buildings = await children(
    grids.map((g) => g._id),
    'building',
    MAX_BUILDINGS,
  );
  return {
    grids: grids.map((g) => ({
      id: g._id,
      name: g.name,
      buildings: buildings.filter((b) => b.parentId === g._id).map((b) => ({ id: b._id, name: b.name })),
    })),
  };
});
