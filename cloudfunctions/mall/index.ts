import { createFunction } from '../_lib/handler';
import { settleStale } from './settle';
import { listItems, setItem } from './items';
import { cancelOrder, fulfilOrder, listOrders, placeOrder } from './orders';

// 积分超市: the community's points mall — shelf, orders, hand-over, cancellation — and its settle timer.
export const main = createFunction('mall', [listItems, placeOrder, fulfilOrder, cancelOrder, listOrders, setItem], { settle: settleStale });
