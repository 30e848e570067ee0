import { createFunction } from '../_lib/platform/handler';
import { finishTask, minutes, schedule } from './meeting';
import { cosign, raise } from './raise';
import { get, list, members } from './reads';
import { vote } from './vote';

// 三方议事: topics raised by the community, 业委会, 物业 or residents; meetings, minutes, household votes, follow-up tasks.
/** One handler per council.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [raise, cosign, schedule, minutes, vote, finishTask, list, get, members];

export const main = createFunction('council', handlers);
