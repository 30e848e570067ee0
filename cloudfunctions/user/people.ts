import { userListMembers, userListPeople } from '../../src/shared/contract';
import { directoryEntry, disclose } from '../../src/shared/domain/privacy';
import { defineHandler } from '../_lib/platform/handler';
import { orgNames } from '../_lib/platform/org';
import { _, collections, db } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

/** The community's members for the dispatch picker: what each offers to do and how many wishes they already serve. */
export const listMembers = defineHandler(userListMembers, async ({ offset, limit }, { user }) => {
  const res = await table(collections.users)
    .where({ communityId: user.communityId, roles: 'member' })
    .orderBy('name', 'asc')
    .skip(offset)
    .limit(limit + 1)
    .get();
  const members = res.slice(0, limit);
  const ids = members.map((m) => m._id);
  const [names, active] = await Promise.all([
    orgNames(members.map((m) => m.gridId)),
    ids.length
      ? db
          .collection(collections.wishes)
          .where({ claimantId: _.in(ids), status: _.in(['claimed', 'in_service']) })
          .field({ claimantId: true })
          .limit(1000)
          .get()
      : { data: [] },
  ]);
  const load = new Map<string, number>();
  for (const w of active.data as { claimantId: string }[]) load.set(w.claimantId, (load.get(w.claimantId) ?? 0) + 1);
  return {
    items: members.map((m) => ({
      id: m._id,
      name: m.name,
      gridName: m.gridId ? (names.get(m.gridId) ?? null) : null,
      activeTasks: load.get(m._id) ?? 0,
      skills: m.skills ?? [],
    })),
    nextOffset: res.length > limit ? offset + limit : null,
  };
});

/** Staff pick a person of their community (to award points, …): by role and a piece of the name. */
export const listPeople = defineHandler(userListPeople, async ({ query, role, offset, limit }, { user }) => {
  const where: Record<string, unknown> = { communityId: user.communityId };
  if (role) where.roles = role;
  if (query) where.name = db.RegExp({ regexp: query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') });
  const res = await table(collections.users)
    .where(where)
    .orderBy('name', 'asc')
    .skip(offset)
    .limit(limit + 1)
    .get();
  const people = res.slice(0, limit);
  const names = await orgNames(people.flatMap((p) => [p.gridId, p.buildingId]));
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    items: people.map((p) => {
      const shown = disclose({ name: p.name, phone: p.phone, room: null }, directoryEntry(user, p));
      return { id: p._id, name: shown.name, roles: p.roles, gridName: name(p.gridId), buildingName: name(p.buildingId), phone: shown.phone ?? '' };
    }),
    nextOffset: res.length > limit ? offset + limit : null,
  };
});
