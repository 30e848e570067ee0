import { createFunction } from '../_lib/platform/handler';
import { history } from './history';
import { mine, setRules } from './mine';
import { apply, listApplications, review, suspend } from './onboarding';
import { charge, refund, scan, verifyLevel } from './redeem';
import { sweep } from './sweep';

// 爱心商家: onboarding and suspension, scanning a resident's points code, charges and refunds, and the
// minute timer that releases unanswered holds.
/** One handler per merchant.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [apply, listApplications, review, suspend, mine, setRules, scan, charge, verifyLevel, refund, history];

export const main = createFunction('merchant', handlers, { sweep });
