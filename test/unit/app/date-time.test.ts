import { formatDateTime } from '../../../src/utils/date-time';
import { timeAgo } from '../../../src/utils/time-ago';

// Built from local date parts, so the expectations hold in any time zone the tests run in.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);
const now = at(2026, 11, 22, 10, 30).getTime();

describe('formatDateTime', () => {
  it.each([
    [at(2026, 11, 22, 9, 5), '今天 09:05'],
    [at(2026, 11, 22, 0, 0), '今天 00:00'],
    [at(2026, 11, 21, 23, 59), '昨天 23:59'],
    [at(2026, 11, 3, 14, 5), '11月3日 14:05'],
    [at(2025, 12, 31, 8, 0), '2025年12月31日 08:00'],
  ])('%s → %s', (date, text) => {
    expect(formatDateTime(date.toISOString(), now)).toBe(text);
  });

  it('says nothing for a date it cannot read', () => {
    expect(formatDateTime('not a date', now)).toBe('');
  });
});

describe('timeAgo', () => {
  it.each([
    [now - 30_000, '刚刚'],
    [now - 5 * 60_000, '5分钟前'],
    [now - 3 * 3_600_000, '3小时前'],
    [now - 2 * 86_400_000, '2天前'],
    [at(2026, 11, 3).getTime(), '11月3日'],
    [at(2025, 11, 3).getTime(), '2025年11月3日'],
  ])('%s → %s', (time, text) => {
    expect(timeAgo(new Date(time).toISOString(), now)).toBe(text);
  });
});
