import { ok, useEmulator } from './call';
import { chen, fang, li, merchant, sun, wang, zhang } from './personas';
import { expectCovered, pointsKit, rid } from './points-helpers';

const env = useEmulator();
const { call } = env;
const { expectReconciled } = pointsKit(env);
let serial = 0;

const excellent = { hygiene: 5, prices: 5, street: 5, civility: 5 };
const inspect = (shopId: string, checklist = excellent, note = '') =>
  call(sun, 'shop.inspect', { shopId, checklist, note }, rid('inspect', ++serial));
const rate = (openid: string, shopId: string, stars: number, comment = '') =>
  call(openid, 'shop.rate', { shopId, stars, comment }, rid('rate', ++serial));
const pointsOf = async (shopId: string) => ok(await call(wang, 'shop.get', { shopId })).shop.points;

describe('商铺积分: inspections', () => {
  it('staff score the checklist; the grade posts shop points with the inspection as the reason', async () => {
    const first = ok(await inspect('shop-zhouji', excellent, '货架整洁'));
    expect(first).toMatchObject({ score: 100, grade: '优秀', points: 10, shop: { points: 10 } });
    const requestId = 'inspect-once-0001';
    const poor = { hygiene: 2, prices: 2, street: 1, civility: 3 };
    const second = ok(await call(sun, 'shop.inspect', { shopId: 'shop-zhouji', checklist: poor }, requestId));
    expect(second).toMatchObject({ score: 40, grade: '待改进', points: -5, shop: { points: 5 } });
    expect(ok(await call(sun, 'shop.inspect', { shopId: 'shop-zhouji', checklist: poor }, requestId))).toEqual(second);
    expect(await pointsOf('shop-zhouji')).toBe(5);
    expect(ok(await inspect('shop-zhouji', { hygiene: 1, prices: 1, street: 1, civility: 1 })).points).toBe(-5);
    expect(ok(await inspect('shop-zhouji', { hygiene: 1, prices: 1, street: 1, civility: 1 })).points).toBe(0);
    const ledger = ok(await call(merchant, 'shop.history', {})).items;
    expect(ledger.map((p: any) => p.amount)).toEqual([-5, -5, 10]);
    expect(ledger[2]).toMatchObject({ reason: '社区检查：优秀（100 分），货架整洁', byName: '孙丽' });
    expect(await call(sun, 'shop.inspect', { shopId: 'shop-zhouji', checklist: excellent })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await inspect('shop-nope')).toMatchObject({ ok: false, code: 'SHOP_NOT_FOUND' });
    expect(await call(sun, 'shop.inspect', { shopId: 'shop-zhouji', checklist: { ...excellent, street: 6 } }, 'inspect-bad-01')).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    await expectReconciled();
  });
});

describe('商铺积分: consumer ratings', () => {
  it('one rating per person per shop per day, by rule; the next day may rate again', async () => {
    ok(await inspect('shop-fangji'));
    const first = ok(await rate(wang, 'shop-fangji', 5, '包子很香'));
    expect(first).toMatchObject({ points: 2, shop: { points: 12, ratingAvg: 5, ratingCount: 1 } });
    // The reply carries the rating as the shop page lists it, so the page shows it without reading the shop again.
    expect(first.rating).toMatchObject({ raterName: '王**', stars: 5, comment: '包子很香' });
    expect(await rate(wang, 'shop-fangji', 1, '改主意了')).toMatchObject({ ok: false, code: 'SHOP_ALREADY_RATED' });
    expect(ok(await rate(li, 'shop-fangji', 1, '排队太久'))).toMatchObject({ points: -2, shop: { points: 10, ratingCount: 2, ratingAvg: 3 } });
    expect(ok(await rate(zhang, 'shop-fangji', 3)).points).toBe(0);
    expect(await rate(fang, 'shop-fangji', 5)).toMatchObject({ ok: false, code: 'SHOP_OWN_RATING' });
    expect(ok(await rate(wang, 'shop-zhouji', 4)).points).toBe(1);

    const page = ok(await call(wang, 'shop.get', { shopId: 'shop-fangji' }));
    expect(page).toMatchObject({ ratedToday: true, shop: { name: '方记早餐铺', points: 10 } });
    expect(page.ratings.map((r: any) => [r.raterName, r.stars, r.comment])).toEqual([
      ['张**', 3, null],
      ['李*', 1, '排队太久'],
      ['王**', 5, '包子很香'],
    ]);
    expect(page.ratings[2]).toEqual(first.rating);
    await env.emu.clock({ advanceMs: 24 * 60 * 60 * 1000 });
    expect(ok(await call(wang, 'shop.get', { shopId: 'shop-fangji' })).ratedToday).toBe(false);
    expect(ok(await rate(wang, 'shop-fangji', 4)).points).toBe(1);
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('a complaint never takes a shop below zero; a risky comment is refused, one for review is hidden', async () => {
    expect(ok(await rate(wang, 'shop-zhouji', 1)).points).toBe(0);
    expect(await pointsOf('shop-zhouji')).toBe(0);
    expect(await rate(li, 'shop-zhouji', 2, '门口有人代开发票')).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    // Held for review: not shown, not even in the rater's own reply.
    expect(ok(await rate(li, 'shop-zhouji', 4, '隔壁有人拉横幅')).rating).toMatchObject({ raterName: '李*', stars: 4, comment: null });
    expect(ok(await call(chen, 'shop.get', { shopId: 'shop-zhouji' })).ratings.map((r: any) => [r.raterName, r.comment])).toEqual([
      ['李*', null],
      ['王**', null],
    ]);
    expect(await rate(chen, 'shop-nope', 5)).toMatchObject({ ok: false, code: 'SHOP_NOT_FOUND' });
  });

  it('two ratings by the same person at once: one counts', async () => {
    const replies = await Promise.all([1, 2, 3, 4].map((n) => call(zhang, 'shop.rate', { shopId: 'shop-zhouji', stars: 5 }, rid('twin-rate', n))));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(['SHOP_ALREADY_RATED', 'SHOP_ALREADY_RATED', 'SHOP_ALREADY_RATED']);
    expect(ok(await call(wang, 'shop.get', { shopId: 'shop-zhouji' })).shop).toMatchObject({ points: 2, ratingCount: 1 });
  });
});

describe('美德商铺 list', () => {
  it('ranks the community’s shops by shop points with a star level, leaving out suspended shops', async () => {
    expect(ok(await call(wang, 'shop.listVirtue')).items).toEqual([]);
    ok(await inspect('shop-fangji'));
    ok(await inspect('shop-zhouji', { hygiene: 4, prices: 4, street: 3, civility: 4 }));
    for (const who of [wang, li, zhang, chen]) ok(await rate(who, 'shop-zhouji', 5));
    const list = ok(await call(li, 'shop.listVirtue')).items;
    expect(list.map((s: any) => [s.name, s.points, s.level.stars])).toEqual([
      ['周记便利店', 13, 1],
      ['方记早餐铺', 10, 1],
    ]);
    for (let i = 0; i < 3; i++) ok(await inspect('shop-fangji'));
    expect(ok(await call(li, 'shop.listVirtue')).items[0]).toMatchObject({ name: '方记早餐铺', points: 40, level: { stars: 2, name: '二星商铺' } });
    ok(await call(sun, 'merchant.suspend', { shopId: 'shop-fangji', reason: '占道经营' }, 'suspend-list-1'));
    expect(ok(await call(li, 'shop.listVirtue')).items.map((s: any) => s.name)).toEqual(['周记便利店']);
    await expectCovered(env.emu);
  });

  it('shop points history is the owner’s and the staff’s only', async () => {
    ok(await inspect('shop-zhouji'));
    expect(ok(await call(sun, 'shop.history', { shopId: 'shop-zhouji' })).items).toHaveLength(1);
    expect(await call(fang, 'shop.history', { shopId: 'shop-zhouji' })).toMatchObject({ ok: false, code: 'SHOP_NOT_FOUND' });
    expect(ok(await call(fang, 'shop.history', {})).items).toEqual([]);
    await expectCovered(env.emu);
  });
});
