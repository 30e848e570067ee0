import { createFunction } from '../_lib/platform/handler';
import { dashboard } from './dashboard';
import { exportStart, exportStatus, runExports } from './export';
import * as members from './members';
import { foldStats } from './stats-fold';
import * as units from './units';

// 双报到: party members (member.*) and units 共建单位 (unit.*) report to their community; staff review them.
// 数据看板 (report.*): numbers read from the counters its stats timer folds from the cases and the ledger.
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
  exportStart,
  exportStatus,
];

export const main = createFunction('report', handlers, { stats: foldStats, exports: runExports });
