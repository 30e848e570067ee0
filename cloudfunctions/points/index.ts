import { createFunction } from '../_lib/platform/handler';
import { award, deduct } from './adjust';
import { approveAward, pendingAwards } from './awards';
import { compactBalances } from './compact';
import { expireLapsed } from './expire';
import { feeRelief } from './fee-relief';
import { confirmHold, pendingHolds, rejectHold } from './holds';
import { balance, history, historyOf } from './my-points';
import { sweepPendingDebits } from './pending-debits';
import { partyEntries, partyEntry, partyItems } from './party-entry';
import { issuePointsCode } from './points-code';
import { closeMonth, ranking } from './ranking';
import { reconcile, reconcileAll } from './reconcile';
import { reproveAll } from './reproof';
import { reverse } from './reverse';
import { rules, setRules } from './rules';
import { grantVirtue, setVirtueItem, virtueCatalogue } from './virtue';

// 积分: one ledger for volunteer, party-member, virtue and shop points.
/** One handler per points.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [
  balance,
  history,
  historyOf,
  award,
  deduct,
  reverse,
  reconcile,
  pendingAwards,
  approveAward,
  partyItems,
  partyEntry,
  partyEntries,
  ranking,
  closeMonth,
  virtueCatalogue,
  setVirtueItem,
  grantVirtue,
  feeRelief,
  rules,
  setRules,
  issuePointsCode,
  pendingHolds,
  confirmHold,
  rejectHold,
];

/**
 * The ledger's ten-minute timer: debits a crash left half done are finished (kept or given back) first, so that the
 * full re-proof under way, which it then takes on, meets no mark it need not; last, the balances that have grown
 * are compacted, for what is left of the run (compact.ts).
 */
const everyTenMinutes = async () => ({ debits: await sweepPendingDebits(), ...(await reproveAll()), compaction: await compactBalances() });

export const main = createFunction('points', handlers, { reconcile: reconcileAll, expire: expireLapsed, reproof: everyTenMinutes });
