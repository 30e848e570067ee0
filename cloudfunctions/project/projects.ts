import { listMyUnits, listProjects, projectCreate, projectGet } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { customer, nameFor } from '../../src/shared/domain/privacy';
import { emptyTally } from '../../src/shared/domain/project';
import { monthOf } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import type { Project } from './project-docs';
import { communityOf, projects, projectsIn, projectView, ratingIdOf, recordedAs, unitYearId, unitYearView } from './repo';

/**
 * 项目清单: the community's projects, newest first, by status; or one unit's projects with its year's tally beside
 * them (what its 反向考评 is weighed with) — the caller, a page, and the tally: three reads.
 */
export const list = defineHandler(listProjects, async ({ status, unitId, offset, limit }, { user }) => {
  const communityId = communityOf(user);
  const where = { communityId, ...(status ? { status } : {}), ...(unitId ? { claimantUnitId: unitId } : {}) };
  const year = Number(monthOf(new Date()).slice(0, 4));
  const [page, tally] = await Promise.all([
    projects().where(where).orderBy('createdAt', 'desc').page(offset, limit),
    unitId ? table(collections.projectUnitYears).get(unitYearId(unitId, year)) : Promise.resolve(null),
  ]);
  return {
    items: page.docs.map((p) => projectView(p, user)),
    nextOffset: page.nextOffset,
    unitYear: tally && tally.communityId === communityId ? unitYearView(tally) : null,
  };
});

/** 我的共建单位: the approved units the caller reported (is the contact of), of their community; one indexed query. */
export const myUnits = defineHandler(listMyUnits, async (_input, { openid, user }) => {
  const docs = await table(collections.unitReports).where({ reporterId: openid }).orderBy('createdAt', 'desc').limit(20).get();
  const units = docs.filter((u) => u.status === 'approved' && u.communityId === user.communityId);
  return { units: units.map((u) => ({ id: u._id, name: u.name })) };
});

/** One project of the caller's community, and whether the caller rated it (two reads besides the caller). */
export const get = defineHandler(projectGet, async ({ projectId }, { openid, user }) => {
  const [found, rating] = await Promise.all([projects().get(projectId), table(collections.projectRatings).get(ratingIdOf(projectId, openid))]);
  if (!found || found.communityId !== user.communityId) throw new DomainError('PROJECT_NOT_FOUND');
  return { project: projectView(found, user, Boolean(rating)) };
});

/**
 * 立项: staff turn needs of their community into a project and match its resources to it. The needs and resources
 * are read in one query each and copied onto the project (its page needs no other read); after the project
 * commits, its needs are marked with it in one update (a need marked late still shows on the list as open).
 */
export const create = defineHandler(
  projectCreate,
  async ({ title, detail, needIds, resourceIds }, { openid, user, requestId, request }) => {
    const communityId = communityOf(user);
    const [needs, resources] = await Promise.all([
      table(collections.projectNeeds).byIds(needIds),
      table(collections.projectResources).byIds(resourceIds),
    ]);
    const mine = <T extends { communityId: string }>(ids: string[], found: Map<string, T>) =>
      ids.every((id) => found.get(id)?.communityId === communityId);
    if (!mine(needIds, needs) || !mine(resourceIds, resources)) throw new DomainError('PROJECT_ITEM_INVALID');
    if ([...needs.values()].some((n) => n.projectId)) throw new DomainError('PROJECT_ITEM_INVALID');
    const now = new Date();
    const project: Project = {
      _id: `prj-${idForRequest([openid], requestId, 20)}`,
      streetId: user.streetId,
      communityId,
      title,
      detail,
      needs: [...needs.values()].map((n) => ({ id: n._id, title: n.title })),
      resources: [...resources.values()].map((r) => ({
        id: r._id,
        kind: r.kind,
        title: r.title,
        // A project's page is seen by every resident: a member offering is known there as 王**.
        providerName: r.provider.kind === 'member' ? nameFor(r.provider.name, customer) : r.provider.name,
      })),
      status: 'open',
      claimant: null,
      claimantUnitId: null,
      progress: 0,
      reports: [],
      residents: emptyTally(),
      staff: emptyTally(),
      createdBy: openid,
      createdByName: user.name,
      createdAt: now,
      doneAt: null,
      updatedAt: now,
    };
    const view = () => ({ project: projectView(project, user, false) });
    await transact(
      async (tx) => {
        const { _id, ...fields } = project;
        await projectsIn(tx).set(_id, fields);
      },
      recordedAs(request, view),
    );
    if (needIds.length > 0)
      await table(collections.projectNeeds)
        .where({ _id: _.in(needIds) })
        .update({ projectId: project._id });
    return view();
  },
  { record: 'inTransaction' },
);
