// One instance of a cloud function: a worker thread (function-runner.ts starts it) with its own module cache and
// globals. It loads the function's index.js, answers each invocation message with the JSON main returned, and
// gives every invocation its own WX_* / TCB_* environment. It runs one invocation at a time, as a cloud instance
// does: the runner sends the next only once this one has answered. Built to dist/emulator/function-worker.js.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { installSharedClock } from './clock';
import { describe, InvokeError } from './invocation';
import { setInvocationEnv, type InvocationEnv } from './invocation-env';
import { writeStdioDirectly } from './worker-stdio';
import { installModuleCache, shareModuleCache, type ModuleCacheData } from './module-cache';

export interface WorkerData {
  /** The function's index.js, absolute. */
  file: string;
  name: string;
  /** Clock.shared: the emulator's offset from real time. */
  clock: SharedArrayBuffer;
  /** Where the instances before this one found their modules, and their compiled code (module-cache.ts). */
  modules: ModuleCacheData;
}

export interface InvokeMessage {
  id: number;
  event: unknown;
  context: Record<string, unknown>;
  env: InvocationEnv;
}

/** `json`: main's value as JSON (null for undefined); `error`: the failure as the cloud describes it. */
export type ReplyMessage = { id: number; json: string } | { id: number; error: string };

type Main = (event: unknown, context: Record<string, unknown>) => unknown;

const { file, name, clock, modules } = workerData as WorkerData;
const port = parentPort!;

// Before the function's code runs: it (and dayjs) may take "now" at load time.
installSharedClock(clock);
// What the function logs (a line per call, often) is written out by this thread, not handed to the main one.
writeStdioDirectly();
installModuleCache(modules);
// A plain object in place of Node's environment store: the SDK reads a dozen variables per request, and a read of
// the store goes through C++ each time. The thread's environment was already its own copy; child processes the
// function starts get this object as their environment, as they got the copy.
process.env = { ...process.env };

// A function that leaves a promise rejected or throws from a timer does not end its warm instance (as before
// workers: the emulator logged it and went on).
process.on('unhandledRejection', (err) => console.error(`[emulator] unhandled rejection in function ${name}:`, err));
process.on('uncaughtException', (err) => console.error(`[emulator] uncaught exception in function ${name}:`, err));

let main: Main | undefined;

function load(): Main {
  if (main) return main;
  // A module that failed to load is not cached: the next invocation tries again, as a cold start would.
  // Its own `require('wx-server-sdk')` resolves from its folder.
  const mod = createRequire(file)(file) as { main?: unknown };
  if (typeof mod.main !== 'function') throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', `${name}/index.js does not export main`);
  main = mod.main as Main;
  shareModuleCache();
  return main;
}

async function invoke({ id, event, context, env }: InvokeMessage): Promise<ReplyMessage> {
  try {
    setInvocationEnv(env);
    const returned = await load()(event, context);
    // The cloud hands the result over as JSON: what cannot be serialised does not reach the caller.
    return { id, json: returned === undefined ? 'null' : (JSON.stringify(returned) ?? 'null') };
  } catch (err) {
    return { id, error: err instanceof InvokeError ? err.message : describe(err) };
  }
}

port.on('message', (msg: InvokeMessage) => {
  void invoke(msg).then((reply) => port.postMessage(reply));
});
