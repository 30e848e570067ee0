import { orgUpsertUnit } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgKind, OrgPlace, OrgUnit } from '../../src/shared/domain/org';
import { childKindOf, isRetired, managesUnit, placeFieldOf } from '../../src/shared/domain/org-tree';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { transact, type RetryRecord } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';
import { nameGuardId } from './name-guard';
import { nodeOf, units } from './units';

const prefixOf: Record<OrgKind, string> = { street: 's', community: 'c', grid: 'g', building: 'b' };

/**
 * 新建 / 改名 / 移动 a community, grid or building (an admin within reach, on both sides of a move). New ids are
 * short (a building's is the scene of its code) and derived from the requestId, so a retry lands on the same unit.
 * The unit, its name guard and the retry record commit together; a retry finds its guard taken and replays.
 */
export const upsertUnit = defineHandler(
  orgUpsertUnit,
  async ({ id, parentId, name, ...building }, { user, requestId, request }) => {
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

    if (!unit) return createUnit(kind, parent!, name, building, requestId, request);
    const changes: Partial<OrgUnit> = { name };
    if (building.entrances !== undefined) changes.entrances = building.entrances;
    if (building.address !== undefined) changes.address = building.address || null;
    if (building.point !== undefined) changes.point = building.point;
    if (parent) Object.assign(changes, { parentId: parent._id, path: [...parent.path, parent._id] });
    const reply = await withName({ unitId: unit._id, parentId: parentOf, name, was: unit, request }, async (tx) => {
      await tableIn(tx, collections.orgUnits).change(unit._id, changes);
      return { unit: nodeOf({ ...unit, ...changes }) };
    });
    // Many documents: not within a transaction. A unit already moved by a retried call is not moving again.
    if (parent) await moveBelow(unit, changes.path!);
    return reply;
  },
  { record: 'inTransaction' },
);

/** 新建: a new unit under `parent`, with its name guard, in one transaction. */
function createUnit(
  kind: OrgKind,
  parent: OrgUnit,
  name: string,
  building: Pick<OrgUnit, 'entrances' | 'address' | 'point'>,
  requestId: string | undefined,
  request: RetryRecord | undefined,
) {
  const newId = `${prefixOf[kind]}-${idForRequest(['org.unit', parent._id], requestId, 12)}`;
  const fresh: Omit<OrgUnit, '_id'> = {
    kind,
    name,
    parentId: parent._id,
    path: [...parent.path, parent._id],
    order: Date.now(),
    retiredAt: null,
    ...(kind === 'building'
      ? { entrances: building.entrances ?? 1, address: building.address || null, point: building.point ?? null, code: null }
      : {}),
  };
  return withName({ unitId: newId, parentId: parent._id, name, request }, async (tx) => {
    await tableIn(tx, collections.orgUnits).set(newId, fresh);
    return { unit: nodeOf({ _id: newId, ...fresh }) };
  });
}

/** A new parent must exist, be within the admin's reach, be live and be one level up from the unit. */
async function checkedParent(parent: OrgUnit | undefined, kind: OrgKind | undefined, user: Parameters<typeof managesUnit>[0]) {
  if (!parent) throw new DomainError('ORG_UNIT_NOT_FOUND');
  if (!managesUnit(user, parent)) throw new DomainError('FORBIDDEN_SCOPE');
  if (isRetired(parent)) throw new DomainError('ORG_RETIRED');
  const childKind = childKindOf[parent.kind];
  if (!childKind || (kind && kind !== childKind)) throw new DomainError('ORG_BAD_PARENT');
  return parent;
}

interface Naming {
  unitId: string;
  parentId: string | null;
  name: string;
  /** The unit as it was, when it already exists: the guard it holds is released if its name or parent change. */
  was?: Pick<OrgUnit, 'parentId' | 'name'>;
  request: RetryRecord | undefined;
}

/**
 * Writes a unit with `write` in one transaction with its name guard (name-guard.ts): names are unique among
 * live siblings even when two admins save the same name at once; retired units keep theirs in history.
 */
function withName<T>({ unitId, parentId, name, was, request }: Naming, write: (tx: Tx) => Promise<T>) {
  const guardId = nameGuardId(parentId, name);
  const heldId = was ? nameGuardId(was.parentId, was.name) : null;
  return transact(
    async (tx) => {
      if (guardId !== heldId) {
        const guards = tableIn(tx, collections.orgNames);
        // Inserted, not read first: an insert that finds the guard taken is how a taken name is found.
        await guards.add({ _id: guardId, parentId, name, unitId }).catch(() => {
          throw new DomainError('ORG_NAME_TAKEN');
        });
        if (heldId) await guards.delete(heldId);
      }
      return write(tx);
    },
    { busy: 'BUSY', record: { request } },
  );
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
