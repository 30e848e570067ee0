import { casesUrl, customProblem, periodDays } from '../../src/package-report/dashboard/period';

// 数据看板 filters: the days of 本周 / 本月 in China time, what a custom period may be, and the link a number opens.
const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it('本周 runs from Monday (China time) to today, 本月 from the 1st', () => {
    // Saturday 2026-12-05 09:00 in China (01:00 UTC).
    expect(periodDays('week', at('2026-12-05T01:00:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-05' });
    expect(periodDays('month', at('2026-12-05T01:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-05' });
    // Sunday 23:30 UTC is already Monday in China: the week starts that day.
    expect(periodDays('week', at('2026-12-06T23:30:00Z'))).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(periodDays('week', at('2026-12-06T15:00:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('a custom period must run forward and last at most a year (as the server checks)', () => {
    expect(customProblem('2026-12-01', '2026-12-05')).toBeNull();
    expect(customProblem('2026-12-05', '2026-12-01')).toBe('开始日期不能晚于结束日期');
    expect(customProblem('2025-12-01', '2026-11-30')).toBeNull();
    expect(customProblem('2025-01-01', '2026-06-01')).toBe('统计时段最长一年，请缩短时段');
  });
});

describe('the list behind a number', () => {
  it('carries the scope, the period, the metric and the filters that are set, nothing empty', () => {
    expect(casesUrl({ scope: 'community-wutong', from: '2026-12-01', to: '2026-12-05', metric: 'overdueNow', level: 'grid', category: '' })).toBe(
      '/package-report/cases/index?scope=community-wutong&from=2026-12-01&to=2026-12-05&metric=overdueNow&level=grid',
    );
    expect(casesUrl({ scope: 's', from: 'a', to: 'b', metric: 'openNow', department: 'dept-housing', grid: 'grid-1' })).toContain(
      '&department=dept-housing&grid=grid-1',
    );
  });
});
