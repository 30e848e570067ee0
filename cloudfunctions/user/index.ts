import { userListMembers, userMe } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { maskPhone } from '../../src/shared/domain/privacy';
import { createFunction, defineHandler } from '../_lib/handler';
import { orgNames } from '../_lib/org';
import { _, collections, db, type Loose } from '../_lib/runtime';

const me = defineHandler(userMe, async (_input, { openid, user }) => {
  const names = await orgNames([user.communityId, user.gridId, user.buildingId]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    openid,
    name: user.name,
    roles: user.roles,
    communityId: user.communityId,
    communityName: name(user.communityId) ?? '',
    gridId: user.gridId,
    gridName: name(user.gridId),
    buildingId: user.buildingId,
    buildingName: name(user.buildingId),
    phone: maskPhone(user.phone),
  };
});

/** The community's members for the dispatch picker, with how many wishes each is already serving. */
const listMembers = defineHandler(userListMembers, async ({ offset, limit }, { user }) => {
  const res: Loose = await db
    .collection(collections.users)
    .where({ communityId: user.communityId, roles: 'member' })
    .orderBy('name', 'asc')
    .skip(offset)
    .limit(limit + 1)
    .get();
  const members = (res.data as UserProfile[]).slice(0, limit);
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
  for (const w of (active as Loose).data as { claimantId: string }[]) load.set(w.claimantId, (load.get(w.claimantId) ?? 0) + 1);
  return {
    items: members.map((m) => ({
      id: m._id,
      name: m.name,
      gridName: m.gridId ? (names.get(m.gridId) ?? null) : null,
      activeTasks: load.get(m._id) ?? 0,
    })),
    nextOffset: res.data.length > limit ? offset + limit : null,
  };
});

export const main = createFunction('user', [me, listMembers]);
