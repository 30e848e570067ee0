import {
  boundedDelta,
  inspectionGrade,
  inspectionScore,
  ratingPoints,
  shopIdFromQr,
  shopIdFromTyped,
  shopQrText,
  shopStars,
} from '../../src/shared/domain/merchant-shop';

describe('商铺积分 rules', () => {
  it('scores the four-item checklist out of 100 and grades it into points', () => {
    expect(inspectionScore({ hygiene: 5, prices: 5, street: 5, civility: 5 })).toBe(100);
    expect(inspectionScore({ hygiene: 4, prices: 4, street: 3, civility: 4 })).toBe(75);
    expect(inspectionGrade(100)).toEqual({ name: '优秀', points: 10 });
    expect(inspectionGrade(75)).toEqual({ name: '良好', points: 5 });
    expect(inspectionGrade(60)).toEqual({ name: '合格', points: 2 });
    expect(inspectionGrade(45)).toEqual({ name: '待改进', points: -5 });
    expect(inspectionGrade(20)).toEqual({ name: '不合格', points: -10 });
    expect(() => inspectionScore({ hygiene: 0, prices: 5, street: 5, civility: 5 })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });

  it('ratings add for praise, deduct for complaints, and 3 stars is neutral', () => {
    expect([1, 2, 3, 4, 5].map(ratingPoints)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => ratingPoints(6)).toThrow();
  });

  it('a deduction never takes a shop below zero', () => {
    expect(boundedDelta(5, 0)).toBe(5);
    expect(boundedDelta(-10, 30)).toBe(-10);
    expect(boundedDelta(-10, 4)).toBe(-4);
    expect(boundedDelta(-10, 0)).toBe(0);
  });

  it('stars rise with shop points', () => {
    expect([0, 29, 30, 80, 150, 299, 300].map((p) => shopStars(p).stars)).toEqual([1, 1, 2, 3, 4, 4, 5]);
  });

  it('the shop QR carries the shop id and nothing else reads as one', () => {
    expect(shopIdFromQr(shopQrText('shop-zhouji'))).toBe('shop-zhouji');
    expect(shopIdFromQr('LL1.abc.def.ghi')).toBeNull();
    expect(shopIdFromQr('LLSHOP.a b')).toBeNull();
  });

  it('a code typed by hand may differ in spaces and the case of its prefix, not in the shop id', () => {
    expect(shopIdFromTyped(' llshop. shop-zhouji ')).toBe('shop-zhouji');
    expect(shopIdFromTyped('LLSHOP.shop-zhouji')).toBe('shop-zhouji');
    expect(shopIdFromTyped('shop-zhouji')).toBeNull();
    expect(shopIdFromTyped('LL1.abc.def.ghi')).toBeNull();
  });
});
