import { createFunction } from '../_lib/handler';
import { award, deduct } from './adjust';
import { balance, history } from './my-points';
import { reconcile, reconcileAll } from './reconcile';
import { reverse } from './reverse';

// 积分: one ledger for volunteer, party-member, virtue and shop points.
export const main = createFunction('points', [balance, history, award, deduct, reverse, reconcile], { reconcile: reconcileAll });
