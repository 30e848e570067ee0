import { userMe } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { workGridsOf } from '../../src/shared/domain/scope';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { createFunction, defineHandler } from '../_lib/platform/handler';
import { join, joinPlaces, joinStatus } from './join';
import { meView } from './me-view';
import { listMembers, listPeople } from './people';
import { listRoleLog, listRolePeople, listRolePlaces } from './role-reads';
import { grant, revoke } from './roles';
import { setPrefs } from './prefs';
import { leave, updateProfile } from './profile';
import { applications, reviewJoin } from './review';
import { joinApplications } from './join-view';
import { deleteMine, exportMine, runMyDataJobs } from './my-data';
import { consentHelper, endHelper, listHelpers, requestHelper } from './helpers';
import * as family from './family';

/** Grid workers and staff see how many join applications wait for them (the badge on 入驻审核). */
async function pendingJoinsFor(user: UserProfile): Promise<number | undefined> {
  if (user.roles.includes('staff')) return joinApplications().where({ communityId: user.communityId, status: 'pending' }).count();
  const grids = workGridsOf(user);
  if (grids.length)
    return joinApplications()
      .where({ gridId: grids.length === 1 ? grids[0] : _.in(grids), status: 'pending' })
      .count();
  return undefined;
}

/** Community staff review 双报到: the members' and the units' reports waiting (the badge on 报到审核). */
async function pendingReportsFor(user: UserProfile): Promise<number | undefined> {
  if (!user.roles.includes('staff') || !user.communityId) return undefined;
  const waiting = { communityId: user.communityId, status: 'pending' as const };
  const [members, units] = await Promise.all([
    table(collections.memberReports).where(waiting).count(),
    table(collections.unitReports).where(waiting).count(),
  ]);
  return members + units;
}

const me = defineHandler(userMe, async (_input, { user }) => {
  const [joins, reports] = await Promise.all([pendingJoinsFor(user), pendingReportsFor(user)]);
  return meView(user, joins, reports);
});

/** One handler per user.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [
  me,
  listMembers,
  listPeople,
  setPrefs,
  grant,
  revoke,
  listRoleLog,
  listRolePeople,
  listRolePlaces,
  joinPlaces,
  joinStatus,
  join,
  applications,
  reviewJoin,
  updateProfile,
  leave,
  exportMine,
  deleteMine,
  requestHelper,
  consentHelper,
  endHelper,
  listHelpers,
  family.invite,
  family.codes,
  family.revoke,
  family.members,
  family.join,
];

export const main = createFunction('user', handlers, { myData: runMyDataJobs });
