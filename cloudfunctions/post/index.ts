import { createFunction } from '../_lib/platform/handler';
import { claim, leave } from './claim';
import { correct } from './correct';
import { checkIn, checkOut } from './duty';
import { close, publish } from './publish';
import { rate } from './rate';
import { list, listShifts, memberStats } from './reads';

// 岗位认领: service posts, their duty shifts (值班) with volunteer points, and the ratings of those shifts (服务评价).
/** One handler per post.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [publish, close, list, claim, leave, checkIn, checkOut, listShifts, correct, rate, memberStats];

export const main = createFunction('post', handlers);
