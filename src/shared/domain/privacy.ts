import type { OrgPlace, UserProfile } from './org';
import type { PetitionLevel } from './petition-ladder';
import { supervisesAsHandler } from './petition-supervision';
import { adminCoversStreet, handlesPetition, organisesPlace, worksGrid } from './scope';

/**
 * The one privacy rule: how much of a person a viewer sees (ARCHITECTURE.md, "Privacy").
 * - `contact`: full name, phone and room — the person, their service counterpart, and whoever handles the record;
 * - `directory`: full name and a masked phone — community staff picking a person, and oneself on 我的;
 * - `named`: the full name only — people on staff work lists, a member serving under their own name;
 * - `masked`: 王** and nothing else — neighbours, merchants, shop ratings, anyone out of scope.
 */
export type Disclosure = 'contact' | 'directory' | 'named' | 'masked';

/** What a person is known by; `phone` and `room` are null where the record has none. */
export interface PersonFacts {
  name: string;
  phone: string | null;
  room: string | null;
}

type Viewer = Pick<UserProfile, '_id' | 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids' | 'departmentId' | 'supervisorScope'>;

/** 王秀英 → 王**: residents on public lists are known by surname only. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, Math.min(chars.length - 1, 2)));
}

/** 13800001001 → 138****1001. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

export function nameFor(name: string, d: Disclosure): string {
  return d === 'masked' ? maskName(name) : name;
}

/** What `d` lets a viewer see of a person: null where they see nothing. */
export function disclose(p: PersonFacts, d: Disclosure): PersonFacts {
  return {
    name: nameFor(p.name, d),
    phone: d === 'contact' ? p.phone : d === 'directory' && p.phone ? maskPhone(p.phone) : null,
    room: d === 'contact' ? p.room : null,
  };
}

type WishPeople = OrgPlace & { residentId: string; claimantId: string | null; filedById?: string | null };

/**
 * A wish's resident: for the resident, the member who claimed it, the organisers of its place, and whoever filed it
 * for them (代办: their 代办人, or the grid worker — who gave these very contacts when filing).
 */
export function wishResident(viewer: Viewer, wish: WishPeople): Disclosure {
  const own = viewer._id === wish.residentId || viewer._id === wish.claimantId || (Boolean(wish.filedById) && viewer._id === wish.filedById);
  return own || organisesPlace(viewer, wish) ? 'contact' : 'masked';
}

/** The member serving a wish works under their own name; their phone goes to the same people as the resident's. */
export function wishClaimant(viewer: Viewer, wish: WishPeople): Disclosure {
  return wishResident(viewer, wish) === 'contact' ? 'contact' : 'named';
}

/**
 * A petition's reporter: for the reporter and whoever handles the case at a level it reached. Whoever filed it
 * for them (红色代办) sees no more than their role allows: as one of its handlers, or masked. A 督办员 sees what
 * the staff of their level see (a street's once the case reached the street in their street, the district's once
 * it reached the district).
 */
export function petitionReporter(
  viewer: Viewer,
  p: OrgPlace & { reporterId: string | null; topLevel: PetitionLevel; departmentIds: readonly string[] },
): Disclosure {
  return viewer._id === p.reporterId || handlesPetition(viewer, p) || supervisesAsHandler(viewer, p) ? 'contact' : 'masked';
}

/** A person in the community's directory (and oneself on 我的): staff of that community see the name and a masked phone. */
export function directoryEntry(viewer: Viewer, person: Pick<UserProfile, '_id' | 'communityId'>): Disclosure {
  const staff = viewer.roles.includes('staff') && viewer.communityId === person.communityId;
  return viewer._id === person._id || staff ? 'directory' : 'masked';
}

/** Someone a merchant serves, or who rated a shop: the merchant, and everyone reading the ratings, see 王**. */
export const customer: Disclosure = 'masked';

/**
 * People on community staff's work lists (buyers, award pairs, applicants, shop owners, members to dispatch) and
 * members on the party ranking (党员积分排名 is a public honour roll): the name, never the contacts.
 */
export const listed: Disclosure = 'named';

/**
 * A person an admin may appoint (任免选人) or has appointed: admins who reach the person's street see the name and
 * a masked phone, as community staff do in their directory; nobody else reads this list.
 */
export function appointee(viewer: Viewer & Pick<UserProfile, 'adminScope'>, person: Pick<UserProfile, '_id' | 'streetId'>): Disclosure {
  return viewer._id === person._id || adminCoversStreet(viewer, person.streetId) ? 'directory' : 'masked';
}

/**
 * A person on a community's roster (人口台账), as those who may open it see them: an admin whose reach covers the
 * community sees the phone in full; its staff and the grid worker of the person's grid see the name and a masked
 * phone (the building, 单元 and room are the roster itself, and they see those).
 */
export function rosterEntry(viewer: { admin: boolean }): Disclosure {
  return viewer.admin ? 'contact' : 'directory';
}

/** 入驻申请的申请人: the applicant, and the grid worker and community staff who review it (to call and check). */
export function joinApplicant(viewer: Viewer, app: OrgPlace & { applicantId: string }): Disclosure {
  return viewer._id === app.applicantId || organisesPlace(viewer, app) ? 'contact' : 'masked';
}

/**
 * 代办人 bindings name the parent: to the parent, their helper, and the organisers of the parent's place who may
 * confirm for them — by name only (the helper files at the parent's home and is shown no phone or room of theirs).
 */
export function helperParent(viewer: Viewer, b: OrgPlace & { parentId: string; helperId: string }): Disclosure {
  return viewer._id === b.parentId || viewer._id === b.helperId || organisesPlace(viewer, b) ? 'named' : 'masked';
}

/** 我的家庭 → 家人: the people registered at one's own home (building + room) see each other by name, phone masked. */
export function householdMember(
  viewer: Pick<UserProfile, '_id' | 'buildingId' | 'room'>,
  person: Pick<UserProfile, '_id' | 'buildingId' | 'room'>,
): Disclosure {
  if (viewer._id === person._id) return 'directory';
  return viewer.buildingId && viewer.room && viewer.buildingId === person.buildingId && viewer.room === person.room ? 'directory' : 'masked';
}

/**
 * 三方议事: a resident who raised a topic is named to themself and to the staff of its community (who run it), and is
 * 王** to everyone else — neighbours co-signing and voting, the 业委会 and the 物业. Never a phone or a room. The
 * three parties' people (attendees, task owners, a party's raiser) speak for their seat: `listed`.
 */
export function councilRaiser(
  viewer: Pick<UserProfile, '_id' | 'roles' | 'communityId'>,
  topic: { raisedBy: string; communityId: string },
): Disclosure {
  const staff = viewer.roles.includes('staff') && viewer.communityId === topic.communityId;
  return viewer._id === topic.raisedBy || staff ? 'named' : 'masked';
}

/**
 * 红黄蓝 tiers and their reasons (放心户/关心户/连心户, issue 16): only the grid worker of the household's grid, the
 * staff of its community and the household itself (a person registered at that building and room). Nobody else —
 * not an admin, a neighbour or a member serving them — learns that a home is a 连心户, or why.
 */
export function careTier(
  viewer: Pick<UserProfile, 'roles' | 'communityId' | 'workGrids' | 'buildingId' | 'room'>,
  household: { communityId: string; gridId: string; buildingId: string; room: string },
): boolean {
  if (worksGrid(viewer, household.gridId)) return true;
  if (viewer.roles.includes('staff') && viewer.communityId === household.communityId) return true;
  return !!viewer.buildingId && viewer.buildingId === household.buildingId && viewer.room === household.room;
}
