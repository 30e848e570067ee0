import type { CareEventKind, CareRhythm, CareTier } from '../../src/shared/domain/care';
import type { OrgPlace } from '../../src/shared/domain/org';

/**
 * A household (building + room) under care: its tier and reason, when it was last visited and when the next visit
 * falls due (`dueAt`: its tier's rhythm after the last visit; null for a household with no tier). `_id` is
 * `hh-<hash of community, building, room>`, so the roster, a resident's profile and an event all name the same one.
 */
export interface CareHousehold extends OrgPlace {
  _id: string;
  gridId: string;
  buildingId: string;
  buildingName: string;
  /** As profiles keep it: `1单元302`. */
  room: string;
  names: string[];
  rosterKeys: string[];
  /** The registered people among them (their roster entries' users): how 我的数据 finds their home's record. */
  memberIds: string[];
  /** The roster tags of its people when it was tagged (what suggests a tier). */
  tags: string[];
  tier: CareTier | null;
  reason: string | null;
  tierBy: string | null;
  tierAt: Date | null;
  /** The tier's days between visits when the next one was set (what 今日走访 says of it). */
  rhythmDays: number | null;
  lastVisitAt: Date | null;
  visits: number;
  dueAt: Date | null;
  updatedAt: Date;
}

/**
 * An event that asks for a visit soon (大病回访、困难必访): a wish in 助老/就医 or a petition about hardship, written in
 * the same transaction as the wish or case. `_id` is `<householdId>~<kind>-<ref id>`; the household's next visit
 * removes its events.
 */
export interface CareEvent extends OrgPlace {
  _id: string;
  householdId: string;
  gridId: string;
  buildingId: string;
  buildingName: string;
  room: string;
  name: string;
  /** Whose wish or case it is: a user's openid, or `roster:<key>` for a person not yet joined (我的数据 finds it). */
  residentId: string;
  rosterKey: string | null;
  kind: CareEventKind;
  ref: string;
  title: string;
  dueAt: Date;
  createdAt: Date;
}

/** A logged visit. `_id` comes from the caller and requestId, so a retried log is the same visit. */
export interface CareVisit {
  _id: string;
  householdId: string;
  communityId: string;
  gridId: string;
  buildingId: string;
  buildingName: string;
  by: string;
  byName: string;
  note: string;
  photos: string[];
  at: Date;
  requestId: string | null;
}

/** A community's visit rhythm per tier (`_id`: the community); without one, the defaults. */
export interface CareSettings {
  _id: string;
  rhythm: CareRhythm;
  by: string;
  updatedAt: Date;
}
