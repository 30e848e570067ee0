import { orgRetireUnit } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { isRetired, managesUnit } from '../../src/shared/domain/org-tree';
import { defineHandler } from '../_lib/handler';
import { nodeOf, units, unitsById } from './units';

/**
 * 撤销: a unit is never deleted — cases and people that point at it stay readable — it is marked retired, and
 * only once nothing live hangs below it. Retiring a retired unit answers it as it is.
 */
export const retireUnit = defineHandler(orgRetireUnit, async ({ id, reason }, { openid, user }) => {
  const [unit] = await unitsById([id]);
  if (!managesUnit(user, unit)) throw new DomainError('FORBIDDEN_SCOPE');
  if (unit.kind === 'street') throw new DomainError('FORBIDDEN_SCOPE', '街道不能在这里撤销，请联系区级管理员');
  if (isRetired(unit)) return { unit: nodeOf(unit) };
  const liveChildren = await units().where({ parentId: id, retiredAt: null }).limit(1).get();
  if (liveChildren.length > 0) throw new DomainError('ORG_HAS_CHILDREN');
  const retired = { retiredAt: new Date(), retiredBy: openid, retiredReason: reason };
  await units().change(id, retired);
  return { unit: nodeOf({ ...unit, ...retired }) };
});
