// @linli/cloudbase-emulator/testing: a process harness for tests. Starts an emulator entry — the package's own CLI
// (dist/main.js) unless an app names its own — as a child process on a free port with a fresh data dir, waits for
// its ready line, and drives it through the dev surface (/__emulator/*). An app's test helper wraps it with its
// own defaults (Linli's: test/helpers/emulator.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InvocationRecord } from './meter';
import type { CustomerServiceMessage, OutboxMessage } from './outbox';
import type { TriggerFiring } from './triggers';

/** The package's own CLI (main.ts built): any function folder, no seed. One folder up from both src/ and dist/. */
export const GENERIC_MAIN = resolve(__dirname, '../dist/main.js');
/** What every entry prints once it listens (cli.ts): "<name> emulator listening on <url>". */
const READY = /emulator listening on (http:\/\/127\.0\.0\.1:(\d+))/;

export interface StartOptions {
  /** The entry to run: GENERIC_MAIN (the default) or an app's own (one that calls runCli). */
  main?: string;
  /** The folder of cloud functions (LINLI_FUNCTIONS_DIR; a relative path is taken from this process's directory). */
  functionsDir: string;
  h5Dir?: string;
  /**
   * Extra environment for the emulator process (e.g. LINLI_INDEXES, LINLI_TRIGGER_TICK_MS, LINLI_SEED). Laid over
   * this process's environment.
   */
  env?: Record<string, string>;
  /**
   * The process's working directory, against which an entry resolves its default paths (the generic CLI:
   * ./database/indexes.json) and any relative path in `env`. Defaults to the fresh data dir, where nothing is found
   * by accident: name what the emulator should read (LINLI_INDEXES, as an absolute path) or pass the app's root.
   */
  cwd?: string;
  /** Seconds to wait for it to listen (default 30: a seed played through the functions, or a large store, takes longer). */
  startLimitS?: number;
}

export interface ClockState {
  now: string;
  offsetMs: number;
  /** Timer triggers that became due because the clock moved (POST only). */
  fired?: TriggerFiring[];
}

export type ClockChange = { advanceMs: number } | { set: string } | { reset: true };

/** A failed call of the dev surface: for invoke, the shape of wx.cloud.callFunction's rejection. */
export class EmulatorCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: { errCode?: number; errMsg?: string; error?: string; message?: string },
  ) {
    super(`emulator answered ${status}: ${body.errMsg ?? body.message ?? JSON.stringify(body)}`);
  }
}

export interface TestEmulator {
  readonly url: string;
  readonly dataDir: string;
  /** The emulator process id (for a bench's memory figures). */
  readonly pid: number | undefined;
  /** Calls a function as `openid` (none: an anonymous caller); resolves to main's return value. */
  invoke<T = unknown>(fn: string, event?: unknown, openid?: string): Promise<T>;
  reset(): Promise<void>;
  /** No argument: read the clock. */
  clock(change?: ClockChange): Promise<ClockState>;
  fireTrigger(fn: string, name?: string): Promise<TriggerFiring[]>;
  outbox(): Promise<OutboxMessage[]>;
  /** customerServiceMessage.send calls, oldest first. */
  customerServiceOutbox(): Promise<CustomerServiceMessage[]>;
  meter(last?: number): Promise<InvocationRecord[]>;
  /** Raw request to the emulator (path starting with `/`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /**
   * Stores a photo as `openid` the way an H5 app does: under the caller's own folder, with a fresh name.
   * Resolves to the file id and a short-lived signed URL for it.
   */
  upload(openid: string, data: Buffer, name?: string): Promise<{ fileID: string; tempFileURL: string }>;
  /**
   * What the process printed to stdout since it last started listening, line by line (the functions run in it:
   * their console.log lines are here, the newest 5,000 kept).
   */
  logs(): string[];
  /** Kills the process (SIGKILL by default) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again (after kill, or stopping it first) on the same port and data dir. */
  restart(): Promise<void>;
  /** Stops the process and deletes the data dir. */
  stop(): Promise<void>;
}

/**
 * Spawns a built emulator entry (GENERIC_MAIN unless `main` says) on a free port with a fresh data dir, and waits
 * until it is listening. The entry must be built first (the package's build.mjs; an app's own build for its entry).
 * Its output is drained for its whole life and shown on stderr when LINLI_EMULATOR_LOGS is set.
 */
export async function startEmulator(opts: StartOptions): Promise<TestEmulator> {
  const main = opts.main ?? GENERIC_MAIN;
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cloudbase-emu-'));
  const cwd = opts.cwd ?? dataDir;
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LINLI_DATA_DIR: dataDir,
    LINLI_FUNCTIONS_DIR: resolve(opts.functionsDir),
    ...(opts.h5Dir ? { LINLI_H5_DIR: resolve(opts.h5Dir) } : {}),
    ...opts.env,
  };
  let child: ChildProcess | null = null;
  let url = '';
  let port = '0';
  let lines: string[] = [];
  let partial = '';

  const launch = async () => {
    const started = await spawnEmulator(main, cwd, { ...baseEnv, PORT: port }, opts.startLimitS ?? 30);
    child = started.child;
    url = started.url;
    port = started.port;
    lines = [];
    partial = '';
    started.child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > 5000) lines.splice(0, lines.length - 5000);
    });
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill(signal);
    await exited;
  };
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(url + path, init);
    const body = (await res.json()) as T;
    if (!res.ok) throw new EmulatorCallError(res.status, body as EmulatorCallError['body']);
    return body;
  };
  const post = <T>(path: string, body: unknown, headers: Record<string, string> = {}) =>
    call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body ?? {}) });

  await launch();
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);

  return {
    get url() {
      return url;
    },
    get pid() {
      return (child as ChildProcess | null)?.pid;
    },
    dataDir,
    invoke: (fn, event = {}, openid) => post(`/__emulator/invoke/${encodeURIComponent(fn)}`, event, openid ? { 'x-linli-openid': openid } : {}),
    reset: async () => {
      await post('/__emulator/reset', {});
    },
    clock: (change) => (change ? post<ClockState>('/__emulator/clock', change) : call<ClockState>('/__emulator/clock')),
    fireTrigger: (fn, name) => post(`/__emulator/triggers/${encodeURIComponent(fn)}`, name ? { name } : {}),
    outbox: () => call('/__emulator/outbox'),
    customerServiceOutbox: () => call('/__emulator/outbox/customer-service'),
    meter: (last) => call(`/__emulator/meter${last === undefined ? '' : `?last=${last}`}`),
    fetch: (path, init) => fetch(url + path, init),
    logs: () => [...lines],
    upload: (openid, data, name = 'photo') => {
      const cloudPath = `uploads/${openid}/${name}-${randomBytes(4).toString('hex')}.png`;
      const headers = { 'content-type': 'image/png', 'x-linli-openid': openid };
      return call(`/__emulator/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: new Uint8Array(data) });
    },
    kill,
    restart: async () => {
      await kill('SIGTERM');
      await launch();
    },
    stop: async () => {
      await kill('SIGTERM');
      process.removeListener('exit', onExit);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * A request through node:http, so the path and every header (Host, Origin, Content-Type) reach the server
 * exactly as written: fetch would normalise some of them.
 */
export function rawRequest(url: string, path: string, init: RawInit = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function spawnEmulator(
  main: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  limitS: number,
): Promise<{ child: ChildProcess; url: string; port: string }> {
  const child = spawn(process.execPath, [main], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ready = false;
  // The pipes are drained for the process's whole life (a full pipe would block it); its logs are shown only
  // on request, or in the error when it fails to start.
  const onOutput = (chunk: Buffer) => {
    if (ready) {
      if (process.env.LINLI_EMULATOR_LOGS) process.stderr.write(chunk);
      return;
    }
    output += chunk.toString();
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start within ${limitS} s:\n${output}`));
    }, limitS * 1000);
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}) before listening:\n${output}`));
    };
    child.once('exit', onEarlyExit);
    child.stdout!.on('data', function watch() {
      const match = READY.exec(output);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      child.stdout!.off('data', watch);
      resolveStart({ child, url: match[1], port: match[2] });
    });
  });
}
