import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { Clock, realNow } from '../src/clock';

const OriginalDate = Date;
const originalConstructor = Object.getOwnPropertyDescriptor(Date.prototype, 'constructor')!;
const DAY = 24 * 3600 * 1000;

describe('Clock', () => {
  let dir: string;
  let clock: Clock;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-clock-'));
    clock = new Clock(dir);
    clock.install();
  });

  afterEach(() => {
    globalThis.Date = OriginalDate;
    Object.defineProperty(OriginalDate.prototype, 'constructor', originalConstructor);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shifts Date.now(), new Date() and dayjs() by the offset, and nothing else', () => {
    clock.advance(3 * DAY);
    const before = realNow();
    const now = Date.now();
    const date = new Date();
    const viaDayjs = dayjs().valueOf();
    const after = realNow();
    for (const t of [now, date.getTime(), viaDayjs]) {
      expect(t).toBeGreaterThanOrEqual(before + 3 * DAY);
      expect(t).toBeLessThanOrEqual(after + 3 * DAY);
    }
    expect(new Date(0).getTime()).toBe(0);
    expect(new Date('2030-05-01T00:00:00Z').toISOString()).toBe('2030-05-01T00:00:00.000Z');
    expect(new Date(2030, 0, 2).getFullYear()).toBe(2030);
    expect(Date.UTC(2030, 0, 1)).toBe(1893456000000);
    expect(Date.parse('2030-01-01T00:00:00Z')).toBe(1893456000000);
  });

  it('keeps Date semantics: instanceof, constructor, subclasses, Date() as a function', () => {
    clock.set(Date.parse('2031-06-01T00:00:00Z'));
    const made = new Date();
    expect(made).toBeInstanceOf(Date);
    expect(made).toBeInstanceOf(OriginalDate);
    expect(new OriginalDate(5)).toBeInstanceOf(Date);
    expect(made.constructor).toBe(Date);
    class Stamp extends Date {
      label() {
        return `at ${this.getUTCFullYear()}`;
      }
    }
    const stamp = new Stamp();
    expect(stamp.label()).toBe('at 2031');
    expect(stamp).toBeInstanceOf(Date);
    expect(typeof (Date as unknown as () => string)()).toBe('string');
    expect((Date as unknown as () => string)()).toContain('2031');
  });

  it('sets, resets and persists the offset in the data dir', () => {
    clock.set(Date.parse('2035-01-01T00:00:00Z'));
    expect(new Date().getUTCFullYear()).toBe(2035);
    const reopened = new Clock(dir);
    expect(reopened.offsetMs).toBe(clock.offsetMs);
    clock.reset();
    expect(clock.offsetMs).toBe(0);
    expect(new Clock(dir).offsetMs).toBe(0);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});
