import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RealDate = Date;

/** Wall-clock time, immune to the emulator's offset: for timeouts and durations, never for "now" in the domain. */
export function realNow(): number {
  return RealDate.now();
}

/**
 * The emulator's controllable "now". Functions run in this process, so replacing the global `Date` is what lets
 * them (and dayjs, which calls `new Date()`) see the shifted time with no change to their code. Time keeps flowing:
 * the clock is real time plus an offset, and the offset is persisted so that a restart keeps the same "now".
 */
export class Clock {
  private offset = 0;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'clock.json');
    if (existsSync(this.file)) {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { offsetMs?: unknown };
      if (typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs)) this.offset = saved.offsetMs;
    }
  }

  now(): number {
    return RealDate.now() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  advance(ms: number): void {
    this.setOffset(this.offset + ms);
  }

  set(at: number): void {
    this.setOffset(at - RealDate.now());
  }

  reset(): void {
    this.setOffset(0);
  }

  /** Installs a `Date` whose `now()` and no-argument constructor follow this clock. */
  install(): void {
    globalThis.Date = shiftedDate(() => this.now());
  }

  private setOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('clock offset must be a finite number of milliseconds');
    this.offset = Math.round(ms);
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offset }) + '\n');
  }
}

/**
 * A drop-in `Date`: same prototype (so `instanceof Date` holds for dates made before and after the swap, and
 * subclasses still work); only "now" differs. Called without `new` it returns a string, as `Date()` does.
 */
function shiftedDate(now: () => number): DateConstructor {
  function EmulatedDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target) as Date;
  }
  Object.defineProperty(EmulatedDate, 'length', { value: 7 });
  Object.defineProperty(EmulatedDate, 'name', { value: 'Date' });
  EmulatedDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true });
  EmulatedDate.now = now;
  EmulatedDate.parse = RealDate.parse;
  EmulatedDate.UTC = RealDate.UTC;
  return EmulatedDate as unknown as DateConstructor;
}
