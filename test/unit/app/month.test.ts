import { monthLabel, recentMonths, shiftMonth } from '../../../src/utils/month';

describe('months counted from the server month', () => {
  it('steps across year ends both ways', () => {
    expect(shiftMonth('2026-11', -1)).toBe('2026-10');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-03', -15)).toBe('2024-12');
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
  });

  it('lists the picker choices newest first, the given month included', () => {
    expect(recentMonths('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(recentMonths('2026-02', 1)).toEqual(['2026-02']);
  });

  it('reads as a Chinese month', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(monthLabel('2025-12')).toBe('2025年12月');
  });
});
