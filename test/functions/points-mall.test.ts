import { ok, useEmulator } from './call';
import { admin, li, sun, wang, zhang } from './personas';
import { expectCovered, mallKit, pointsKit, rid } from './points-helpers';

const env = useEmulator();
const { call } = env;
const { award, balanceOf, expectReconciled } = pointsKit(env);

const { stockOf, newItem, order } = mallKit(env);

describe('积分超市: ordering', () => {
  it('lists the active items of the community to anyone registered', async () => {
    const items = ok(await call(wang, 'mall.listItems')).items;
    expect(items.map((i: { name: string }) => i.name)).toContain('东北大米 5 斤');
    expect(items.every((i: { active: boolean }) => i.active)).toBe(true);
  });

  it('shows each item with a link to its picture, a PNG; an item without one shows none', async () => {
    const items = ok(await call(wang, 'mall.listItems')).items as { id: string; photo: string | null; photoUrl: string | null }[];
    const rice = items.find((i) => i.id === 'mall-rice')!;
    expect(rice.photo).toMatch(/^cloud:\/\//);
    const res = await fetch(encodeURI(rice.photoUrl!));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(items.filter((i) => i.photoUrl).length).toBe(5);
    expect(items.find((i) => i.id === 'mall-haircut')).toMatchObject({ photo: null, photoUrl: null });
  });

  it("keeps an item's picture when the admin edits it, takes only the admin's own upload as a new one", async () => {
    const edit = { itemId: 'mall-oil', name: '花生油 1.8 升', price: 80, asset: 'volunteer', stock: 10 };
    const seeded = ok(await call(admin, 'mall.setItem', edit, 'oil-edit-01')).item;
    expect(seeded.photoUrl).toMatch(/^http/);
    expect(ok(await call(admin, 'mall.setItem', { ...edit, photo: seeded.photo }, 'oil-edit-02')).item.photo).toBe(seeded.photo);
    const theirs = (await env.emu.upload(wang, Buffer.from('not the admin'))).fileID;
    expect(await call(admin, 'mall.setItem', { ...edit, photo: theirs }, 'oil-edit-03')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const mine = (await env.emu.upload(admin, Buffer.from('png bytes'))).fileID;
    expect(ok(await call(admin, 'mall.setItem', { ...edit, photo: mine }, 'oil-edit-04')).item.photo).toBe(mine);
    expect(ok(await call(admin, 'mall.setItem', { ...edit, photo: null }, 'oil-edit-05')).item).toMatchObject({ photo: null, photoUrl: null });
  });

  it('an order takes the stock and the points together, and waits for hand-over', async () => {
    await award(zhang, 120);
    const placed = ok(await order(zhang, 'mall-rice', 'order-rice-01', 2)).order;
    expect(placed).toMatchObject({ itemName: '东北大米 5 斤', qty: 2, amount: 100, status: 'placed', buyerName: '张建国' });
    expect(await balanceOf(zhang)).toBe(20);
    expect(await stockOf('mall-rice')).toBe(18);
    expect(ok(await call(zhang, 'mall.listOrders')).items.map((o: { id: string }) => o.id)).toEqual([placed.id]);
    expect(ok(await call(sun, 'mall.listOrders', { scope: 'pending' })).items.map((o: { id: string }) => o.id)).toEqual([placed.id]);
    expect(ok(await order(zhang, 'mall-rice', 'order-rice-01', 2)).order.id).toBe(placed.id);
    expect(await balanceOf(zhang)).toBe(20);
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('a retry of the order that took the last item with the last points answers with that order, and takes nothing more', async () => {
    const item = await newItem(1, 10);
    await award(zhang, 10);
    const placed = ok(await order(zhang, item, 'order-last-01')).order;
    expect(placed).toMatchObject({ status: 'placed', amount: 10 });
    expect(ok(await order(zhang, item, 'order-last-01')).order).toMatchObject({ id: placed.id, status: 'placed' });
    expect([await balanceOf(zhang), await stockOf(item)]).toEqual([0, 0]);
    await expectReconciled();
  });

  it('a buyer who cannot pay is refused before any stock is taken: the call writes nothing but its retry record', async () => {
    await award(li, 10);
    const written = async () => (await env.emu.meter(1))[0].written;
    expect(await order(li, 'mall-nothing', 'order-none-li-1')).toMatchObject({ ok: false, code: 'MALL_ITEM_NOT_FOUND' });
    const retryRecord = await written();
    expect(await order(li, 'mall-oil', 'order-oil-li-1')).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(await written()).toBe(retryRecord);
    expect(await call(li, 'mall.order', { itemId: 'mall-oil', qty: 1 })).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(await written()).toBe(0);
    expect(await stockOf('mall-oil')).toBe(10);
    expect(await balanceOf(li)).toBe(10);
    expect(ok(await call(li, 'mall.listOrders')).items).toEqual([]);
  });

  it('refuses more than the stock and items that are not on the shelf', async () => {
    await award(zhang, 1000);
    expect(await order(zhang, 'mall-haircut', 'order-cut-0006', 6)).toMatchObject({ ok: false, code: 'MALL_OUT_OF_STOCK', message: '库存只剩 5 件' });
    expect(await order(zhang, 'mall-nothing', 'order-none-001')).toMatchObject({ ok: false, code: 'MALL_ITEM_NOT_FOUND' });
    ok(
      await call(
        admin,
        'mall.setItem',
        { itemId: 'mall-eggs', name: '鲜鸡蛋一盒（30 枚）', price: 30, asset: 'volunteer', stock: 30, active: false },
        'eggs-off-01',
      ),
    );
    expect(await order(zhang, 'mall-eggs', 'order-eggs-001')).toMatchObject({ ok: false, code: 'MALL_ITEM_NOT_FOUND' });
    expect(ok(await call(wang, 'mall.listItems')).items.map((i: { id: string }) => i.id)).not.toContain('mall-eggs');
    expect(ok(await call(admin, 'mall.listItems')).items.find((i: { id: string }) => i.id === 'mall-eggs')).toMatchObject({ active: false });
  });
});

describe('积分超市: hand-over and cancellation', () => {
  async function placed(buyer = zhang, qty = 1) {
    await award(buyer, 100);
    return ok(await order(buyer, 'mall-rice', rid(`order-${buyer}`, qty), qty)).order.id as string;
  }

  it('cancelling refunds by reversal and restores the stock, once', async () => {
    const id = await placed(zhang, 2);
    const cancel = (requestId: string) => call(zhang, 'mall.cancel', { orderId: id, reason: '买重了' }, requestId);
    expect(ok(await cancel('cancel-rice-1')).order).toMatchObject({ status: 'cancelled', cancelReason: '买重了' });
    expect(ok(await cancel('cancel-rice-2')).order.status).toBe('cancelled');
    expect(await balanceOf(zhang)).toBe(100);
    expect(await stockOf('mall-rice')).toBe(20);
    const history = ok(await call(zhang, 'points.history')).items;
    expect(history.slice(0, 2).map((h: any) => [h.amount, h.reversal, h.reversed])).toEqual([
      [100, true, false],
      [-100, false, true],
    ]);
    expect(await call(sun, 'mall.fulfil', { orderId: id })).toMatchObject({ ok: false, code: 'MALL_ORDER_STATE' });
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('staff hand over once; a handed-over order can no longer be cancelled', async () => {
    const id = await placed();
    const handed = await Promise.all([1, 2, 3].map((n) => call(sun, 'mall.fulfil', { orderId: id }, rid('fulfil', n))));
    expect(handed.map((r) => r.ok && r.data.order.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(ok(await call(sun, 'mall.listOrders', { scope: 'pending' })).items).toEqual([]);
    expect(await call(zhang, 'mall.cancel', { orderId: id, reason: '不想要了' })).toMatchObject({ ok: false, code: 'MALL_ORDER_STATE' });
    expect(await balanceOf(zhang)).toBe(50);
  });

  it("only the buyer or staff may cancel; staff may cancel anyone's", async () => {
    const id = await placed();
    expect(await call(wang, 'mall.cancel', { orderId: id, reason: '帮他取消' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(zhang, 'mall.listOrders', { scope: 'pending' })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(ok(await call(sun, 'mall.cancel', { orderId: id, reason: '商品破损' })).order.status).toBe('cancelled');
    expect(await call(sun, 'mall.cancel', { orderId: 'o-nothing', reason: '测试' })).toMatchObject({ ok: false, code: 'MALL_ORDER_NOT_FOUND' });
  });
});
