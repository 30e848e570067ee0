import { orgRetireUnit } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { isRetired, managesUnit } from '../../src/shared/domain/org-tree';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import { nameGuardId } from './name-guard';
import { nodeOf, units, unitsById } from './units';

/**
 * 撤销: a unit is never deleted — cases and people that point at it stay readable — it is marked retired, and
 * only once nothing live hangs below it; its name is free again for a new sibling (the guard goes in the same
 * transaction). Retiring a retired unit answers it as it is.
 */
export const retireUnit = defineHandler(
  orgRetireUnit,
  async ({ id, reason }, { openid, user, request }) => {
    const [unit] = await unitsById([id]);
    if (!managesUnit(user, unit)) throw new DomainError('FORBIDDEN_SCOPE');
    if (unit.kind === 'street') throw new DomainError('FORBIDDEN_SCOPE', '街道不能在这里撤销，请联系区级管理员');
    if (isRetired(unit)) return { unit: nodeOf(unit) };
    const liveChildren = await units().where({ parentId: id, retiredAt: null }).limit(1).get();
    if (liveChildren.length > 0) throw new DomainError('ORG_HAS_CHILDREN');
    const retired = { retiredAt: new Date(), retiredBy: openid, retiredReason: reason };
    return transact(
      async (tx) => {
        await tableIn(tx, collections.orgUnits).change(id, retired);
        await tableIn(tx, collections.orgNames).delete(nameGuardId(unit.parentId, unit.name));
        return { unit: nodeOf({ ...unit, ...retired }) };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);
