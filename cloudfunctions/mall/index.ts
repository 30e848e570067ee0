import { createFunction } from '../_lib/platform/handler';
import { settleStale } from './settle';
import { listItems, setItem } from './items';
import { cancelOrder, fulfilOrder, listOrders, placeOrder } from './orders';

// 积分超市: the community's points mall — shelf, orders, hand-over, cancellation — and its settle timer.
/** One handler per mall.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [listItems, placeOrder, fulfilOrder, cancelOrder, listOrders, setItem];

export const main = createFunction('mall', handlers, { settle: settleStale });
