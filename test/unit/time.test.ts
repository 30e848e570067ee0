import { DomainError } from '../../src/shared/domain/errors';
import { addDays, addHours, dayCst, minuteCst, monthOf, monthRange, startOfDayCst } from '../../src/shared/domain/time';

const at = (iso: string) => new Date(iso);

describe('China time', () => {
  it('starts the day at midnight Beijing time', () => {
    expect(startOfDayCst(at('2026-11-22T15:59:00Z')).toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(startOfDayCst(at('2026-11-22T16:00:00Z')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('counts days in China time', () => {
    expect(dayCst(at('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(dayCst(at('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });

  it('names the minute in China time, as subscription messages show it', () => {
    expect(minuteCst(at('2026-11-30T15:59:59Z'))).toBe('2026-11-30 23:59');
    expect(minuteCst(at('2026-11-30T16:05:00Z'))).toBe('2026-12-01 00:05');
  });

  it('tallies months in Beijing time', () => {
    expect(monthOf(at('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(monthOf(at('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });

  it('spans a China-time month, so its edges agree with monthOf', () => {
    const { start, end } = monthRange('2026-11');
    expect(start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthOf(start)).toBe('2026-11');
    expect(monthOf(new Date(end.getTime() - 1))).toBe('2026-11');
    expect(monthOf(end)).toBe('2026-12');
  });

  it('rolls December into the next year', () => {
    expect(monthRange('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('refuses a malformed month', () => {
    expect(() => monthRange('2026-13')).toThrow(DomainError);
    expect(() => monthRange('2026-1')).toThrow(DomainError);
  });

  it('adds hours and days to an instant, forwards or back', () => {
    expect(addHours(at('2026-11-30T20:00:00Z'), 6).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(addDays(at('2026-11-30T20:00:00Z'), -30).toISOString()).toBe('2026-10-31T20:00:00.000Z');
  });
});
