import type { Output } from '../../../src/shared/contract';
import { awardLine, itemRange, pointsOf, signedPoints, starsOf, visibleBalances } from '../../../src/utils/points';

type Balance = Output<'points.balance'>['balances'][number];
const balance = (asset: Balance['asset'], lifetime = 0): Balance => ({ asset, label: asset, balance: lifetime, spendable: lifetime, lifetime });
const all = [balance('volunteer'), balance('party'), balance('virtue'), balance('shop')];
const kinds = (list: Balance[]) => list.map((b) => b.asset);

describe('points as the app shows them', () => {
  it('signs every amount', () => {
    expect(signedPoints(12)).toBe('+12');
    expect(signedPoints(-5)).toBe('-5');
  });

  it('shows each person the kinds they earn, and any kind they hold', () => {
    expect(kinds(visibleBalances(all, ['resident']))).toEqual(['volunteer', 'virtue']);
    expect(kinds(visibleBalances(all, ['resident', 'member']))).toEqual(['volunteer', 'party', 'virtue']);
    expect(kinds(visibleBalances(all, ['merchant']))).toEqual(['volunteer', 'virtue', 'shop']);
    const formerMember = [balance('volunteer'), balance('party', 60), balance('virtue'), balance('shop')];
    expect(kinds(visibleBalances(formerMember, ['resident']))).toEqual(['volunteer', 'party', 'virtue']);
  });

  it('reads a typed amount only when it is a positive whole number', () => {
    expect(pointsOf('25')).toBe(25);
    expect(pointsOf(' 8 ')).toBe(8);
    for (const text of ['', ' ', '0', '-3', '2.5', 'abc', '1e30']) expect(pointsOf(text)).toBe(0);
  });

  it('says what a catalogue item moves, a deduction with a minus and a range where staff may choose', () => {
    expect(itemRange({ kind: 'base', points: 60, maxPoints: 60 })).toBe('+60 分');
    expect(itemRange({ kind: 'bonus', points: 5, maxPoints: 20 })).toBe('+5–20 分');
    expect(itemRange({ kind: 'deduction', points: 5, maxPoints: 10 })).toBe('-5–10 分');
    expect(itemRange({ kind: 'civic', points: 3, maxPoints: 0 })).toBe('+3 分');
  });

  it('draws a virtue level as five stars', () => {
    expect(starsOf(3)).toBe('★★★☆☆');
    expect(starsOf(5)).toBe('★★★★★');
  });

  it('says what a confirmed wish paid its member, whatever became of the award', () => {
    expect(awardLine(null)).toBeNull();
    expect(awardLine({ status: 'posted', amount: 12, note: null, breakdown: null })).toEqual({ text: '已发放 12 积分', tone: 'done' });
    expect(awardLine({ status: 'pending', amount: 12, note: null, breakdown: null })?.tone).toBe('waiting');
    expect(awardLine({ status: 'review', amount: 40, note: '超过 30 分，需社区确认', breakdown: null })).toEqual({
      text: '40 积分待社区确认（超过 30 分，需社区确认）',
      tone: 'waiting',
    });
    expect(awardLine({ status: 'rejected', amount: 0, note: '时长不实', breakdown: null })).toEqual({ text: '未发放：时长不实', tone: 'stopped' });
    expect(awardLine({ status: 'none', amount: null, note: '已达每日上限 60 分', breakdown: null })?.text).toBe('未发放：已达每日上限 60 分');
  });
});
