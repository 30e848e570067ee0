import { awardPoints, capped, decideAward, defaultAwardRule } from '../../src/shared/domain/award';

const at = (iso: string) => new Date(iso);
const hourly = { ...defaultAwardRule, mode: 'hourly' as const, perHour: 10 };

describe('volunteer award rules', () => {
  it('pays the offer for fixed categories, plus the bonus only for 5 stars', () => {
    const wish = { points: 10, checkedInAt: null, completedAt: null };
    expect(awardPoints(defaultAwardRule, wish, 5)).toBe(12);
    expect(awardPoints(defaultAwardRule, wish, 4)).toBe(10);
    expect(awardPoints(defaultAwardRule, wish, null)).toBe(10);
  });

  it.each([
    ['2026-11-01T08:00:00Z', '2026-11-01T08:10:00Z', 5],
    ['2026-11-01T08:00:00Z', '2026-11-01T09:00:00Z', 10],
    ['2026-11-01T08:00:00Z', '2026-11-01T09:20:00Z', 15],
    ['2026-11-01T08:00:00Z', '2026-11-01T12:00:05Z', 40],
  ])('counts hours served for hourly categories: %s → %s = %i', (from, to, points) => {
    expect(awardPoints(hourly, { points: 99, checkedInAt: at(from), completedAt: at(to) }, null)).toBe(points);
  });

  it('never pays more for hours than the offer the wall showed', () => {
    const wish = { points: 20, checkedInAt: at('2026-11-01T08:00:00Z'), completedAt: at('2026-11-01T12:00:00Z') };
    expect(awardPoints(hourly, wish, null)).toBe(20);
    expect(awardPoints(hourly, wish, 5)).toBe(22);
  });

  it('caps what a member earns in a day', () => {
    expect(capped(22, 44, defaultAwardRule)).toBe(16);
    expect(capped(22, 60, defaultAwardRule)).toBe(0);
    expect(capped(22, 0, defaultAwardRule)).toBe(22);
  });

  it('holds large awards and recurring pairs for staff, pays the rest, and explains nothing-due', () => {
    expect(decideAward(defaultAwardRule, 12, 0, 0)).toEqual({ action: 'post', amount: 12 });
    expect(decideAward(defaultAwardRule, 40, 0, 0)).toMatchObject({ action: 'review', amount: 40 });
    expect(decideAward(defaultAwardRule, 12, 0, 3)).toMatchObject({ action: 'review', amount: 12 });
    expect(decideAward(defaultAwardRule, 12, 60, 0)).toEqual({ action: 'none', why: '已达每日上限 60 分' });
    expect(decideAward(defaultAwardRule, 0, 0, 0)).toEqual({ action: 'none', why: '未设积分' });
  });
});
