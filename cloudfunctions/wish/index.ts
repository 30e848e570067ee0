import { createFunction } from '../_lib/handler';
import { createWish } from './create-wish';
import { categories, getWish, listMine, listQueue, listWall } from './list-wishes';
import { approveWish, rejectWish } from './review-wish';

// 微心愿: the whole life of a micro-wish, one action per use case.
export const main = createFunction('wish', [categories, createWish, approveWish, rejectWish, listMine, listWall, listQueue, getWish]);
