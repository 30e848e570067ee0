import { shelfAfterOrder, walletAfterOrder } from '../../src/utils/mall-order';

const order = {
  id: 'o-1',
  itemId: 'mall-tissue',
  itemName: '抽纸一提',
  qty: 2,
  amount: 30,
  asset: 'virtue' as const,
  status: 'placed' as const,
  buyerName: '王秀英',
  createdAt: '2026-12-04T08:00:00.000Z',
  fulfilledAt: null,
  cancelledAt: null,
  cancelReason: null,
};
const balances = [
  { asset: 'volunteer' as const, label: '志愿服务积分', balance: 40, spendable: 40, lifetime: 40 },
  { asset: 'virtue' as const, label: '美德信用积分', balance: 50, spendable: 45, lifetime: 60 },
];

describe('what a mall reply tells the page', () => {
  it('an order takes its quantity off its own item only, never below zero', () => {
    const shelf = [
      { id: 'mall-rice', stock: 20 },
      { id: 'mall-tissue', stock: 40 },
    ];
    expect(shelfAfterOrder(shelf, order)).toEqual([
      { id: 'mall-rice', stock: 20 },
      { id: 'mall-tissue', stock: 38 },
    ]);
    expect(shelfAfterOrder([{ id: 'mall-tissue', stock: 1 }], order)).toEqual([{ id: 'mall-tissue', stock: 0 }]);
  });

  it('a placed order spends its kind of points; one still being paid (支付中) has moved none yet', () => {
    expect(walletAfterOrder(balances, order, 'paid')).toEqual([balances[0], { ...balances[1], balance: 20, spendable: 15 }]);
    expect(walletAfterOrder(balances, { ...order, status: 'reserved' }, 'paid')).toEqual(balances);
  });

  it('a cancelled order gives the points back as spendable, leaving the lifetime total alone', () => {
    const cancelled = { ...order, status: 'cancelled' as const };
    expect(walletAfterOrder(balances, cancelled, 'refunded')).toEqual([balances[0], { ...balances[1], balance: 80, spendable: 75, lifetime: 60 }]);
  });
});
