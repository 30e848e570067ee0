import { idForRequest } from '../../cloudfunctions/_lib/platform/ids';
import { pendingField } from '../../src/shared/domain/ledger';
import { openOrder, paymentId } from '../../src/shared/domain/mall';
import { ok, RACING, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { chen, members, merchant, sun, wang, zhang } from './personas';
import { mallKit, pointsKit, rid } from './points-helpers';

// A mall order is placed without a transaction when it can be: the buyer's points reserved, the stock held, the
// payment posted, the order written, the marks cleared (cloudfunctions/mall/held-stock.ts). These tests race it with
// other spends of the same buyers, and cut it short at each step the way a crash would.
const env = useEmulator({ env: RACING.env });
const { call } = env;
const { award, balanceOf, expectReconciled } = pointsKit(env);
const { stockOf, newItem, order } = mallKit(env);
const buyers = [wang, zhang, chen, merchant, ...members.slice(2)];
const MINUTE = 60_000;

/** The order a buyer's submission names (mall orders.ts): what a call with this requestId writes, or would have. */
const orderIdOf = (openid: string, requestId: string) => `o-${idForRequest([openid], requestId, 24)}`;

const docOf = async (collection: string, id: string): Promise<any> => (await databaseOf(env.emu).collection(collection).doc(id).get()).data ?? null;
const balanceDoc = (openid: string) => docOf('balances', `user:${openid}|volunteer|0`);

/** Neither the item nor any buyer's balance holds a mark: every order was decided. */
async function expectNoMarks(itemId: string, openids: string[]): Promise<void> {
  expect(await docOf('mall_items', itemId)).toMatchObject({ pendingCount: 0, pending: {} });
  for (const openid of openids) expect((await balanceDoc(openid))?.pendingCount ?? 0).toBe(0);
}

/**
 * What a call that held an order's points and stock and then died leaves behind, written as held-stock.ts writes it
 * — and, `posted`, the payment too (the call died before writing the order).
 */
async function holdAndDie(openid: string, name: string, itemId: string, requestId: string, posted: boolean): Promise<string> {
  const db = databaseOf(env.emu);
  const _ = db.command;
  const at = new Date((await env.emu.clock()).now);
  const item = await docOf('mall_items', itemId);
  const orderId = orderIdOf(openid, requestId);
  const { order } = openOrder(orderId, { ...item, _id: itemId }, 1, { _id: openid, name, communityId: 'community-wutong' }, at);
  const placed = { ...order, status: 'placed' };
  const postingId = paymentId(orderId);
  const points = `pending.${pendingField(postingId)}`;
  const reserved = await db
    .collection('balances')
    .where({ _id: `user:${openid}|volunteer|0`, balance: _.gte(order.amount), [points]: _.exists(false) })
    .update({
      data: {
        balance: _.inc(-order.amount),
        unsettled: _.inc(order.amount),
        pendingCount: _.inc(1),
        [points]: { postingId, amount: order.amount, at },
      },
    });
  expect(reserved.stats.updated).toBe(1);
  const stock = `pending.${pendingField(orderId)}`;
  const held = await db
    .collection('mall_items')
    .where({ _id: itemId, stock: _.gte(1), [stock]: _.exists(false) })
    .update({ data: { stock: _.inc(-1), pendingCount: _.inc(1), [stock]: { order: placed, at } } });
  expect(held.stats.updated).toBe(1);
  if (posted) {
    const from = `user:${openid}`;
    const to = 'mall:community-wutong';
    const payment = {
      asset: 'volunteer',
      from,
      to,
      amount: order.amount,
      reason: '积分超市兑换',
      ref: orderId,
      communityId: 'community-wutong',
      by: openid,
      byName: name,
    };
    await db
      .collection('postings')
      .add({ data: { _id: postingId, ...payment, reversalOf: null, override: null, expiresAt: null, at, accounts: [from, to] } });
  }
  return orderId;
}

/** Both sweeps: the mall's (held stock) and the ledger's (reserved points), each on its own ten-minute timer. */
async function sweep(): Promise<{ held: { kept: number; returned: number }; debits: { kept: number; returned: number } }> {
  const [mall] = (await env.emu.fireTrigger('mall', 'settle')) as any[];
  const [points] = (await env.emu.fireTrigger('points', 'reproof')) as any[];
  expect([mall, points]).toMatchObject([{ ok: true }, { ok: true }]);
  return { held: mall.result.held, debits: points.result.debits };
}

describe('a mall order without a transaction, raced', () => {
  it('30 orders for 12 in stock while staff deduct from the same buyers: every reply true to the data, 8 requests an order', async () => {
    const itemId = await newItem(12, 10);
    for (const buyer of buyers) await award(buyer, 100);
    const orderRid = (i: number) => rid('held-crowd', i);
    const deductRid = (i: number) => rid('held-deduct', i);
    const [orders, deducts] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, (_, i) => order(buyers[i % buyers.length], itemId, orderRid(i)))),
      Promise.all(
        buyers.map((buyer, i) => call(sun, 'points.deduct', { openid: buyer, asset: 'volunteer', amount: 15, reason: '兑换物品' }, deductRid(i))),
      ),
    ]);
    const meter = await env.emu.meter();

    expect(orders.filter((r) => r.ok)).toHaveLength(12);
    expect(orders.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(18).fill('MALL_OUT_OF_STOCK'));
    expect(deducts.filter((r) => !r.ok)).toEqual([]);
    // Each reply against the data: an order and its payment exist exactly when the order was answered placed.
    for (const [i, reply] of orders.entries()) {
      const id = orderIdOf(buyers[i % buyers.length], orderRid(i));
      expect({ order: Boolean(await docOf('mall_orders', id)), paid: Boolean(await docOf('postings', paymentId(id))) }).toEqual({
        order: reply.ok,
        paid: reply.ok,
      });
      if (reply.ok) expect(reply.data.order).toMatchObject({ id, status: 'placed', amount: 10 });
    }
    expect(await stockOf(itemId)).toBe(0);
    for (const [b, buyer] of buyers.entries()) {
      const bought = orders.filter((r, i) => r.ok && i % buyers.length === b).length;
      expect(await balanceOf(buyer)).toBe(100 - 15 - 10 * bought);
    }
    await expectNoMarks(itemId, buyers);
    // A placed order costs its eight requests (the caller, the item, the points, the stock, the payment, the order, the
    // two marks), so none met a conflict and tried again. One refused because the last went between its read of the
    // item and its taking of the stock costs at most nine: the points given back, the item read again to say so, the
    // order looked for (a retry's would be there) and the refusal's record (looked for, written).
    const costs = meter.filter((r) => r.action === 'mall.order').map((r) => r.dbRequests);
    expect(costs).toHaveLength(30);
    expect(costs.filter((n) => n === 8).length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...costs)).toBeLessThanOrEqual(9);
    await expectReconciled();
  }, 120_000);

  it('a double tap: five calls at once with one requestId make one order, and take its stock and points once', async () => {
    const itemId = await newItem(3, 20);
    await award(wang, 50);
    const replies = await Promise.all(Array.from({ length: 5 }, () => order(wang, itemId, 'held-double-tap')));
    const id = orderIdOf(wang, 'held-double-tap');
    expect(replies.map((r) => r.ok && r.data.order.id)).toEqual(Array(5).fill(id));
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([2, 30]);
    expect(ok(await call(wang, 'mall.listOrders', { limit: 50 })).items.filter((o: any) => o.itemId === itemId)).toHaveLength(1);
    await expectNoMarks(itemId, [wang]);
    await expectReconciled();
  });

  it('a retry of an order that went through is answered with that order, and takes nothing again', async () => {
    const itemId = await newItem(1, 20);
    await award(wang, 50);
    const first = ok(await order(wang, itemId, 'held-retry-after'));
    // The shelf is empty now and the retry's points would still cover it: neither may refuse nor charge it.
    expect(ok(await order(wang, itemId, 'held-retry-after'))).toEqual(first);
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([0, 30]);
    await expectNoMarks(itemId, [wang]);
    await expectReconciled();
  });
});

describe('a mall order cut short (a crash between its steps)', () => {
  it('points and stock held, never paid: the books reconcile, and the sweeps give both back once no call can be running', async () => {
    const itemId = await newItem(4, 10);
    await award(wang, 30);
    const orderId = await holdAndDie(wang, '王秀英', itemId, 'held-died-0001', false);
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([3, 20]);
    await expectReconciled();
    // Too fresh to decide: the call that held them could still be paying.
    expect(await sweep()).toMatchObject({ held: { kept: 0, returned: 0 }, debits: { kept: 0, returned: 0 } });
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([3, 20]);

    // The clock's move may fire the timers themselves; either way each mark is decided once.
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([4, 30]);
    expect(await docOf('mall_orders', orderId)).toBeNull();
    expect(await docOf('postings', paymentId(orderId))).toBeNull();
    await expectNoMarks(itemId, [wang]);
    await expectReconciled();
  });

  it('paid, order never written: the mall’s sweep writes the order the buyer paid for, which staff then see', async () => {
    const itemId = await newItem(4, 10);
    await award(wang, 30);
    const orderId = await holdAndDie(wang, '王秀英', itemId, 'held-died-0002', true);
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([3, 20]);
    expect(await docOf('mall_orders', orderId)).toMatchObject({ status: 'placed', buyerId: wang, itemId, amount: 10, postingId: paymentId(orderId) });
    const pending = ok(await call(sun, 'mall.listOrders', { scope: 'pending', limit: 50 })).items;
    expect(pending.filter((o: any) => o.id === orderId)).toMatchObject([{ buyerName: '王秀英', status: 'placed' }]);
    await expectNoMarks(itemId, [wang]);
    await expectReconciled();
  });

  it('the buyer retries before the sweep: the transaction takes the held stock and points as its own, once', async () => {
    const itemId = await newItem(4, 10);
    await award(wang, 30);
    const orderId = await holdAndDie(wang, '王秀英', itemId, 'held-died-0003', false);
    const retried = ok(await order(wang, itemId, 'held-died-0003'));
    expect(retried.order).toMatchObject({ id: orderId, status: 'placed', amount: 10 });
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([3, 20]);
    await expectNoMarks(itemId, [wang]);
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect([await stockOf(itemId), await balanceOf(wang)]).toEqual([3, 20]);
    await expectReconciled();
  });
});
