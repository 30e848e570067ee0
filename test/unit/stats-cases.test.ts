import { casesTitle, cohortCount, cohortTags, periodLabel } from '../../src/shared/domain/stats-cases';

describe('the lists behind the numbers (report.cases)', () => {
  it('tags a case with the cohort lists its own counters put it in, each also by its category', () => {
    const steps = { escalated: false, ratings: [], unrated: false };
    expect(cohortTags({ 'c.received': 1 }, steps, 'road')).toEqual(['received', 'received.k.road']);
    expect(cohortTags({ 'c.received': 1, 'c.resolved': 1, 'c.onTime': 1, 'c.onSpot': 1 }, { ...steps, ratings: ['basic'] }, 'k')).toEqual([
      'received',
      'received.k.k',
      'resolved',
      'resolved.k.k',
      'onTime',
      'onTime.k.k',
      'onSpot',
      'onSpot.k.k',
      'satisfied',
      'satisfied.k.k',
    ]);
    // Resolved late after climbing, disliked once, then closed unrated.
    const late = cohortTags({ 'c.received': 1, 'c.resolved': 1 }, { escalated: true, ratings: ['unsatisfied'], unrated: true }, 'k').filter(
      (t) => !t.includes('.k.'),
    );
    expect(late).toEqual(['received', 'resolved', 'late', 'escalated', 'dissatisfied', 'unrated']);
  });

  it('counts a cohort list as the dashboard does', () => {
    const c = { 'c.received': 10, 'c.resolved': 8, 'c.onTime': 6, 'c.onSpot': 3 };
    expect(['received', 'resolved', 'onTime', 'late', 'onSpot'].map((m) => cohortCount(m as never, c))).toEqual([10, 8, 6, 2, 3]);
    expect(cohortCount('escalated', c)).toBeNull();
  });

  it('says the period and what the list is in words', () => {
    expect(periodLabel('2026-11-01', '2026-11-30')).toBe('2026年11月');
    expect(periodLabel('2026-02-01', '2026-02-28')).toBe('2026年2月');
    expect(periodLabel('2026-11-05', '2026-11-05')).toBe('2026年11月5日');
    expect(periodLabel('2026-11-02', '2026-11-08')).toBe('2026年11月2日—11月8日');
    expect(periodLabel('2025-12-20', '2026-01-10')).toBe('2025年12月20日—2026年1月10日');
    expect(casesTitle({ metric: 'resolved', from: '2026-11-01', to: '2026-11-30', placeName: '东苑网格' })).toBe('2026年11月 · 已办结 · 东苑网格');
    expect(casesTitle({ metric: 'overdueNow', from: '2026-11-01', to: '2026-11-30', placeName: '梧桐社区', level: 'street' })).toBe(
      '当前 · 已超期 · 梧桐社区 · 街道级',
    );
  });
});
