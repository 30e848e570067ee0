import { createFunction } from '../_lib/platform/handler';
import { claim, report } from './claim';
import { addNeed, needs } from './needs';
import { create, get, list, myUnits } from './projects';
import { rate } from './rate';
import { addResource, resources } from './resources';

// 三张清单 (issue 16): needs, resources and projects of a community — 立项, 认领 (契约化共建), 进展, 评价.
/** One handler per list.* and project.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [needs, addNeed, resources, addResource, list, myUnits, get, create, claim, report, rate];

export const main = createFunction('project', handlers);
