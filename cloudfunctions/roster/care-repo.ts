import type { z } from 'zod';
import type { householdSchema } from '../../src/shared/contract/care';
import { defaultRhythm, dueState, suggestTier, type CareRhythm } from '../../src/shared/domain/care';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { careTier } from '../../src/shared/domain/privacy';
import { worksGrid } from '../../src/shared/domain/scope';
import { assertNotOwnHome } from '../../src/shared/domain/self-dealing';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { warmCached } from '../_lib/platform/warm-cache';
import type { CareHousehold, CareVisit } from './care-docs';

export { householdIdOf } from '../_lib/platform/care-events';

/** A community's rhythm as a warm instance keeps it for a minute (a change reaches every instance within it). */
export const rhythmKey = (communityId: string) => `care-rhythm:${communityId}`;
export const rhythmOf = (communityId: string): Promise<CareRhythm> =>
  warmCached(rhythmKey(communityId), 60_000, async () => (await table(collections.careSettings).get(communityId))?.rhythm ?? defaultRhythm);

/** Refuses (as if there were nothing) anyone the privacy rule does not let see this household's tier. */
export function assertSeesCare(user: UserProfile, h: Pick<CareHousehold, 'communityId' | 'gridId' | 'buildingId' | 'room'>): void {
  if (!careTier(user, h)) throw new DomainError('CARE_HOUSEHOLD_NOT_FOUND');
}

/** Who works on a household's care: the grid worker of its grid or its community's staff — never at their own home. */
export function assertCaresFor(user: UserProfile, h: Pick<CareHousehold, 'communityId' | 'gridId' | 'buildingId' | 'room'>): void {
  const organiser = worksGrid(user, h.gridId) || (user.roles.includes('staff') && user.communityId === h.communityId);
  if (!organiser) throw new DomainError('CARE_HOUSEHOLD_NOT_FOUND');
  assertNotOwnHome(user, h);
}

/** 大病回访 as 今日走访 and the card say it. */
export const hospitalLabel = (note: string) => `住院「${note}」大病回访`;

type HouseholdView = z.input<typeof householdSchema>;

/** A household as its card shows it to those who may see it (the caller has passed `assertSeesCare`). */
export function householdView(h: CareHousehold, now: Date): HouseholdView {
  return {
    id: h._id,
    gridId: h.gridId,
    buildingName: h.buildingName,
    room: h.room,
    names: h.names,
    rosterKey: h.rosterKeys[0] ?? null,
    residentId: h.memberIds[0] ?? null,
    tier: h.tier,
    reason: h.reason,
    suggested: suggestTier(h.tags),
    lastVisitAt: h.lastVisitAt ? h.lastVisitAt.toISOString() : null,
    dueAt: h.dueAt ? h.dueAt.toISOString() : null,
    state: h.dueAt ? dueState(h.dueAt, now) : 'none',
    visits: h.visits,
  };
}

export function visitView(v: CareVisit) {
  return { id: v._id, at: v.at.toISOString(), byName: v.byName, note: v.note, photos: v.photos, buildingName: v.buildingName };
}
