import type { Role } from './roles';

/** 街道 → 社区 → 网格 → 楼栋: the organisation tree that scopes every action. */
export type OrgKind = 'street' | 'community' | 'grid' | 'building';

export interface OrgUnit {
  _id: string;
  kind: OrgKind;
  name: string;
  parentId: string | null;
  /** Ancestors from the street down, excluding this unit. */
  path: string[];
  /** Retired units are never deleted (cases and people still point at them): they get no new children or members. */
  retiredAt?: Date | null;
  retiredBy?: string | null;
  retiredReason?: string | null;
  /** Where it is listed among its siblings (creation time); seeded units have none and come first. */
  order?: number;
  /** A building's 单元 count. */
  entrances?: number;
  /** A building's street address, as residents say it. */
  address?: string | null;
  /** A building's location on the map. */
  point?: { lat: number; lng: number } | null;
  /** A building's mini-program code (楼栋码), made once for `page` and kept in cloud storage. */
  code?: { page: string; fileID: string } | null;
  /** People placed in it and its open cases, recounted by the org function's tallies timer (a minute behind). */
  tally?: { people: number; openCases: number } | null;
}

/** A registered person. `_id` is their OPENID, so looking a caller up is one read by key. */
export interface UserProfile {
  _id: string;
  name: string;
  phone: string;
  roles: Role[];
  streetId: string;
  communityId: string;
  /** Where they live (their building's grid), or for a grid worker who lives elsewhere their first grid. */
  gridId: string | null;
  /**
   * The grids a `grid_worker` works (one or more), set by 任免 (role.grant / role.revoke). Read through
   * `workGridsOf` / `worksGrid` in scope.ts, never directly; absent or empty for everyone else. An existing
   * deployment sets it to `[gridId]` for its grid workers (see README).
   */
  workGrids?: string[];
  buildingId: string | null;
  /** Room within the building, e.g. "3单元502"; shown only to those who need it. */
  room: string | null;
  birthYear: number | null;
  /** The 职能部门 (住建, 城管, …) a `department_staff` person works for. */
  departmentId?: string;
  /** The shop a `merchant` runs (爱心商家): set when community staff approve their application. */
  shopId?: string;
  /**
   * How far an `admin` reaches: their street (the default), or the whole district (one deployment serves one
   * district). Read through `adminCoversStreet` in scope.ts, never directly.
   */
  adminScope?: 'street' | 'district';
  /**
   * What a `supervisor` (督办员) watches: the cases of their street (`streetId`), or of the whole district. Read
   * through `supervisesPlace` in petition-supervision.ts, never directly.
   */
  supervisorScope?: 'street' | 'district';
  /**
   * The 小区 (residential estate, by name) an `owners_committee` member or `property_rep` sits in 三方议事 for;
   * absent: their whole community. Set by 任免 with the role.
   */
  councilEstate?: string;
  /** What a member offers to do (修水电, 辅导功课, …), shown to whoever dispatches a wish; residents have none. */
  skills?: string[];
  /** The roster's tags (人口台账 标签: 独居老人, 低保, …) of the entry this person is linked to. */
  tags?: string[];
  /** 关怀模式 as the person chose it on 我的 (`user.setPrefs`); absent until they choose (care-mode.ts decides). */
  careMode?: boolean;
  /** Who invited them with a family code (family.join), which code and when. */
  invitedBy?: { userId: string; name: string; code: string; at: Date; requestId: string | null };
  /** The privacy policy they accepted when joining (user.join), with when. */
  privacy?: { version: string; at: Date };
  /**
   * Only on the marker 注销 leaves in place of the profile while the erasure job clears the person's records
   * (user/my-data.ts): it is nobody's profile, and its id's WeChat cannot join again until the job removes it.
   * Field queries never meet it (it has no other field); reads by id tell it apart with `isProfile` (actor.ts).
   */
  erasingSince?: Date;
}

/** Where a wish or petition sits in the tree; every scope check compares these ids. */
export interface OrgPlace {
  streetId: string;
  communityId: string;
  gridId: string | null;
  buildingId: string | null;
}
