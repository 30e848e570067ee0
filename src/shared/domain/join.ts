import { DomainError } from './errors';
import type { OrgPlace, UserProfile } from './org';
import type { Role } from './roles';
import { worksGrid } from './scope';

/** The privacy policy a newcomer accepts; bump it when docs/privacy-guide.md changes in substance. */
export const PRIVACY_VERSION = '2026-12-01';

/** 入驻申请: a newcomer the roster did not know (`join`), or a resident moving to another building (`move`). */
export interface JoinApplication extends OrgPlace {
  _id: string;
  kind: 'join' | 'move';
  applicantId: string;
  name: string;
  phone: string;
  /** Whether WeChat vouched for the phone (getPhoneNumber) rather than the applicant typing it. */
  phoneVerified: boolean;
  unit: string;
  room: string;
  gridId: string;
  buildingId: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  privacy: { version: string; at: Date };
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** 人口台账 entry (built by the roster branch); a joined person is linked by `userId`. */
export interface RosterEntry {
  _id: string;
  communityId: string;
  gridId: string;
  buildingId: string;
  unit: string;
  room: string;
  name: string;
  phone: string;
  tags: string[];
  importId: string;
  userId: string | null;
}

/** One application per person at a time: a second join while one is pending answers that one. */
export const joinApplicationId = (openid: string) => `join-${openid}`;

/** How a room is kept on the profile: "3单元502". */
export const roomLabel = (unit: string, room: string) => `${unit ? `${unit}单元` : ''}${room}`;

/** Who may review an application: the grid worker of its grid, the staff of its community. */
export function reviewsJoin(reviewer: UserProfile, app: Pick<JoinApplication, 'communityId' | 'gridId'>): boolean {
  if (reviewer.roles.includes('staff') && reviewer.communityId === app.communityId) return true;
  return worksGrid(reviewer, app.gridId);
}

export function assertJoinPending(app: JoinApplication | null): JoinApplication {
  if (!app) throw new DomainError('JOIN_APPLICATION_NOT_FOUND');
  if (app.status !== 'pending') throw new DomainError('JOIN_APPLICATION_DECIDED');
  return app;
}

/**
 * Roles a person keeps when leaving their community: those of the street, the departments and the district
 * reach beyond where they live. Resident, member, grid and community roles go with the home.
 */
const kept: readonly Role[] = ['admin', 'street_staff', 'department_staff', 'district_staff'];
export const rolesAfterLeaving = (roles: readonly Role[]): Role[] => roles.filter((r) => kept.includes(r));

/** The profile a joined resident starts with. */
export function residentProfile(openid: string, who: { name: string; phone: string; unit: string; room: string }, place: OrgPlace): UserProfile {
  return {
    _id: openid,
    name: who.name,
    phone: who.phone,
    roles: ['resident'],
    streetId: place.streetId,
    communityId: place.communityId,
    gridId: place.gridId,
    buildingId: place.buildingId,
    room: roomLabel(who.unit, who.room),
    birthYear: null,
  };
}
