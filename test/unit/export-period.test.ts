import { periodPresets } from '../../src/utils/export-period';

describe('数据导出 periods', () => {
  it('counts China-time days: 2026-12-31 20:00 UTC is already 2027 in Beijing', () => {
    const [thisMonth, lastMonth, last30, thisYear] = periodPresets(Date.parse('2026-12-31T20:00:00Z'));
    expect(thisMonth).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
    expect(lastMonth).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(last30).toMatchObject({ from: '2026-12-03', to: '2027-01-01' });
    expect(thisYear).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('knows the length of last month, February included', () => {
    expect(periodPresets(Date.parse('2028-03-10T04:00:00Z'))[1]).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
  });
});
