import { createFunction } from '../_lib/platform/handler';
import { cases } from './cases';
import * as bulletin from './bulletin';
import { dashboard } from './dashboard';
import { gridRanking } from './grid-ranking';
import { exportStart, exportStatus, runExports } from './export';
import * as members from './members';
import { foldStats } from './stats-fold';
import { queueDailyCheck, workChecks } from './stats-verify';
import * as units from './units';
import { verify, verifyResult } from './verify';

// 双报到: party members (member.*) and units 共建单位 (unit.*) report to their community; staff review them.
// 数据看板 (report.*): numbers read from the counters its stats timer folds from the cases and the ledger.
// 月通报 (report.bulletin*): the bulletin timer prepares each community's monthly bulletin; staff publish it.
// 数据导出 (report.export*): files carried page by page by the status call and the exports timer (export.ts).
/** One handler per member.* and unit.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [
  members.report,
  members.mine,
  members.reviewReport,
  members.list,
  units.report,
  units.review,
  units.evaluate,
  units.list,
  dashboard,
  cases,
  gridRanking,
  bulletin.bulletin,
  bulletin.publishBulletin,
  bulletin.bulletins,
  verify,
  verifyResult,
  exportStart,
  exportStatus,
];

/** The stats timer folds; once it has caught up, it works the queued checks of the counters (stats-verify.ts). */
async function statsTimer(): Promise<Record<string, unknown>> {
  const folded = await foldStats();
  return { ...folded, ...(folded.caughtUp ? await workChecks() : {}) };
}

export const main = createFunction('report', handlers, {
  stats: statsTimer,
  bulletin: bulletin.prepareBulletins,
  verify: queueDailyCheck,
  exports: runExports,
});
