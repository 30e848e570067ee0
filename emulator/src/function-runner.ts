import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { realNow } from './clock';
import { actionOf, describe, invocationEnv, InvokeError, withUserInfo, type Caller, type InvokeRequest, type InvokeResult } from './invocation';
import { runWithEnv } from './invocation-env';
import type { InvocationRecord, Meter } from './meter';

type Main = (event: unknown, context: Record<string, unknown>) => unknown;

interface Loaded {
  main: Main;
  mtimeMs: number;
}

export interface RunnerOptions {
  functionsDir: string;
  env: string;
  appid: string;
  meter: Meter;
  /** One timeout for every function, replacing their config.json's (env LINLI_FUNCTION_TIMEOUT_MS: a debugger's pauses). */
  timeoutMs?: number;
}

/** The cloud's timeout for a function whose config.json sets none, in seconds. */
export const DEFAULT_TIMEOUT_S = 3;

/** A function's config.json, in WeChat Cloud's format: the parts the emulator reads. */
export interface FunctionConfig {
  /** Seconds an invocation may run before the cloud ends it (default 3). */
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
}

// Function bundles are loaded by absolute path; their own `require('wx-server-sdk')` resolves from their folder.
const load = createRequire(__filename);

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * Runs cloud functions in this process, as warm containers: each `index.js` is loaded once (and again when the
 * file changes, so a rebuild needs no restart) and every invocation gets its own WeChat context.
 */
export class FunctionRunner {
  private readonly loaded = new Map<string, Loaded>();
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

  private async run(req: InvokeRequest, caller: Caller, invocationId: string): Promise<unknown> {
    if (!this.exists(req.name)) {
      throw new InvokeError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] 未找到指定的Function（${req.name}），请创建后再试。`);
    }
    const main = this.loadMain(req.name);
    const timeoutMs = this.timeoutMs(req.name);
    const env = invocationEnv(req.name, caller, invocationId, req.trigger ?? null);
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
      request_id: invocationId,
      function_name: req.name,
      function_version: '$LATEST',
      namespace: this.opts.env,
      environment: JSON.stringify({ ...env, TCB_ENV: this.opts.env }),
    };
    const event = withUserInfo(req.event, caller);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new InvokeError('FUNCTIONS_EXECUTE_FAIL', `Invoking task timed out after ${timeoutMs / 1000} seconds`)),
        timeoutMs,
      );
    });
    try {
      const returned = await Promise.race([runWithEnv(env, async () => main(event, context)), timeout]);
      // The cloud hands the result over as JSON: what cannot be serialised does not reach the caller.
      return returned === undefined ? null : JSON.parse(JSON.stringify(returned));
    } finally {
      clearTimeout(timer);
    }
  }

  private entry(name: string): string {
    return join(this.opts.functionsDir, name, 'index.js');
  }

  private loadMain(name: string): Main {
    const file = this.entry(name);
    const { mtimeMs } = statSync(file);
    const cached = this.loaded.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached.main;
    delete load.cache[load.resolve(file)];
    const mod = load(file) as { main?: unknown };
    if (typeof mod.main !== 'function') throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', `${name}/index.js does not export main`);
    const main = mod.main as Main;
    this.loaded.set(name, { main, mtimeMs });
    return main;
  }
}

function finish(record: InvocationRecord, started: number, error: string | null): void {
  record.durationMs = realNow() - started;
  record.ok = error === null;
  record.error = error;
}
