import { createFunction } from '../_lib/platform/handler';
import { buildingCode, printCodes } from './codes';
import { listPartners, rotateKey, savePartner } from './hotline-partners';
import { retireUnit } from './retire-unit';
import { recountTallies } from './tallies';
import { tree } from './tree';
import { upsertUnit } from './upsert-unit';

/** One handler per org.* and hotline.* (热线对接) action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [tree, upsertUnit, retireUnit, buildingCode, printCodes, listPartners, savePartner, rotateKey];

export const main = createFunction('org', handlers, { tallies: recountTallies });
