import { createFunction } from '../_lib/handler';
import * as members from './members';
import * as units from './units';

// 双报到: party members (member.*) and units 共建单位 (unit.*) report to their community; staff review them.
/** One handler per member.* and unit.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [members.report, members.mine, members.reviewReport, members.list, units.report, units.review, units.evaluate, units.list];

export const main = createFunction('report', handlers);
