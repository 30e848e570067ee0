import { nextFiring, parseCron, type Cron } from './cron';
import type { FunctionRunner } from './function-runner';
import { InvokeError } from './invocation';

export interface TriggerFiring {
  function: string;
  trigger: string;
  time: string;
  ok: boolean;
  invocationId: string | null;
  result?: unknown;
  error?: string;
}

interface TimerTrigger {
  function: string;
  name: string;
  cron: Cron;
}

export interface SchedulerOptions {
  runner: FunctionRunner;
  now: () => number;
  tickMs: number;
}

/**
 * Runs the timer triggers declared in each function's config.json against the emulator clock. Firings missed
 * between two checks (a clock jump, a long stop) are coalesced into one, dated at the first missed time, so
 * advancing the clock by a week fires a daily job once rather than seven times.
 */
export class TriggerScheduler {
  private checkedUpTo: number;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly badCron = new Set<string>();

  constructor(private readonly opts: SchedulerOptions) {
    this.checkedUpTo = opts.now();
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.opts.tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Forget missed firings: after a reset, or when the clock is set back. */
  rebase(): void {
    this.checkedUpTo = this.opts.now();
  }

  /**
   * Fires whatever became due since the last check; checks run one at a time, in order. `before` (a clock
   * change) runs at the head of this check, so no other check can take the firings it makes due.
   */
  check(before?: () => void): Promise<TriggerFiring[]> {
    const run = this.queue.then(() => {
      before?.();
      return this.fireDue();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Fires the function's timer triggers now (only `name`, if given). Unknown function or trigger → empty list. */
  async fireNow(fn: string, name?: string): Promise<TriggerFiring[]> {
    const triggers = this.triggersOf(fn).filter((t) => name === undefined || t.name === name);
    return Promise.all(triggers.map((t) => this.fire(t, this.opts.now())));
  }

  private async fireDue(): Promise<TriggerFiring[]> {
    const now = this.opts.now();
    const from = this.checkedUpTo;
    this.checkedUpTo = now;
    if (now <= from) return [];
    const due: [TimerTrigger, number][] = [];
    for (const t of this.allTriggers()) {
      const at = nextFiring(t.cron, from);
      if (at !== null && at <= now) due.push([t, at]);
    }
    return Promise.all(due.map(([t, at]) => this.fire(t, at)));
  }

  private async fire(t: TimerTrigger, at: number): Promise<TriggerFiring> {
    const time = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const base = { function: t.function, trigger: t.name, time };
    try {
      const { invocationId, result } = await this.opts.runner.invoke({
        name: t.function,
        event: { Type: 'timer', TriggerName: t.name, Time: time },
        caller: { source: 'wx_trigger' },
        trigger: t.name,
      });
      return { ...base, ok: true, invocationId, result };
    } catch (err) {
      const invocationId = err instanceof InvokeError ? err.invocationId : null;
      return { ...base, ok: false, invocationId, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private allTriggers(): TimerTrigger[] {
    return this.opts.runner.list().flatMap((fn) => this.triggersOf(fn));
  }

  private triggersOf(fn: string): TimerTrigger[] {
    if (!this.opts.runner.exists(fn)) return [];
    let declared;
    try {
      declared = this.opts.runner.config(fn).triggers ?? [];
    } catch (err) {
      this.warnOnce(`${fn}/config.json`, err);
      return [];
    }
    const out: TimerTrigger[] = [];
    for (const t of declared) {
      if (t.type !== 'timer') continue;
      try {
        out.push({ function: fn, name: t.name, cron: parseCron(t.config) });
      } catch (err) {
        this.warnOnce(`${fn}/${t.name}`, err);
      }
    }
    return out;
  }

  private warnOnce(key: string, err: unknown): void {
    if (this.badCron.has(key)) return;
    this.badCron.add(key);
    console.warn(`[emulator] ignoring timer trigger ${key}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
