import { orgUpsertUnit } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgKind, OrgPlace, OrgUnit } from '../../src/shared/domain/org';
import { childKindOf, isRetired, managesUnit, placeFieldOf, sameName } from '../../src/shared/domain/org-tree';
import { defineHandler } from '../_lib/handler';
import { idForRequest } from '../_lib/ids';
import { collections } from '../_lib/runtime';
import { table } from '../_lib/typed-db';
import { nodeOf, units } from './units';

const prefixOf: Record<OrgKind, string> = { street: 's', community: 'c', grid: 'g', building: 'b' };

/**
 * 新建 / 改名 / 移动 a community, grid or building (an admin within reach, on both sides of a move). New ids are
 * short (a building's is the scene of its code) and derived from the requestId, so a retry lands on the same unit.
 */
export const upsertUnit = defineHandler(orgUpsertUnit, async ({ id, parentId, name, ...building }, { user, requestId }) => {
  const found = await units().byIds([id ?? null, parentId ?? null]);
  const unit = id ? found.get(id) : undefined;
  if (id && !unit) throw new DomainError('ORG_UNIT_NOT_FOUND');
  if (unit && !managesUnit(user, unit)) throw new DomainError('FORBIDDEN_SCOPE');
  if (unit && isRetired(unit)) throw new DomainError('ORG_RETIRED');
  const moving = parentId !== undefined && parentId !== unit?.parentId;
  const parent = moving ? await checkedParent(found.get(parentId), unit?.kind, user) : null;
  const kind = unit?.kind ?? childKindOf[parent!.kind]!;
  if (kind !== 'building' && Object.values(building).some((v) => v !== undefined)) {
    throw new DomainError('BAD_INPUT', '只有楼栋可以填写单元数、地址和位置');
  }
  const parentOf = parent?._id ?? unit!.parentId;
  if (!unit || moving || !sameName(unit.name, name)) await assertNameFree(parentOf, name, unit?._id);

  if (!unit) {
    const newId = `${prefixOf[kind]}-${idForRequest(['org.unit', parent!._id], requestId, 12)}`;
    const fresh: Omit<OrgUnit, '_id'> = {
      kind,
      name,
      parentId: parent!._id,
      path: [...parent!.path, parent!._id],
      order: Date.now(),
      retiredAt: null,
      ...(kind === 'building'
        ? { entrances: building.entrances ?? 1, address: building.address || null, point: building.point ?? null, code: null }
        : {}),
    };
    await units().set(newId, fresh);
    return { unit: nodeOf({ _id: newId, ...fresh }) };
  }
  const changes: Partial<OrgUnit> = { name };
  if (building.entrances !== undefined) changes.entrances = building.entrances;
  if (building.address !== undefined) changes.address = building.address || null;
  if (building.point !== undefined) changes.point = building.point;
  if (parent) {
    Object.assign(changes, { parentId: parent._id, path: [...parent.path, parent._id] });
    await moveBelow(unit, changes.path!);
  }
  await units().change(unit._id, changes);
  return { unit: nodeOf({ ...unit, ...changes }) };
});

/** A new parent must exist, be within the admin's reach, be live and be one level up from the unit. */
async function checkedParent(parent: OrgUnit | undefined, kind: OrgKind | undefined, user: Parameters<typeof managesUnit>[0]) {
  if (!parent) throw new DomainError('ORG_UNIT_NOT_FOUND');
  if (!managesUnit(user, parent)) throw new DomainError('FORBIDDEN_SCOPE');
  if (isRetired(parent)) throw new DomainError('ORG_RETIRED');
  const childKind = childKindOf[parent.kind];
  if (!childKind || (kind && kind !== childKind)) throw new DomainError('ORG_BAD_PARENT');
  return parent;
}

/** Names are unique among live siblings (retired ones keep theirs in history). A level has tens of units, not thousands. */
async function assertNameFree(parentId: string | null, name: string, self: string | undefined) {
  const siblings = await units().where({ parentId, retiredAt: null }).field({ name: true }).limit(1000).get();
  if (siblings.some((s) => s._id !== self && sameName(s.name, name))) throw new DomainError('ORG_NAME_TAKEN');
}

/**
 * A move keeps the unit's level, so its ancestors' positions in every descendant's path are the same as in
 * its own: one update rewrites them all, however many there are. The people placed in the unit follow it to
 * the new community (and grid); cases keep the place they were filed at.
 */
async function moveBelow(unit: OrgUnit, path: string[]) {
  const positions = Object.fromEntries(path.map((id, i) => [`path.${i}`, id]));
  if (unit.kind !== 'building') await units().where({ path: unit._id }).update(positions);
  const kinds: OrgKind[] = ['street', 'community', 'grid'];
  const place: Partial<OrgPlace> = Object.fromEntries(path.map((id, i) => [placeFieldOf[kinds[i]], id]));
  await table(collections.users)
    .where({ [placeFieldOf[unit.kind]]: unit._id })
    .update(place);
}
