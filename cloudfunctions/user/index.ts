import { userMe } from '../../src/shared/contract';
import { directoryEntry, disclose } from '../../src/shared/domain/privacy';
import { createFunction, defineHandler } from '../_lib/handler';
import { orgNames } from '../_lib/org';
import { listMembers, listPeople } from './people';
import { listRoleLog, listRolePeople, listRolePlaces } from './role-reads';
import { grant, revoke } from './roles';
import { careModeView, setPrefs } from './prefs';

const me = defineHandler(userMe, async (_input, { openid, user }) => {
  const names = await orgNames([user.communityId, user.gridId, user.buildingId]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const shown = disclose({ name: user.name, phone: user.phone, room: null }, directoryEntry(user, user));
  return {
    openid,
    name: shown.name,
    roles: user.roles,
    communityId: user.communityId,
    communityName: name(user.communityId) ?? '',
    gridId: user.gridId,
    gridName: name(user.gridId),
    buildingId: user.buildingId,
    buildingName: name(user.buildingId),
    phone: shown.phone ?? '',
    adminScope: user.roles.includes('admin') ? (user.adminScope ?? 'street') : null,
    careMode: careModeView(user, new Date()),
  };
});

/** One handler per user.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [me, listMembers, listPeople, setPrefs, grant, revoke, listRoleLog, listRolePeople, listRolePlaces];

export const main = createFunction('user', handlers);
