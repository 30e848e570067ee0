import { careRhythm, careSetRhythm, careSetTier } from '../../src/shared/contract';
import { isValidRhythm, rhythmDueAt } from '../../src/shared/domain/care';
import { DomainError } from '../../src/shared/domain/errors';
import { roomLabel } from '../../src/shared/domain/join';
import { assertNotOwnHome } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { rosterPerson } from '../_lib/platform/on-behalf';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import { forgetWarm } from '../_lib/platform/warm-cache';
import type { CareHousehold } from './care-docs';
import { householdIdOf, householdView, rhythmKey, rhythmOf } from './care-repo';

/**
 * 红黄蓝: the grid worker of a roster person's grid, or their community's staff, tags the person's home with a tier
 * and a reason (rosterPerson refuses anyone else, and the person themself). The next rhythm visit counts from the
 * last visit, or from now for a home not visited yet. A retry finds the same tier and writes the same fields.
 */
export const setTier = defineHandler(
  careSetTier,
  async ({ rosterKey, tier, reason }, { openid, user, request }) => {
    const { entry, streetId } = await rosterPerson(rosterKey, user);
    const room = roomLabel(entry.unit, entry.room);
    assertNotOwnHome(user, { buildingId: entry.buildingId, room });
    const rhythm = await rhythmOf(entry.communityId);
    const id = householdIdOf(entry.communityId, entry.buildingId, room);
    const now = new Date();
    const view = (h: CareHousehold) => ({ household: householdView(h, new Date()) });
    const household = await transact(
      async (tx) => {
        const households = tableIn(tx, collections.careHouseholds);
        const found = await households.get(id);
        const next: CareHousehold = {
          _id: id,
          streetId,
          communityId: entry.communityId,
          gridId: entry.gridId,
          buildingId: entry.buildingId,
          buildingName: entry.buildingName,
          room,
          names: [...new Set([...(found?.names ?? []), entry.name])],
          rosterKeys: [...new Set([...(found?.rosterKeys ?? []), entry.key])],
          memberIds: [...new Set([...(found?.memberIds ?? []), ...(entry.userId ? [entry.userId] : [])])],
          tags: [...new Set([...(found?.tags ?? []), ...entry.tags])],
          tier,
          reason,
          tierBy: openid,
          tierAt: now,
          rhythmDays: rhythm[tier],
          lastVisitAt: found?.lastVisitAt ?? null,
          visits: found?.visits ?? 0,
          dueAt: rhythmDueAt(tier, found?.lastVisitAt ?? now, rhythm),
          updatedAt: now,
        };
        await households.set(id, fieldsOf(next));
        return next;
      },
      { busy: 'BUSY', record: { request, output: view } },
    );
    return view(household);
  },
  { record: 'inTransaction' },
);

/** 走访周期: the community's staff set the days between visits per tier; homes take it at their next visit or tagging. */
export const setRhythm = defineHandler(careSetRhythm, async ({ rhythm }, { openid, user }) => {
  if (!isValidRhythm(rhythm)) throw new DomainError('CARE_RHYTHM_INVALID');
  await transact(async (tx) => {
    await tableIn(tx, collections.careSettings).set(user.communityId, { rhythm, by: openid, updatedAt: new Date() });
  });
  forgetWarm(rhythmKey(user.communityId));
  return { rhythm };
});

export const getRhythm = defineHandler(careRhythm, async (_input, { user }) => ({ rhythm: await rhythmOf(user.communityId) }));
