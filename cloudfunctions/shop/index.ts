import { createFunction } from '../_lib/platform/handler';
import { getShop, history, listShops, listVirtue } from './browse';
import { inspect } from './inspect';
import { rate } from './rate';
import { settleRatings } from './settle';

// 商铺积分: community inspections and consumer ratings post shop points; the 美德商铺 list ranks by them.
/** One handler per shop.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [getShop, rate, inspect, listVirtue, history, listShops];

export const main = createFunction('shop', handlers, { settle: settleRatings });
