import { createFunction } from '../_lib/platform/handler';
import { close } from './close';
import { open } from './open';
import { mine, results } from './reads';
import { settleRounds } from './settle';
import { submit } from './submit';

// 民主评议 (review.*): staff open a half-year round, members and the residents they served rate them, staff close it;
// the settle timer turns each member's weighted result into one party-points entry and publishes the list.
/** One handler per review.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [open, submit, mine, close, results];

export const main = createFunction('review', handlers, { settle: settleRounds });
