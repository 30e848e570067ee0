import { userLeave, userUpdateProfile } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { joinApplicationId, rolesAfterLeaving, roomLabel, type JoinApplication } from '../../src/shared/domain/join';
import type { UserProfile } from '../../src/shared/domain/org';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import { buildingPlace, notifyReviewers } from './join';
import { joinViewWith, placeNames } from './join-view';
import { meView } from './me-view';

/** "3单元502" back into its 单元 and room, for a move that keeps them. */
function splitRoom(room: string | null): { unit: string; room: string } {
  const m = /^(.*?)单元(.*)$/.exec(room ?? '');
  return m ? { unit: m[1], room: m[2] } : { unit: '', room: room ?? '' };
}

/**
 * 修改登记信息: name, 单元, room and phone change at once; a new building is a move, which the grid worker of
 * that building reviews (the application carries the new details; the profile stays until approved).
 */
export const updateProfile = defineHandler(userUpdateProfile, async (input, { openid, user }) => {
  const kept = splitRoom(user.room);
  const who = { name: input.name ?? user.name, phone: input.phone ?? user.phone, unit: input.unit ?? kept.unit, room: input.room ?? kept.room };
  if (input.buildingId && input.buildingId !== user.buildingId) {
    const place = await buildingPlace(input.buildingId);
    const names = await placeNames([place]);
    const now = new Date();
    const app = await transact(async (tx, unit) => {
      const _id = joinApplicationId(openid);
      const found = await tableIn(tx, collections.joinApplications).get(_id);
      if (found?.status === 'pending') return found;
      const next: JoinApplication = {
        _id,
        kind: 'move',
        applicantId: openid,
        ...who,
        phoneVerified: false,
        streetId: place.streetId,
        communityId: place.communityId,
        gridId: place.gridId,
        buildingId: place.buildingId,
        status: 'pending',
        reason: null,
        privacy: user.privacy ?? { version: '', at: now },
        createdAt: now,
        decidedAt: null,
        decidedBy: null,
      };
      await tableIn(tx, collections.joinApplications).set(_id, fieldsOf(next));
      await notifyReviewers(unit, next, place.name);
      return next;
    }, 'BUSY');
    return { me: await meView(user), application: joinViewWith(app, names, 'contact') };
  }
  const changes = { name: who.name, phone: who.phone, room: user.buildingId ? roomLabel(who.unit, who.room) : user.room };
  await table(collections.users).change(openid, changes);
  return { me: await meView({ ...user, ...changes }), application: null };
});

/**
 * 退出社区: the roles of the home go (resident, member, grid and community work, the shop's); the street's,
 * departments' and district's stay. Someone left with none is no longer registered and may join again.
 * Their postings, wishes and petitions stay as the privacy rules keep them; the roster entry is unlinked.
 */
export const leave = defineHandler(userLeave, async (_input, { openid }) => {
  const rolesKept = await transact(async (tx) => {
    const users = tableIn(tx, collections.users);
    const person: UserProfile | null = await users.get(openid);
    if (!person) throw new DomainError('NOT_REGISTERED');
    const roles = rolesAfterLeaving(person.roles);
    if (roles.length === 0) {
      await users.delete(openid);
      // Their join on record goes too: it would answer a later join as already registered.
      await tableIn(tx, collections.joinApplications).delete(joinApplicationId(openid));
    } else await users.change(openid, { roles, gridId: null, workGrids: [], buildingId: null, room: null });
    return roles;
  }, 'BUSY');
  await table(collections.rosterEntries).where({ userId: openid }).update({ userId: null });
  return { left: true as const, rolesKept };
});
