import { DomainError } from '../../src/shared/domain/errors';
import {
  assertOrderable,
  assertTransition,
  openOrder,
  orderAmount,
  orderStatuses,
  paymentId,
  takeStock,
  type MallItem,
} from '../../src/shared/domain/mall';

const item: MallItem = {
  _id: 'mall-rice',
  communityId: 'c1',
  name: '东北大米 5 斤',
  description: '',
  price: 50,
  asset: 'volunteer',
  stock: 3,
  active: true,
  order: 1,
  updatedAt: new Date(0),
};
const buyer = { _id: 'o-wang', name: '王秀英', communityId: 'c1' };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'none';
};

describe('积分超市 stock', () => {
  it('takes stock down to zero and never below', () => {
    expect(takeStock(item, 3, 'c1')).toBe(0);
    expect(code(() => takeStock(item, 4, 'c1'))).toBe('MALL_OUT_OF_STOCK');
    expect(code(() => takeStock({ ...item, stock: 0 }, 1, 'c1'))).toBe('MALL_OUT_OF_STOCK');
  });

  it('hides items that are off the shelf or belong to another community', () => {
    expect(code(() => takeStock(null, 1, 'c1'))).toBe('MALL_ITEM_NOT_FOUND');
    expect(code(() => takeStock({ ...item, active: false }, 1, 'c1'))).toBe('MALL_ITEM_NOT_FOUND');
    expect(code(() => takeStock(item, 1, 'c2'))).toBe('MALL_ITEM_NOT_FOUND');
  });

  it('opens an order at the current price, paid by one posting named after the order', () => {
    const { order, stock } = openOrder('o-1', item, 2, buyer, new Date(5));
    expect(stock).toBe(1);
    expect(order).toMatchObject({
      amount: 100,
      price: 50,
      asset: 'volunteer',
      status: 'reserved',
      postingId: paymentId('o-1'),
      buyerId: 'o-wang',
      refunded: false,
    });
  });

  it('refuses amounts that are not positive safe integers', () => {
    expect(orderAmount(50, 2)).toBe(100);
    expect(code(() => orderAmount(Number.MAX_SAFE_INTEGER, 2))).toBe('POINTS_INVALID');
  });
});

describe('order states', () => {
  const allowed = [
    ['reserved', 'placed'],
    ['reserved', 'refused'],
    ['placed', 'fulfilled'],
    ['placed', 'cancelled'],
  ];
  const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const legal = allowed.some(([f, t]) => f === from && t === to);
    expect(code(() => assertTransition(from, to))).toBe(legal ? 'none' : 'MALL_ORDER_STATE');
  });
});

describe('积分超市: what is refused before any stock is taken', () => {
  it('refuses an item not on the shelf, too little stock, or too few spendable points; passes an order that can be paid', () => {
    expect(code(() => assertOrderable(null, 1, 'c1', 1000))).toBe('MALL_ITEM_NOT_FOUND');
    expect(code(() => assertOrderable({ ...item, communityId: 'c2' }, 1, 'c1', 1000))).toBe('MALL_ITEM_NOT_FOUND');
    expect(code(() => assertOrderable(item, 4, 'c1', 1000))).toBe('MALL_OUT_OF_STOCK');
    expect(code(() => assertOrderable(item, 2, 'c1', 99))).toBe('POINTS_INSUFFICIENT');
    expect(code(() => assertOrderable(item, 2, 'c1', 100))).toBe('none');
  });
});
