import { holdersWhere } from '../_lib/platform/holders';
import { thing, templates, time } from '../_lib/platform/templates';
import type { Unit } from '../_lib/platform/transact';

/**
 * Tells the community's staff (who review 报到) that a report waits for them, never the reporter themself: a
 * subscribe message where they consented (staff hold a long-term grant for their work notices); in the app, the
 * badge on 报到审核 (user.me `pendingReports`). Queued in the report's transaction, sent after it commits.
 */
export async function notifyReviewers(
  unit: Unit,
  report: { communityId: string; reporterId: string; kind: '党员报到' | '共建单位报到'; who: string; at: Date },
): Promise<void> {
  const staff = await holdersWhere({ communityId: report.communityId, roles: 'staff' });
  await unit.notify(
    staff
      .filter((touser) => touser !== report.reporterId)
      .map((touser) => ({
        touser,
        templateId: templates.reportSubmitted,
        page: 'package-report/review/index',
        data: { thing1: thing(report.kind), thing2: thing(report.who), time3: time(report.at) },
      })),
  );
}
