import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { realNow } from './clock';
import type { InvokeMessage, ReplyMessage, WorkerData } from './function-worker';
import { actionOf, describe, invocationEnv, InvokeError, withUserInfo, type Caller, type InvokeRequest, type InvokeResult } from './invocation';
import type { InvocationRecord, Meter } from './meter';
import { moduleCacheSnapshot } from './module-cache';

/**
 * One instance of a function, as the cloud starts them: a worker thread with its own module cache and globals, the
 * version of index.js it loaded, and the one invocation it runs at a time.
 */
interface Instance {
  readonly name: string;
  readonly worker: Worker;
  readonly mtimeMs: number;
  /** The invocation it runs, once taken; `busy` already from when a call claims it. */
  running?: { id: number; resolve: (json: string) => void; reject: (err: InvokeError) => void };
  busy: boolean;
  /** Timed out, failed, replaced or reclaimed: takes no new invocation, and ends once its call has answered. */
  retiring: boolean;
  /** When it last finished a call (a counter): the idle one used last takes the next call, the one used first is reclaimed first. */
  lastUsed: number;
  idle?: NodeJS.Timeout;
}

/** A call waiting for an instance of its function (all busy, and as many as the limit allows). */
interface Waiting {
  mtimeMs: number;
  take: (instance: Instance) => void;
  fail: (err: InvokeError) => void;
}

/** What the runner knows of a function's files, re-read only when their mtime changes (a rebuild). */
interface Files {
  mtimeMs: number;
  configMtimeMs: number;
  config: FunctionConfig;
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
  /** How long an instance with nothing to run stays warm before it is ended (env LINLI_IDLE_FUNCTION_MS). */
  idleMs?: number;
  /** How many instances (of all functions) stay warm at most: starting one more ends the least recently used idle one (env LINLI_WARM_FUNCTIONS). */
  maxWarm?: number;
  /** How many instances of one function run at once at most; further calls wait their turn (env LINLI_FUNCTION_INSTANCES). */
  instances?: number;
}

/** A warm instance the cloud has not called for this long is reclaimed (and its memory with it). */
export const DEFAULT_IDLE_MS = 5 * 60_000;

/**
 * Each warm instance holds its own copy of the SDK and its function (~30 MiB): Linli's 17 functions all warm take
 * the emulator from ~110 MiB to ~600 MiB. All of them fit, since a function's in-module caches are part of what
 * its warm calls cost (test/functions/db-cost.test.ts measures a second, warm pass); a smaller limit trades memory
 * for cold starts.
 */
export const DEFAULT_MAX_WARM = 20;

/**
 * Instances of one function at most, unless LINLI_FUNCTION_INSTANCES says: one per core (at least 2, so concurrent
 * calls still run side by side). The cloud starts one per concurrent call, up to the function's quota; here they
 * share the machine's cores with the emulator's own thread (the gateway, the database). On 2 shared cores, user.me
 * at 50 in flight (2026-12-05, after speed17c) ran ~450–570 calls/s at ~1.6 ms CPU per call with 2 instances,
 * ~540–590 with 3, ~620–680 with 4 (~1.6–1.8 ms), ~310–400 with 8 (~2.6–2.9 ms: its own JIT and heap each). More than
 * one per core is not the default all the same: every cold instance loads its own SDK (~230 ms CPU) and the tests
 * start many (with 4, two function test files took ~12% more CPU), and each holds ~30 MiB.
 */
export const DEFAULT_INSTANCES = Math.max(2, availableParallelism());

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
 * Runs cloud functions as the cloud runs them: each invocation in an instance of its function that runs nothing
 * else meanwhile — a worker thread with its own module cache and globals, started when every instance of the
 * function is busy (at most `instances` of them; beyond that calls wait in order of arrival, and their timeout
 * counts from when an instance takes them, as SCF's does) and kept warm for the next calls. The idle instance used
 * last takes the next call, so a caller calling one after another always lands on the same warm one. A changed
 * index.js (a rebuild) gets fresh instances, so no restart is needed. Every invocation gets its own WeChat context
 * and environment. A timed-out invocation ends its instance, as on the cloud (a function stuck in a loop cannot
 * hold the emulator). An instance idle for `idleMs` is ended too, as is the least recently used idle one when more
 * than `maxWarm` would be warm (memory: the cloud reclaims idle instances as well).
 */
export class FunctionRunner {
  /** Each function's instances that take calls, least recently used first. */
  private readonly pools = new Map<string, Instance[]>();
  /** Each function's calls waiting for an instance, first come first. */
  private readonly queues = new Map<string, Waiting[]>();
  /** Instances ending once their call has answered. */
  private readonly retired = new Set<Instance>();
  private readonly files = new Map<string, Files>();
  private serial = 0;
  private uses = 0;
  /** Callers of the invocations still running, so that a function calling a function passes its caller on. */
  private readonly live = new Map<string, Caller>();

  constructor(private readonly opts: RunnerOptions) {}

  list(): string[] {
    if (!existsSync(this.opts.functionsDir)) return [];
    return readdirSync(this.opts.functionsDir).filter((name) => this.exists(name));
  }

  exists(name: string): boolean {
    return NAME.test(name) && this.filesOf(name) !== undefined;
  }

  /** The function's config.json (WeChat Cloud's format), or none. */
  config(name: string): FunctionConfig {
    return this.filesOf(name)?.config ?? {};
  }

  /** How long an invocation of the function may run: its config.json `timeout`, else the cloud's 3 s. */
  timeoutMs(name: string): number {
    return this.timeoutOf(this.config(name));
  }

  private timeoutOf({ timeout }: FunctionConfig): number {
    if (this.opts.timeoutMs !== undefined) return this.opts.timeoutMs;
    return (typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S) * 1000;
  }

  callerOf(invocationId: string): Caller | undefined {
    return this.live.get(invocationId);
  }

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const invocationId = newInvocationId();
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
      const json = await this.run(req, caller, invocationId);
      finish(record, started, null);
      return {
        invocationId,
        json,
        get result(): unknown {
          return JSON.parse(json);
        },
      };
    } catch (err) {
      const error = err instanceof InvokeError ? err : new InvokeError('FUNCTIONS_EXECUTE_FAIL', describe(err));
      finish(record, started, error.message);
      error.invocationId = invocationId;
      throw error;
    } finally {
      this.live.delete(invocationId);
    }
  }

  /** Ends every instance (the emulator is stopping); calls still waiting for one fail. */
  async stop(): Promise<void> {
    const all = [...[...this.pools.values()].flat(), ...this.retired];
    const waiting = [...this.queues.values()].flat();
    this.pools.clear();
    this.queues.clear();
    this.retired.clear();
    for (const w of waiting) w.fail(new InvokeError('FUNCTIONS_EXECUTE_FAIL', 'the emulator is stopping'));
    await Promise.all(all.map((i) => i.worker.terminate()));
  }

  private async run(req: InvokeRequest, caller: Caller, invocationId: string): Promise<string> {
    const files = NAME.test(req.name) ? this.filesOf(req.name) : undefined;
    if (!files) {
      throw new InvokeError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] 未找到指定的Function（${req.name}），请创建后再试。`);
    }
    const instance = await this.acquire(req.name, files.mtimeMs, Boolean(req.parentId));
    // The config.json read when the call came in (stat'ing the files again for it cost as much as the first time).
    const timeoutMs = this.timeoutOf(files.config);
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
    return new Promise<string>((resolve, reject) => {
      // From when the instance takes the call, as on the cloud (time spent waiting for one does not count).
      const timer = setTimeout(() => {
        instance.running = undefined;
        instance.busy = false;
        reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', `Invoking task timed out after ${timeoutMs / 1000} seconds`));
        this.retire(instance);
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        instance.running = undefined;
        this.release(instance);
      };
      instance.running = {
        id: message.id,
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      };
      instance.worker.postMessage(message);
    });
  }

  private entry(name: string): string {
    return join(this.opts.functionsDir, name, 'index.js');
  }

  /**
   * The function's index.js version and config.json, or undefined if it has no index.js. One stat of each file
   * per call; config.json is read again only when its mtime changed.
   */
  private filesOf(name: string): Files | undefined {
    const dir = join(this.opts.functionsDir, name);
    const entry = statSync(join(dir, 'index.js'), { throwIfNoEntry: false });
    if (!entry?.isFile()) {
      this.files.delete(name);
      return undefined;
    }
    const configFile = join(dir, 'config.json');
    const configMtimeMs = statSync(configFile, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    let known = this.files.get(name);
    if (!known || known.configMtimeMs !== configMtimeMs) {
      const config = configMtimeMs < 0 ? {} : (JSON.parse(readFileSync(configFile, 'utf8')) as FunctionConfig);
      known = { mtimeMs: entry.mtimeMs, configMtimeMs, config };
      this.files.set(name, known);
    }
    known.mtimeMs = entry.mtimeMs;
    return known;
  }

  private limit(): number {
    return Math.max(1, this.opts.instances ?? DEFAULT_INSTANCES);
  }

  /**
   * An instance of the function for one call: the idle one used last, else a new one if fewer than the limit run,
   * else the first to come free after the calls already waiting (a call made by a function never waits: it gets an
   * instance beyond the limit). Instances of an older index.js take no more calls.
   */
  private acquire(name: string, mtimeMs: number, nested: boolean): Promise<Instance> {
    const pool = this.poolOf(name);
    for (const stale of pool.filter((i) => i.mtimeMs !== mtimeMs)) this.retire(stale);
    if (nested && !lastIdle(pool) && pool.length >= this.limit()) {
      // A call made by a function (to itself, or back along a chain) while every instance is busy: the cloud,
      // whose limit is its concurrency quota, would start another; waiting could wait on the caller itself.
      const extra = this.start(name, mtimeMs);
      extra.busy = true;
      return Promise.resolve(extra);
    }
    const queue = this.queues.get(name) ?? [];
    this.queues.set(name, queue);
    const waiting = new Promise<Instance>((take, fail) => queue.push({ mtimeMs, take, fail }));
    this.dispatch(name);
    return waiting;
  }

  /** Hands free (or new) instances to the function's waiting calls, in order of arrival. */
  private dispatch(name: string): void {
    const queue = this.queues.get(name);
    while (queue && queue.length > 0) {
      const pool = this.poolOf(name);
      let instance = lastIdle(pool);
      if (!instance && pool.length < this.limit()) {
        try {
          instance = this.start(name, queue[0].mtimeMs);
        } catch (err) {
          queue.shift()!.fail(err instanceof InvokeError ? err : new InvokeError('FUNCTIONS_EXECUTE_FAIL', describe(err)));
          continue;
        }
      }
      if (!instance) return;
      instance.busy = true;
      clearTimeout(instance.idle);
      queue.shift()!.take(instance);
    }
  }

  private poolOf(name: string): Instance[] {
    let pool = this.pools.get(name);
    if (!pool) this.pools.set(name, (pool = []));
    return pool;
  }

  /** A new instance of the function; the least recently used idle one of any function ends if too many are warm. */
  private start(name: string, mtimeMs: number): Instance {
    const all = [...this.pools.values()].flat();
    if (all.length >= (this.opts.maxWarm ?? DEFAULT_MAX_WARM)) {
      const idle = all.filter((i) => !i.busy);
      const coldest = idle.reduce<Instance | undefined>((a, b) => (a && a.lastUsed <= b.lastUsed ? a : b), undefined);
      if (coldest) this.retire(coldest);
    }
    if (!existsSync(WORKER_FILE)) throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', `${WORKER_FILE} is missing: run scripts/build-cloud.mjs`);
    const data: WorkerData = { file: this.entry(name), name, clock: this.opts.clock, modules: moduleCacheSnapshot() };
    const worker = new Worker(WORKER_FILE, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB } });
    // A warm instance never keeps the emulator from exiting.
    worker.unref();
    const instance: Instance = { name, worker, mtimeMs, busy: false, retiring: false, lastUsed: ++this.uses };
    worker.on('message', (reply: ReplyMessage) => {
      const running = instance.running;
      if (!running || running.id !== reply.id) return; // timed out meanwhile: the caller has its answer
      if ('json' in reply) running.resolve(reply.json);
      else running.reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', reply.error));
    });
    // Out of memory, or a failure of the worker itself: what it was running fails with it.
    worker.on('error', (err) => this.fail(instance, describe(err)));
    worker.on('exit', (code) => {
      this.fail(instance, `Function ${name} exited (code ${code}) before it answered`);
      this.retired.delete(instance);
      clearTimeout(instance.idle);
    });
    this.poolOf(name).push(instance);
    return instance;
  }

  /** The worker failed or ended: what it was running fails, and the next call gets a new instance. */
  private fail(instance: Instance, message: string): void {
    const running = instance.running;
    this.retire(instance);
    running?.reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', message));
  }

  /** No new invocation goes to the instance; it ends once its call has answered (at once if it runs none). */
  private retire(instance: Instance): void {
    if (instance.retiring) return;
    instance.retiring = true;
    clearTimeout(instance.idle);
    const pool = this.pools.get(instance.name);
    const at = pool?.indexOf(instance) ?? -1;
    if (at >= 0) pool!.splice(at, 1);
    if (instance.busy) this.retired.add(instance);
    else void instance.worker.terminate();
    // Room for a call waiting for an instance of this function.
    this.dispatch(instance.name);
  }

  /** After a call ends: a retiring instance ends; another takes the next waiting call, or stays warm for a while. */
  private release(instance: Instance): void {
    instance.busy = false;
    instance.lastUsed = ++this.uses;
    if (instance.retiring) {
      this.retired.delete(instance);
      void instance.worker.terminate();
      this.dispatch(instance.name);
      return;
    }
    // Used last: the next call takes it first, the reclaim of idle instances takes it last.
    const pool = this.poolOf(instance.name);
    pool.splice(pool.indexOf(instance), 1);
    pool.push(instance);
    this.dispatch(instance.name);
    if (instance.busy) return;
    instance.idle = setTimeout(() => this.retire(instance), this.opts.idleMs ?? DEFAULT_IDLE_MS);
    instance.idle.unref();
  }
}

/** Random bytes drawn in blocks: one call into the system's generator per 512 invocations instead of one each. */
const ID_BYTES = 12;
let idPool = Buffer.alloc(0);
let idAt = 0;

/** An invocation id as the cloud's request ids look to a function: 24 random hex digits. */
function newInvocationId(): string {
  if (idAt + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_BYTES * 512);
    idAt = 0;
  }
  idAt += ID_BYTES;
  return idPool.toString('hex', idAt - ID_BYTES, idAt);
}

/** The idle instance used last (pools are kept least recently used first). */
function lastIdle(pool: Instance[]): Instance | undefined {
  for (let i = pool.length - 1; i >= 0; i--) if (!pool[i].busy) return pool[i];
  return undefined;
}

function finish(record: InvocationRecord, started: number, error: string | null): void {
  record.durationMs = realNow() - started;
  record.ok = error === null;
  record.error = error;
}
