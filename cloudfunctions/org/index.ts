import { createFunction } from '../_lib/platform/handler';
import { buildingCode, printCodes } from './codes';
import { retireUnit } from './retire-unit';
import { recountTallies } from './tallies';
import { tree } from './tree';
import { upsertUnit } from './upsert-unit';

/** One handler per org.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [tree, upsertUnit, retireUnit, buildingCode, printCodes];

export const main = createFunction('org', handlers, { tallies: recountTallies });
