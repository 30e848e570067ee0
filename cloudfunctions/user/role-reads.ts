import { roleLog, rolePeople, rolePlaces } from '../../src/shared/contract';
import { streetOfUnit } from '../../src/shared/domain/appointment';
import { adminCoversStreet } from '../../src/shared/domain/scope';
import { compareUnitNames as unitOrder } from '../../src/shared/domain/unit-order';
import type { RoleChange } from '../../src/shared/domain/appointment';
import type { UserProfile } from '../../src/shared/domain/org';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections, db } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { entryView, holderViews } from './role-views';

/** A street admin reads their street; a district admin the whole district (no street condition). */
const district = (user: UserProfile) => user.adminScope === 'district';
const streetOf = (user: UserProfile) => (district(user) ? {} : { streetId: user.streetId });

/** 任免记录: newest first, one page, of the admin's reach; optionally one person's. */
export const listRoleLog = defineHandler(roleLog, async ({ openid, offset, limit }, { user }) => {
  const where: Query<RoleChange> = { ...streetOf(user), ...(openid ? { targetId: openid } : {}) };
  // The whole district's log is read through its time index, newest first: bounded by "until now".
  if (district(user) && !openid) where.at = _.lte(new Date());
  const { docs, nextOffset } = await table(collections.roleLog).where(where).orderBy('at', 'desc').page(offset, limit);
  return { items: docs.map(entryView), nextOffset };
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 任免选人: registered people of the admin's reach, by a piece of the name or a whole phone number. */
export const listRolePeople = defineHandler(rolePeople, async ({ query, offset, limit }, { user }) => {
  const where: Query<UserProfile> = { ...streetOf(user) };
  if (query && /^1\d{10}$/.test(query)) where.phone = query;
  else if (query) where.name = db.RegExp({ regexp: escape(query) });
  // The whole district, unfiltered, is read through the name index in name order.
  else if (district(user)) where.name = _.gte('');
  const { docs, nextOffset } = await table(collections.users).where(where).orderBy('name', 'asc').page(offset, limit);
  return { items: await holderViews(user, docs), nextOffset };
});

/**
 * 任命到哪里, one level at a time: the admin's streets (a district admin's also the departments), or the
 * communities or grids under one unit of their reach. Retired units are not offered.
 */
export const listRolePlaces = defineHandler(rolePlaces, async ({ parentId }, { user }) => {
  const units = table(collections.orgUnits);
  const [found, departments] = await Promise.all([
    parentId
      ? units.where({ parentId }).limit(1000).get()
      : district(user)
        ? units.where({ kind: 'street' }).limit(1000).get()
        : units.where({ _id: user.streetId }).limit(1).get(),
    !parentId && district(user) ? table(collections.departments).orderBy('order', 'asc').limit(100).get() : [],
  ]);
  const places = found
    .filter((u) => u.kind !== 'building' && !('retiredAt' in u && u.retiredAt) && adminCoversStreet(user, streetOfUnit(u)))
    .sort((a, b) => unitOrder(a.name, b.name))
    .map((u) => ({ id: u._id, kind: u.kind as 'street' | 'community' | 'grid', name: u.name }));
  const scope = district(user) ? ('district' as const) : ('street' as const);
  return { scope, places, departments: departments.map((d) => ({ id: d._id, name: String(d.name) })) };
});
