import { DomainError } from '../../src/shared/domain/errors';
import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';
import { customer, nameFor } from '../../src/shared/domain/privacy';
import { averageOf, projectScore, type RatingTally } from '../../src/shared/domain/project';
import { collections } from '../_lib/platform/runtime';
import type { RetryRecord, TransactOptions } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';
import { warmCached } from '../_lib/platform/warm-cache';
import type { Project, ProjectNeed, ProjectResource, ProjectUnitYear } from './project-docs';

export const projects = () => table(collections.projects);
export const projectsIn = (tx: Tx) => tableIn(tx, collections.projects);

const iso = (d: Date) => new Date(d).toISOString();

/** How long a warm instance keeps org units and category names (changed a few times a year). */
const WARM_MS = 60_000;

/** A grid of the caller's community, or FORBIDDEN_SCOPE-like PROJECT_PLACE_INVALID (kept warm). */
export async function gridOf(user: UserProfile, gridId: string): Promise<OrgUnit> {
  const grid = await warmCached(`project-org:${gridId}`, WARM_MS, () => table(collections.orgUnits).get(gridId));
  if (!grid || grid.kind !== 'grid' || grid.parentId !== user.communityId || grid.retiredAt) throw new DomainError('PROJECT_PLACE_INVALID');
  return grid;
}

/** The names of wish and petition categories, by `wish:<id>` and `petition:<id>` (kept warm). */
export function cachedCategoryNames(): Promise<Map<string, string>> {
  return warmCached('project-category-names', WARM_MS, async () => {
    const [wish, petition] = await Promise.all([
      table(collections.categories).orderBy('order', 'asc').limit(100).get(),
      table(collections.petitionCategories).orderBy('order', 'asc').limit(200).get(),
    ]);
    return new Map([...wish.map((c) => [`wish:${c._id}`, c.name] as const), ...petition.map((c) => [`petition:${c._id}`, c.name] as const)]);
  });
}

/** The caller must belong to a community for any of the three lists. */
export function communityOf(user: UserProfile): string {
  if (!user.communityId) throw new DomainError('FORBIDDEN_SCOPE', '你还没有所在社区，看不到社区的清单');
  return user.communityId;
}

export const needView = (n: ProjectNeed) => ({
  id: n._id,
  title: n.title,
  detail: n.detail,
  placeName: n.placeName,
  createdAt: iso(n.createdAt),
  projectId: n.projectId,
});

/**
 * A resource as the viewer sees it: a unit or shop by its name; a member by their full name only to themself and
 * their community's staff (who match resources), to everyone else as 王** (privacy.ts: a neighbour).
 */
export function resourceView(r: ProjectResource, viewer: UserProfile) {
  const named = r.provider.kind !== 'member' || r.ownerId === viewer._id || (viewer.roles.includes('staff') && viewer.communityId === r.communityId);
  return {
    id: r._id,
    kind: r.kind,
    title: r.title,
    detail: r.detail,
    availability: r.availability,
    provider: { ...r.provider, name: named ? r.provider.name : nameFor(r.provider.name, customer) },
    createdAt: iso(r.createdAt),
  };
}

export function ratingSummary(residents: RatingTally, staff: RatingTally) {
  return {
    residents: { average: averageOf(residents), count: residents.count },
    staff: { average: averageOf(staff), count: staff.count },
    score: projectScore(residents, staff),
  };
}

const isResident = (u: UserProfile) => u.roles.includes('resident') || u.roles.includes('member') || u.roles.includes('staff');

/**
 * A project as the viewer sees it. `ratedByMe` is null where the view was built without reading the viewer's
 * rating (a list page); project.get and the mutations know it.
 */
export function projectView(p: Project, viewer: UserProfile, ratedByMe: boolean | null = null) {
  const mine = p.claimant?.contactId === viewer._id;
  return {
    id: p._id,
    title: p.title,
    detail: p.detail,
    status: p.status,
    needs: p.needs,
    resources: p.resources,
    claimant: p.claimant ? { unitId: p.claimant.unitId, unitName: p.claimant.unitName, claimedAt: iso(p.claimant.claimedAt) } : null,
    progress: p.progress,
    reports: p.reports.map((r) => ({ at: iso(r.at), text: r.text, progress: r.progress })),
    rating: ratingSummary(p.residents, p.staff),
    createdByName: p.createdByName,
    createdAt: iso(p.createdAt),
    doneAt: p.doneAt ? iso(p.doneAt) : null,
    mayClaim: p.status === 'open' && p.createdBy !== viewer._id,
    mayReport: p.status === 'claimed' && mine,
    mayRate: p.status === 'done' && !mine && isResident(viewer) && ratedByMe === false,
    ratedByMe,
  };
}

export const unitYearView = (t: ProjectUnitYear) => ({
  unitId: t.unitId,
  year: t.year,
  projectsDone: t.projectsDone,
  rating: ratingSummary(t.residents, t.staff),
});

export const unitYearId = (unitId: string, year: number) => `${unitId}:${year}`;
export const ratingIdOf = (projectId: string, raterId: string) => `${projectId}:${raterId}`;

/** A project of the caller's community, read in `tx` (another community's reads as not found). */
export async function projectIn(tx: Tx, projectId: string, user: UserProfile): Promise<Project> {
  const found = await projectsIn(tx).get(projectId);
  if (!found || found.communityId !== user.communityId) throw new DomainError('PROJECT_NOT_FOUND');
  return found;
}

/** Transaction options of a project action: the retry record written with the effect (or, `byEffect`, the effect is it). */
export function recordedAs<T>(request: RetryRecord | undefined, output: (result: T) => unknown, byEffect = false): TransactOptions<T> {
  return { busy: 'BUSY', record: { request, output, byEffect } };
}
