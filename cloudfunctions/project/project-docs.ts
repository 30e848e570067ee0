import type { ProjectStatus, ProviderKind, RaterKind, RatingTally, ResourceKind } from '../../src/shared/domain/project';

/** 需求清单: a need community staff entered (those gathered from wishes and petitions are counters, not documents). */
export interface ProjectNeed {
  _id: string;
  streetId: string;
  communityId: string;
  gridId: string | null;
  placeName: string;
  title: string;
  detail: string;
  createdBy: string;
  createdAt: Date;
  /** The project it went into (set after that project's creation commits). */
  projectId: string | null;
}

/** 资源清单: what a unit, a shop or a member offers, and when; `ownerId` is the unit's contact, the shop's owner or the member. */
export interface ProjectResource {
  _id: string;
  streetId: string;
  communityId: string;
  provider: { kind: ProviderKind; id: string; name: string };
  ownerId: string;
  kind: ResourceKind;
  title: string;
  detail: string;
  availability: string;
  addedBy: string;
  createdAt: Date;
}

export interface ProjectReportEntry {
  at: Date;
  text: string;
  progress: number;
  by: string;
}

/**
 * 项目清单: a project with the needs and resources matched to it (copied: what the page shows needs no other read),
 * its one claimant, its progress reports (at most MAX_PROJECT_REPORTS) and its rating tallies.
 */
export interface Project {
  _id: string;
  streetId: string;
  communityId: string;
  title: string;
  detail: string;
  needs: { id: string; title: string }[];
  resources: { id: string; kind: ResourceKind; title: string; providerName: string }[];
  status: ProjectStatus;
  claimant: { unitId: string; unitName: string; contactId: string; claimedAt: Date } | null;
  /** The claimant's unit id, or null: what list.projects finds a unit's projects by. */
  claimantUnitId: string | null;
  progress: number;
  reports: ProjectReportEntry[];
  residents: RatingTally;
  staff: RatingTally;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  doneAt: Date | null;
  updatedAt: Date;
}

/** One person's rating of a finished project (`_id` = `<projectId>:<raterId>`: once each), carrying the call that made it. */
export interface ProjectRating {
  _id: string;
  projectId: string;
  communityId: string;
  unitId: string;
  raterId: string;
  raterKind: RaterKind;
  stars: number;
  comment: string;
  hidden: boolean;
  at: Date;
  requestId?: string;
}

/** A unit's projects of a (China-time) year: finished ones and their ratings, shown beside its 反向考评 (`<unitId>:<year>`). */
export interface ProjectUnitYear {
  _id: string;
  unitId: string;
  communityId: string;
  year: number;
  projectsDone: number;
  residents: RatingTally;
  staff: RatingTally;
  updatedAt: Date;
}
