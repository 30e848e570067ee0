import { nextFiring, parseCron } from '../src/cron';

const at = (iso: string) => Date.parse(iso);
const next = (expr: string, after: string) => {
  const t = nextFiring(parseCron(expr), at(after));
  return t === null ? null : new Date(t).toISOString();
};

describe('timer trigger cron (7 fields, Beijing time)', () => {
  it('reads the expression in UTC+8: 03:00 Beijing is 19:00 UTC the day before', () => {
    expect(next('0 0 3 * * * *', '2030-01-01T00:00:00Z')).toBe('2030-01-01T19:00:00.000Z');
    expect(next('0 0 3 * * * *', '2030-01-01T19:00:00Z')).toBe('2030-01-02T19:00:00.000Z');
  });

  it('fires strictly after the given instant', () => {
    expect(next('* * * * * * *', '2030-01-01T00:00:00.000Z')).toBe('2030-01-01T00:00:01.000Z');
    expect(next('* * * * * * *', '2030-01-01T00:00:00.500Z')).toBe('2030-01-01T00:00:01.000Z');
  });

  it('supports steps, ranges and lists', () => {
    expect(next('*/15 * * * * * *', '2030-01-01T00:00:16Z')).toBe('2030-01-01T00:00:30.000Z');
    expect(next('0 5/20 * * * * *', '2030-01-01T00:06:00Z')).toBe('2030-01-01T00:25:00.000Z');
    expect(next('0 0 9-10,14 * * * *', '2030-01-01T02:30:00Z')).toBe('2030-01-01T06:00:00.000Z');
  });

  it('numbers week days from Sunday = 0 and accepts names', () => {
    // 2030-01-06 is a Sunday (Beijing), so Sunday 08:00 Beijing = Sunday 00:00 UTC.
    expect(next('0 0 8 * * 0 *', '2030-01-01T00:00:00Z')).toBe('2030-01-06T00:00:00.000Z');
    expect(next('0 0 8 * * SUN *', '2030-01-01T00:00:00Z')).toBe('2030-01-06T00:00:00.000Z');
    expect(next('0 0 8 * * MON-FRI *', '2030-01-04T01:00:00Z')).toBe('2030-01-07T00:00:00.000Z');
  });

  it('handles months, month names, month lengths and years', () => {
    expect(next('0 0 0 31 * * *', '2030-02-01T00:00:00Z')).toBe('2030-03-30T16:00:00.000Z');
    expect(next('0 0 0 1 JUN * *', '2030-01-01T00:00:00Z')).toBe('2030-05-31T16:00:00.000Z');
    expect(next('0 0 0 1 1 * 2031', '2030-01-01T00:00:00Z')).toBe('2030-12-31T16:00:00.000Z');
    expect(next('0 0 0 1 1 * 1999', '2030-01-01T00:00:00Z')).toBeNull();
  });

  it('treats ? like * and matches either day field when both are restricted', () => {
    expect(next('0 0 0 ? * 1 *', '2030-01-01T00:00:00Z')).toBe('2030-01-06T16:00:00.000Z');
    expect(next('0 0 0 15 * 1 *', '2030-01-07T00:00:00Z')).toBe('2030-01-13T16:00:00.000Z');
  });

  it("reads N/step as from N to the field's end, as SCF does", () => {
    expect(next('0 0 22/1 * * * *', '2030-01-01T00:00:00Z')).toBe('2030-01-01T14:00:00.000Z');
    expect(next('0 0 0 ? * 6/1 *', '2030-01-01T00:00:00Z')).toBe('2030-01-04T16:00:00.000Z');
  });

  it.each([
    '0 0 0 * * 7 *',
    '0 0 3 * * *',
    '60 * * * * * *',
    '0 0 24 * * * *',
    'a * * * * * *',
    '0 0 0 1 13 * *',
    '*/0 * * * * * *',
    '5-1 * * * * * *',
  ])('rejects %s', (expr) => {
    expect(() => parseCron(expr)).toThrow();
  });
});
