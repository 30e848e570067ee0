import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { realNow } from './clock';
import type { InvokeMessage, ReplyMessage, WorkerData } from './function-worker';
import { actionOf, describe, invocationEnv, InvokeError, withUserInfo, type Caller, type InvokeRequest, type InvokeResult } from './invocation';
import type { InvocationRecord, Meter } from './meter';

/** A function's warm container: its worker, the version of index.js it loaded, the invocations it is running. */
interface Container {
  readonly name: string;
  readonly worker: Worker;
  readonly mtimeMs: number;
  readonly pending: Map<number, { resolve: (json: string) => void; reject: (err: InvokeError) => void }>;
  /** Timed out, failed or replaced: takes no new invocation, and ends once those it runs have answered. */
  retiring: boolean;
  idle?: NodeJS.Timeout;
}

export interface RunnerOptions {
  functionsDir: string;
  env: string;
  appid: string;
  meter: Meter;
  /** One timeout for every function, replacing their config.json's (env LINLI_FUNCTION_TIMEOUT_MS: a debugger's pauses). */
  timeoutMs?: number;
  /** Clock.shared: every worker's `Date` reads the emulator's "now" from it. */
  clock: SharedArrayBuffer;
  /** How long a container with nothing to run stays warm before it is ended (env LINLI_IDLE_FUNCTION_MS). */
  idleMs?: number;
  /** How many containers stay warm at most: starting one more ends the least recently used idle one (env LINLI_WARM_FUNCTIONS). */
  maxWarm?: number;
}

/** A warm container the cloud has not called for this long is reclaimed (and its memory with it). */
export const DEFAULT_IDLE_MS = 5 * 60_000;

/**
 * Each warm container holds its own copy of the SDK and its function (~30 MiB): Linli's 17 functions all warm take
 * the emulator from ~110 MiB to ~600 MiB. All of them fit, since a function's in-module caches are part of what
 * its warm calls cost (test/functions/db-cost.test.ts measures a second, warm pass); a smaller limit trades memory
 * for cold starts.
 */
export const DEFAULT_MAX_WARM = 20;

/** The memory the cloud gives a function by default (MB): a worker's heap is limited to it. */
const MEMORY_MB = 256;

/** The cloud's timeout for a function whose config.json sets none, in seconds. */
export const DEFAULT_TIMEOUT_S = 3;

/** A function's config.json, in WeChat Cloud's format: the parts the emulator reads. */
export interface FunctionConfig {
  /** Seconds an invocation may run before the cloud ends it (default 3). */
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
}

/** The worker's entry, built beside the emulator's (scripts/build-cloud.mjs). */
const WORKER_FILE = join(__dirname, 'function-worker.js');

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * Runs each cloud function in its own worker thread, as the cloud runs it in its own container: its own module
 * cache and globals, started at its first invocation and kept warm for the next ones (a changed index.js, i.e. a
 * rebuild, gets a fresh worker, so no restart is needed). Every invocation gets its own WeChat context and
 * environment. A timed-out invocation ends its container, as on the cloud: the worker takes no new invocation and
 * is terminated once the others it runs have answered (at once if none: a function stuck in a loop cannot hold
 * the emulator). A container idle for `idleMs` is ended too, as is the least recently used idle one when more than
 * `maxWarm` would be warm (memory: the cloud reclaims idle containers as well).
 */
export class FunctionRunner {
  private readonly containers = new Map<string, Container>();
  private readonly retired = new Set<Container>();
  private serial = 0;
  /** Callers of the invocations still running, so that a function calling a function passes its caller on. */
  private readonly live = new Map<string, Caller>();

  constructor(private readonly opts: RunnerOptions) {}

  list(): string[] {
    if (!existsSync(this.opts.functionsDir)) return [];
    return readdirSync(this.opts.functionsDir).filter((name) => this.exists(name));
  }

  exists(name: string): boolean {
    return NAME.test(name) && existsSync(this.entry(name));
  }

  /** The function's config.json (WeChat Cloud's format), or none. */
  config(name: string): FunctionConfig {
    const file = join(this.opts.functionsDir, name, 'config.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  }

  /** How long an invocation of the function may run: its config.json `timeout`, else the cloud's 3 s. */
  timeoutMs(name: string): number {
    if (this.opts.timeoutMs !== undefined) return this.opts.timeoutMs;
    const { timeout } = this.config(name);
    return (typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S) * 1000;
  }

  callerOf(invocationId: string): Caller | undefined {
    return this.live.get(invocationId);
  }

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const invocationId = randomBytes(12).toString('hex');
    const record = this.opts.meter.start({
      invocationId,
      parentId: req.parentId ?? null,
      function: req.name,
      action: actionOf(req.event),
      caller: { openid: req.caller.openid ?? null, source: req.caller.source },
      trigger: req.trigger ?? null,
      startedAt: new Date().toISOString(),
    });
    const started = realNow();
    const caller = { ...req.caller, appid: req.caller.appid ?? this.opts.appid };
    this.live.set(invocationId, caller);
    try {
      const result = await this.run(req, caller, invocationId);
      finish(record, started, null);
      return { invocationId, result };
    } catch (err) {
      const error = err instanceof InvokeError ? err : new InvokeError('FUNCTIONS_EXECUTE_FAIL', describe(err));
      finish(record, started, error.message);
      error.invocationId = invocationId;
      throw error;
    } finally {
      this.live.delete(invocationId);
    }
  }

  /** Ends every container (the emulator is stopping). */
  async stop(): Promise<void> {
    const all = [...this.containers.values(), ...this.retired];
    this.containers.clear();
    this.retired.clear();
    await Promise.all(all.map((c) => c.worker.terminate()));
  }

  private async run(req: InvokeRequest, caller: Caller, invocationId: string): Promise<unknown> {
    if (!this.exists(req.name)) {
      throw new InvokeError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] 未找到指定的Function（${req.name}），请创建后再试。`);
    }
    const container = this.containerOf(req.name);
    const timeoutMs = this.timeoutMs(req.name);
    const env = invocationEnv(req.name, caller, invocationId, req.trigger ?? null);
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: MEMORY_MB,
      time_limit_in_ms: timeoutMs,
      request_id: invocationId,
      function_name: req.name,
      function_version: '$LATEST',
      namespace: this.opts.env,
      environment: JSON.stringify({ ...env, TCB_ENV: this.opts.env }),
    };
    const message: InvokeMessage = { id: ++this.serial, event: withUserInfo(req.event, caller), context, env };
    const json = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        container.pending.delete(message.id);
        reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', `Invoking task timed out after ${timeoutMs / 1000} seconds`));
        this.retire(container);
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        container.pending.delete(message.id);
        this.settled(container);
      };
      container.pending.set(message.id, {
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      });
      clearTimeout(container.idle);
      container.worker.postMessage(message);
    });
    return JSON.parse(json);
  }

  private entry(name: string): string {
    return join(this.opts.functionsDir, name, 'index.js');
  }

  /** The function's warm container, or a new one if it has none, it is retiring, or index.js changed since. */
  private containerOf(name: string): Container {
    const file = this.entry(name);
    const { mtimeMs } = statSync(file);
    const warm = this.containers.get(name);
    if (warm && !warm.retiring && warm.mtimeMs === mtimeMs) {
      // Most recently used last: the first idle one is the one to end when too many are warm.
      this.containers.delete(name);
      this.containers.set(name, warm);
      return warm;
    }
    if (warm) this.retire(warm);
    if (this.containers.size >= (this.opts.maxWarm ?? DEFAULT_MAX_WARM)) {
      const coldest = [...this.containers.values()].find((c) => c.pending.size === 0);
      if (coldest) this.retire(coldest);
    }
    if (!existsSync(WORKER_FILE)) throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', `${WORKER_FILE} is missing: run scripts/build-cloud.mjs`);
    const data: WorkerData = { file, name, clock: this.opts.clock };
    const worker = new Worker(WORKER_FILE, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB } });
    // A warm container never keeps the emulator from exiting.
    worker.unref();
    const container: Container = { name, worker, mtimeMs, pending: new Map(), retiring: false };
    worker.on('message', (reply: ReplyMessage) => {
      const waiting = container.pending.get(reply.id);
      if (!waiting) return; // timed out meanwhile: the caller has its answer
      if ('json' in reply) waiting.resolve(reply.json);
      else waiting.reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', reply.error));
    });
    // Out of memory, or a failure of the worker itself: what it was running fails with it.
    worker.on('error', (err) => this.fail(container, describe(err)));
    worker.on('exit', (code) => {
      this.fail(container, `Function ${name} exited (code ${code}) before it answered`);
      this.retired.delete(container);
      clearTimeout(container.idle);
    });
    this.containers.set(name, container);
    return container;
  }

  /** The worker failed or ended: what it was running fails, and the next call gets a new one. */
  private fail(container: Container, message: string): void {
    this.retire(container);
    for (const waiting of [...container.pending.values()]) waiting.reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', message));
  }

  /** No new invocation goes to the container; it ends once it runs none. */
  private retire(container: Container): void {
    container.retiring = true;
    if (this.containers.get(container.name) === container) this.containers.delete(container.name);
    this.retired.add(container);
    this.settled(container);
  }

  /** After an invocation ends: a retiring container with nothing left to run ends; an idle one ends later. */
  private settled(container: Container): void {
    if (container.pending.size > 0) return;
    if (container.retiring) {
      this.retired.delete(container);
      void container.worker.terminate();
      return;
    }
    clearTimeout(container.idle);
    container.idle = setTimeout(() => this.retire(container), this.opts.idleMs ?? DEFAULT_IDLE_MS);
    container.idle.unref();
  }
}

function finish(record: InvocationRecord, started: number, error: string | null): void {
  record.durationMs = realNow() - started;
  record.ok = error === null;
  record.error = error;
}
