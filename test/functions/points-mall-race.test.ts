import { ok, RACING, useEmulator } from './call';
import { chen, fang, li, members, merchant, sun, tang, wang, zhang } from './personas';
import { expectCovered, mallKit, pointsKit, rid } from './points-helpers';

const env = useEmulator(RACING);
const { call } = env;
const { award, balanceOf, expectReconciled } = pointsKit(env);

const { stockOf, newItem, order } = mallKit(env);
const buyers = [wang, zhang, chen, merchant, ...members.slice(2)];

describe('积分超市: races', () => {
  it('50 concurrent orders for an item with stock 5: exactly 5 succeed, stock ends at 0', async () => {
    const itemId = await newItem(5);
    for (const buyer of buyers) await award(buyer, 100);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => order(buyers[i % buyers.length], itemId, rid('race', i))));
    expect(replies.filter((r) => r.ok)).toHaveLength(5);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(45).fill('MALL_OUT_OF_STOCK'));
    expect(await stockOf(itemId)).toBe(0);
    const spent = await Promise.all(buyers.map(async (b) => 100 - (await balanceOf(b))));
    expect(spent.reduce((a, b) => a + b, 0)).toBe(50);
    expect(ok(await call(sun, 'mall.listOrders', { scope: 'pending', limit: 50 })).items).toHaveLength(5);
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('buyers who cannot pay hold the goods only until refused: all of them go back on the shelf', async () => {
    const itemId = await newItem(5, 30);
    await award(zhang, 300);
    await award(wang, 20);
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => order(i % 2 ? zhang : wang, itemId, rid('mixed', i))));
    const sold = replies.filter((r) => r.ok);
    expect(sold.every((r) => r.data.order.buyerName === '张建国')).toBe(true);
    expect(replies.filter((r, i) => !r.ok && i % 2 === 0).every((r) => ['POINTS_INSUFFICIENT', 'MALL_OUT_OF_STOCK'].includes(r.code))).toBe(true);
    expect(await stockOf(itemId)).toBe(5 - sold.length);
    for (let left = 5 - sold.length; left > 0; left--) ok(await order(zhang, itemId, rid('after-mixed', left)));
    expect(await order(zhang, itemId, 'after-mixed-last')).toMatchObject({ ok: false, code: 'MALL_OUT_OF_STOCK' });
    expect([await balanceOf(zhang), await balanceOf(wang)]).toEqual([150, 20]);
    await expectReconciled();
  });

  it('20 orders from residents who cannot pay never take the last item from the one who can', async () => {
    const poor = [wang, li, chen, merchant, fang, tang, ...members.slice(2)];
    await award(zhang, 100);
    for (let round = 0; round < 3; round++) {
      const itemId = await newItem(1);
      const crowd = Array.from({ length: 20 }, (_, i) => order(poor[i % poor.length], itemId, rid(`poor-${round}`, i)));
      const rich = order(zhang, itemId, rid('rich', round));
      const replies = await Promise.all(crowd);
      expect(await rich).toMatchObject({ ok: true, data: { order: { status: 'placed', buyerName: '张建国' } } });
      // Refused for their points, or, once the rich one has it, for the empty shelf: never holding it meanwhile.
      expect(replies.every((r) => !r.ok && ['POINTS_INSUFFICIENT', 'MALL_OUT_OF_STOCK'].includes(r.code))).toBe(true);
      expect(await stockOf(itemId)).toBe(0);
    }
    expect(await balanceOf(zhang)).toBe(70);
    await expectReconciled();
  });
});

describe('积分超市: a crash half-way', () => {
  it('kill -9 during a burst of orders: the settle timer finishes every order, and stock, orders and points agree', async () => {
    const itemId = await newItem(40);
    for (const buyer of buyers) await award(buyer, 60);
    const burst = Promise.allSettled(Array.from({ length: 60 }, (_, i) => order(buyers[i % buyers.length], itemId, rid('crash', i))));
    await new Promise((r) => setTimeout(r, 150));
    await env.emu.kill('SIGKILL');
    await burst;
    await env.emu.restart();
    const { fired } = await env.emu.clock({ advanceMs: 11 * 60 * 1000 });
    expect(fired?.some((f) => f.function === 'mall')).toBe(true);
    const orders = (await Promise.all(buyers.map(async (b) => ok(await call(b, 'mall.listOrders', { limit: 50 })).items))).flat();
    expect(orders.filter((o: any) => o.status === 'reserved')).toEqual([]);
    const placed = orders.filter((o: any) => o.status === 'placed');
    expect((await stockOf(itemId)) + placed.length).toBe(40);
    const spent = await Promise.all(buyers.map(async (b) => 60 - (await balanceOf(b))));
    expect(spent.reduce((a, b) => a + b, 0)).toBe(placed.length * 10);
    await expectReconciled();
  });
});
