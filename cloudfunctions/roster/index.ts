import { createFunction } from '../_lib/platform/handler';
import { dueVisits } from './care-due';
import { reportEvent } from './care-event';
import { coverage, household } from './care-household';
import { getRhythm, setRhythm, setTier } from './care-tier';
import { logVisit } from './care-visit';
import { exportRoster } from './export';
import { importRoster } from './import';
import { listRoster } from './list';

// 人口台账: communities' rosters imported from their Excel sheets (and their buildings), listed and exported; and the
// 红黄蓝 care of their households (care.*: tiers, visit rhythm, 今日走访, visits, 大病回访 events, coverage).
/** One handler per roster.* and care.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [
  importRoster,
  listRoster,
  exportRoster,
  setTier,
  setRhythm,
  getRhythm,
  dueVisits,
  household,
  logVisit,
  reportEvent,
  coverage,
];

export const main = createFunction('roster', handlers);
