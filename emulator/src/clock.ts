import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RealDate = Date;

/** Wall-clock time, immune to the emulator's offset: for timeouts and durations, never for "now" in the domain. */
export function realNow(): number {
  return RealDate.now();
}

/**
 * The emulator's controllable "now". Functions run in worker threads (function-runner.ts), each with its own
 * globals: every worker installs a `Date` whose "now" is real time plus the offset this clock keeps in a
 * SharedArrayBuffer, so a move of the clock reaches every worker at once, warm or mid-invocation, and dayjs (which
 * calls `new Date()`) follows with no change to the functions' code. This thread's `Date` is shifted the same way
 * (the seed, the meter's timestamps). Time keeps flowing; the offset is persisted so a restart keeps the same "now".
 *
 * Not @sinonjs/fake-timers: faking only `Date` (the timers must stay real), its clock moves only when ticked —
 * `shouldAdvanceTime` ticks it from a real interval — so `Date.now()` stands still through synchronous code (a
 * busy wait on it never ends) and a move of the emulator clock would reach a worker only as a message, after
 * whatever task it is running. The shared offset is exact, and seen at once.
 */
export class Clock {
  private offset = 0;
  private readonly file: string;
  /** The offset as the workers read it (installSharedClock). */
  readonly shared = new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);

  constructor(dataDir: string) {
    this.file = join(dataDir, 'clock.json');
    if (existsSync(this.file)) {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { offsetMs?: unknown };
      if (typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs)) this.offset = Math.round(saved.offsetMs);
    }
    Atomics.store(new BigInt64Array(this.shared), 0, BigInt(this.offset));
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
    Atomics.store(new BigInt64Array(this.shared), 0, BigInt(this.offset));
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offset }) + '\n');
  }
}

/** In a worker: installs a `Date` whose "now" follows the clock that owns `shared` (Clock.shared). */
export function installSharedClock(shared: SharedArrayBuffer): void {
  const offset = new BigInt64Array(shared);
  globalThis.Date = shiftedDate(() => RealDate.now() + Number(Atomics.load(offset, 0)));
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
