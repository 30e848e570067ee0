import { projectRate } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { raterKindOf } from '../../src/shared/domain/project';
import { monthOf } from '../../src/shared/domain/time';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { Project, ProjectRating } from './project-docs';
import { projectIn, projects, projectsIn, projectView, ratingIdOf, recordedAs, unitYearId } from './repo';

/** The rater's rating was there already: a second one is refused. */
class AlreadyRated extends Error {}

/**
 * 项目评价: once per person and project (the rating's id says so), residents and staff tallied apart, on the project
 * and on its unit's year. The rating carries the call that made it (`byEffect`): a retry of that call finds it
 * and is answered with the project as it stands; any other call is told PROJECT_ALREADY_RATED.
 */
export const rate = defineHandler(
  projectRate,
  async ({ projectId, stars, comment }, { openid, user, requestId, request }) => {
    const view = (p: Project) => ({ project: projectView(p, user, true) });
    const verdict = await assertPublishable(openid, comment);
    const now = new Date();
    const project = await transact(
      async (tx) => {
        const found = await projectIn(tx, projectId, user);
        const kind = raterKindOf(user, { ...found, claimantContactId: found.claimant?.contactId ?? null });
        const unitId = found.claimant!.unitId;
        const rating: ProjectRating = {
          _id: ratingIdOf(projectId, openid),
          projectId,
          communityId: found.communityId,
          unitId,
          raterId: openid,
          raterKind: kind,
          stars,
          comment,
          hidden: verdict === 'review',
          at: now,
          ...(requestId ? { requestId } : {}),
        };
        await tableIn(tx, collections.projectRatings)
          .add(rating)
          .catch(() => {
            throw new AlreadyRated();
          });
        const tally = kind === 'staff' ? 'staff' : 'residents';
        await projectsIn(tx).change(projectId, { [`${tally}.sum`]: _.inc(stars), [`${tally}.count`]: _.inc(1), updatedAt: now });
        // The year the project finished in: its rating counts in that year's evaluation of the unit.
        const year = Number(monthOf(found.doneAt ?? now).slice(0, 4));
        await tableIn(tx, collections.projectUnitYears).change(unitYearId(unitId, year), {
          [`${tally}.sum`]: _.inc(stars),
          [`${tally}.count`]: _.inc(1),
          updatedAt: now,
        });
        const moved = { sum: found[tally].sum + stars, count: found[tally].count + 1 };
        return { ...found, residents: tally === 'residents' ? moved : found.residents, staff: tally === 'staff' ? moved : found.staff };
      },
      recordedAs(request, view, true),
    ).catch((error: unknown) => replayOf(error, projectId, openid, requestId));
    return view(project);
  },
  { record: 'inTransaction' },
);

/** The rating taken: this call's own (a retry, answered from the project as it stands), or another's. */
async function replayOf(error: unknown, projectId: string, openid: string, requestId: string | undefined): Promise<Project> {
  if (!(error instanceof AlreadyRated)) throw error;
  const rating = requestId ? await table(collections.projectRatings).get(ratingIdOf(projectId, openid)) : null;
  const project = rating?.requestId === requestId ? await projects().get(projectId) : null;
  if (!project) throw new DomainError('PROJECT_ALREADY_RATED');
  return project;
}
