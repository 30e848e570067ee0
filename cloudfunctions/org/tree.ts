import { orgTree } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgUnit } from '../../src/shared/domain/org';
import { childKindOf, managesUnit, seesUnit, treeRoots } from '../../src/shared/domain/org-tree';
import { defineHandler } from '../_lib/platform/handler';
import { nodeOf, units, unitsById } from './units';

/**
 * 组织架构, one level at a time: the caller's top units, or the children of one they may see, each with its
 * people and open cases. A street of 556 grids is read a page of one level at a time, never whole. The counts
 * are each unit's tally (tallies.ts, a minute behind), so a page is the caller, the parent and the children:
 * 3 requests (the top units: 2).
 */
export const tree = defineHandler(orgTree, async ({ parentId, includeRetired, offset, limit }, { user }) => {
  const live = includeRetired ? {} : { retiredAt: null };
  let parent: OrgUnit | null = null;
  let page: { docs: OrgUnit[]; nextOffset: number | null };
  if (parentId) {
    [parent] = await unitsById([parentId]);
    if (!seesUnit(user, parent)) throw new DomainError('FORBIDDEN_SCOPE');
    const childKind = childKindOf[parent.kind];
    if (!childKind) return { parent: nodeOf(parent), items: [], nextOffset: null, canManage: managesUnit(user, parent) };
    page = await units()
      .where({ parentId, ...live })
      .orderBy('order', 'asc')
      .page(offset, limit);
  } else {
    const roots = treeRoots(user);
    page =
      roots === 'all-streets'
        ? await units()
            .where({ kind: 'street', ...live })
            .orderBy('order', 'asc')
            .page(offset, limit)
        : { docs: roots.ids.length ? await unitsById(roots.ids) : [], nextOffset: null };
  }
  return {
    // The contract drops the parent's counts: they are its children's.
    parent: parent ? nodeOf(parent) : null,
    items: page.docs.map((unit) => nodeOf(unit, unit.tally ?? undefined)),
    nextOffset: page.nextOffset,
    canManage: parent ? managesUnit(user, parent) : page.docs.some((u) => managesUnit(user, u)),
  };
});
