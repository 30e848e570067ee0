import { createFunction } from '../_lib/platform/handler';
import { claimWish, dispatchWish, releaseWish } from './claim-wish';
import { cancel, confirm } from './close-wish';
import { createWish } from './create-wish';
import { categories, getWish, listMine, listQueue, listTasks, listWall } from './list-wishes';
import { setCategory } from './set-category';
import { approveWish, rejectWish } from './review-wish';
import { checkIn, complete } from './serve-wish';
import { sweep } from './sweep';

// 微心愿: the whole life of a micro-wish, one action per use case, and the hourly sweep.
/** One handler per wish.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [
  categories,
  setCategory,
  createWish,
  approveWish,
  rejectWish,
  listMine,
  listWall,
  listQueue,
  listTasks,
  getWish,
  claimWish,
  dispatchWish,
  releaseWish,
  checkIn,
  complete,
  confirm,
  cancel,
];

export const main = createFunction('wish', handlers, { sweep });
