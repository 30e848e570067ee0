import { projectClaim, projectReport } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertMayClaim, emptyTally, MAX_PROJECT_REPORTS, nextProgress } from '../../src/shared/domain/project';
import { monthOf } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import type { Project } from './project-docs';
import { projectIn, projectsIn, projectView, recordedAs, unitYearId } from './repo';

/**
 * 认领 (契约化共建): the claimant is written on the project in the transaction that read it open, so of two units
 * claiming at once one commits and the other, retried on the conflict, reads it claimed: PROJECT_ALREADY_CLAIMED.
 */
export const claim = defineHandler(
  projectClaim,
  async ({ projectId, unitId }, { openid, user, request }) => {
    const view = (p: Project) => ({ project: projectView(p, user, false) });
    const project = await transact(
      async (tx) => {
        const [found, unit] = await Promise.all([projectIn(tx, projectId, user), tableIn(tx, collections.unitReports).get(unitId)]);
        if (!unit) throw new DomainError('PROJECT_ITEM_INVALID', '没有找到这个共建单位，请刷新后重新选择');
        assertMayClaim(user, found, unit);
        const now = new Date();
        const changes = {
          status: 'claimed' as const,
          claimant: { unitId, unitName: unit.name, contactId: openid, claimedAt: now },
          claimantUnitId: unitId,
          updatedAt: now,
        };
        await projectsIn(tx).change(projectId, changes);
        return { ...found, ...changes };
      },
      recordedAs(request, view),
    );
    return view(project);
  },
  { record: 'inTransaction' },
);

/**
 * 进展: the claimant's contact reports; progress only moves forward, and the report at 100 % finishes the project,
 * counting it in the unit's year (the tally its annual evaluation shows).
 */
export const report = defineHandler(
  projectReport,
  async ({ projectId, text, progress }, { openid, user, request }) => {
    const view = (p: Project) => ({ project: projectView(p, user, false) });
    const project = await transact(
      async (tx) => {
        const found = await projectIn(tx, projectId, user);
        if (found.claimant?.contactId !== openid) throw new DomainError('PROJECT_NOT_CLAIMANT');
        if (found.status === 'done') throw new DomainError('PROJECT_DONE');
        if (found.reports.length >= MAX_PROJECT_REPORTS && progress < 100) throw new DomainError('PROJECT_REPORTS_FULL');
        const now = new Date();
        const done = nextProgress(found.progress, progress) === 100;
        const changes = {
          progress,
          reports: [...found.reports, { at: now, text, progress, by: openid }].slice(-MAX_PROJECT_REPORTS),
          updatedAt: now,
          ...(done ? { status: 'done' as const, doneAt: now } : {}),
        };
        await projectsIn(tx).change(projectId, changes);
        if (done) {
          const year = Number(monthOf(now).slice(0, 4));
          const id = unitYearId(found.claimant.unitId, year);
          const years = tableIn(tx, collections.projectUnitYears);
          if ((await years.change(id, { projectsDone: _.inc(1), updatedAt: now })) === 0) {
            const fields = { unitId: found.claimant.unitId, communityId: found.communityId, year, projectsDone: 1, updatedAt: now };
            await years.set(id, { ...fields, residents: emptyTally(), staff: emptyTally() });
          }
        }
        return { ...found, ...changes };
      },
      recordedAs(request, view),
    );
    return view(project);
  },
  { record: 'inTransaction' },
);
