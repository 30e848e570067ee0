import { createFunction } from '../_lib/platform/handler';
import { exportRoster } from './export';
import { importRoster } from './import';
import { listRoster } from './list';

// 人口台账: communities' rosters imported from their Excel sheets (and their buildings), listed and exported.
/** One handler per roster.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [importRoster, listRoster, exportRoster];

export const main = createFunction('roster', handlers);
