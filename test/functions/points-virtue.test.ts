import { ok, RACING, useEmulator } from './call';
import { admin, li, stranger, sun, wang, zhang } from './personas';
import { expectCovered, pointsKit, rid } from './points-helpers';

const env = useEmulator(RACING);
const { call } = env;
const { award, balanceOf, expectReconciled } = pointsKit(env);

let serial = 0;
const grant = (openid: string, itemId: string, note?: string) =>
  call(sun, 'points.grantVirtue', { openid, itemId, ...(note ? { note } : {}) }, rid('virtue', ++serial));
const levelOf = async (openid: string) => ok(await call(openid, 'points.balance')).virtueLevel.name as string;

describe('美德信用 catalogue', () => {
  it('staff and the admin read the catalogue; the admin adds, changes and retires items', async () => {
    const seeded = ok(await call(sun, 'points.virtueCatalogue')).items;
    expect(seeded.map((i: any) => i.name)).toEqual(['有效诉求反映', '参加社区活动', '参与志愿服务', '垃圾分类示范户', '邻里互助', '见义勇为']);
    const added = ok(await call(admin, 'points.setVirtueItem', { name: '文明养犬', points: 4 }, 'virtue-item-01')).item;
    expect(added).toMatchObject({ name: '文明养犬', points: 4, active: true });
    ok(await call(admin, 'points.setVirtueItem', { itemId: added.id, name: '文明养犬', points: 6 }, 'virtue-item-02'));
    expect(ok(await grant(li, added.id))).toMatchObject({ balance: 6 });
    ok(await call(admin, 'points.setVirtueItem', { itemId: added.id, name: '文明养犬', points: 6, active: false }, 'virtue-item-03'));
    expect(ok(await call(admin, 'points.virtueCatalogue')).items.find((i: any) => i.id === added.id)).toMatchObject({ active: false });
    expect(await grant(li, added.id)).toMatchObject({ ok: false, code: 'POINT_ITEM_NOT_FOUND' });
    expect(await call(admin, 'points.setVirtueItem', { itemId: 'party-base', name: '改党员项', points: 1 }, 'virtue-item-04')).toMatchObject({
      ok: false,
      code: 'POINT_ITEM_NOT_FOUND',
    });
    await expectCovered(env.emu);
  });
});

describe('美德信用 grants and levels', () => {
  it('grants at the catalogue points, once per submission, with the note in the reason', async () => {
    const requestId = 'virtue-once-0001';
    const first = ok(await call(sun, 'points.grantVirtue', { openid: wang, itemId: 'virtue-petition', note: '反映路灯损坏' }, requestId));
    expect(first).toMatchObject({ balance: 5, replayed: false, level: { stars: 1, name: '一星' } });
    expect(ok(await call(sun, 'points.grantVirtue', { openid: wang, itemId: 'virtue-petition', note: '反映路灯损坏' }, requestId)).postingId).toBe(
      first.postingId,
    );
    expect(await balanceOf(wang, 'virtue')).toBe(5);
    expect(ok(await call(wang, 'points.history', { asset: 'virtue' })).items).toEqual([
      expect.objectContaining({ amount: 5, reason: '有效诉求反映：反映路灯损坏', byName: '孙丽' }),
    ]);
    expect(await call(sun, 'points.grantVirtue', { openid: wang, itemId: 'virtue-petition' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await grant(stranger, 'virtue-petition')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('levels rise with lifetime credit and spending never lowers them', async () => {
    for (let i = 0; i < 2; i++) ok(await grant(wang, 'virtue-brave'));
    expect(await levelOf(wang)).toBe('一星');
    expect(ok(await grant(wang, 'virtue-activity')).level).toEqual({ stars: 1, name: '一星' });
    expect(ok(await grant(wang, 'virtue-activity')).level).toEqual({ stars: 1, name: '一星' });
    expect(ok(await grant(wang, 'virtue-activity')).level).toEqual({ stars: 1, name: '一星' });
    expect(await balanceOf(wang, 'virtue')).toBe(49);
    expect(ok(await grant(wang, 'virtue-activity')).level).toEqual({ stars: 2, name: '二星' });
    ok(await call(wang, 'mall.order', { itemId: 'mall-tissue', qty: 3 }, 'virtue-spend-01'));
    expect(await balanceOf(wang, 'virtue')).toBe(7);
    expect(await levelOf(wang)).toBe('二星');
    await expectReconciled();
  });
});

describe('物业费抵扣 property-fee relief', () => {
  const relieve = (openid: string, amount: number, receiptNo: string, requestId: string) =>
    call(sun, 'points.feeRelief', { openid, amount, receiptNo }, requestId);

  it('redeems volunteer points once per receipt, however often and however concurrently it is entered', async () => {
    await award(zhang, 100);
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => relieve(zhang, 30, 'WT-2026-0001', rid('fee', i))));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(new Set(replies.map((r) => r.data.postingId)).size).toBe(1);
    expect(await balanceOf(zhang)).toBe(70);
    expect(ok(await call(zhang, 'points.history')).items[0]).toMatchObject({
      amount: -30,
      reason: '物业费抵扣（收据 WT-2026-0001）',
      ref: 'WT-2026-0001',
    });
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('refuses a used receipt for another amount or person, and more than the balance', async () => {
    await award(zhang, 100);
    await award(wang, 100);
    ok(await relieve(zhang, 30, 'WT-2026-0002', 'fee-first-001'));
    expect(await relieve(zhang, 40, 'WT-2026-0002', 'fee-other-001')).toMatchObject({ ok: false, code: 'POINTS_RECEIPT_USED' });
    expect(await relieve(wang, 30, 'WT-2026-0002', 'fee-other-002')).toMatchObject({ ok: false, code: 'POINTS_RECEIPT_USED' });
    const racing = await Promise.all([relieve(wang, 20, 'WT-2026-0005', 'fee-race-0001'), relieve(wang, 25, 'WT-2026-0005', 'fee-race-0002')]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.find((r) => !r.ok)).toMatchObject({ code: 'POINTS_RECEIPT_USED' });
    expect(await relieve(wang, 101, 'WT-2026-0003', 'fee-over-0001')).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(await balanceOf(zhang)).toBe(70);
    expect([80, 75]).toContain(await balanceOf(wang));
    expect(await relieve(wang, 10, 'WT 0004', 'fee-badno-001')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});
