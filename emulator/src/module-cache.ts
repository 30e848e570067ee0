// What a cold instance's module loading can reuse from the instances started before it. Each instance is a worker
// thread with its own module cache and globals (function-worker.ts), so each loads its function and the SDK afresh:
// ~430 modules, ~240 ms of CPU, of which finding the files (Node's resolution: stats, package.json reads, path
// work) and compiling them are ~40 and ~20 ms. Both give the same answer every time, so the answers of the first
// instances are kept and handed to the next ones: the file each `require` resolved to, and V8's code cache of each
// module compiled. Every module still runs in the instance's own realm: nothing of its state is shared, only where
// the file is and its compiled code.
//
// The main thread holds the caches (moduleCacheSnapshot, passed in each worker's workerData); a worker adds what it
// learned through a BroadcastChannel once its function has loaded (shareModuleCache). With LINLI_MODULE_CACHE
// naming a directory, they are also kept there for the other emulator processes using it: a test run's, whose
// files each start their own emulator (jest's globalSetup makes a fresh one per run and removes it after). The
// instances a clock jump starts all at once (one per timer trigger) then find the caches already filled.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { BroadcastChannel, threadId } from 'node:worker_threads';

export interface ModuleCacheData {
  /** `<folder of the requiring file>\0<request>` → the file it resolved to; requests made from inside node_modules only. */
  resolved: Record<string, string>;
  /** sha1 of `<file>\0<its source>` → V8's code cache for it. */
  code: Record<string, Uint8Array>;
}

const CHANNEL = 'cloudbase-emulator:module-cache';

/**
 * Only what packages under node_modules require is remembered: an installed package does not move while the
 * emulator runs (nor during a test run), while a function's own folder is rebuilt under it (a new index.js may
 * require something else).
 */
const INSTALLED = `${sep}node_modules${sep}`;

// ---- The main thread: the caches of this process (and of the directory shared with others). ----

let kept: ModuleCacheData | undefined;

/** What the instances started so far have learned; passed to the next one (workerData). */
export function moduleCacheSnapshot(): ModuleCacheData {
  if (kept) return kept;
  const dir = process.env.LINLI_MODULE_CACHE || undefined;
  const cache: ModuleCacheData = dir ? readShared(dir) : { resolved: {}, code: {} };
  kept = cache;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    const learned = (event as { data: ModuleCacheData }).data;
    Object.assign(cache.resolved, learned.resolved);
    Object.assign(cache.code, learned.code);
    if (dir) writeShared(dir, cache, learned);
  };
  // It never keeps the emulator from exiting.
  channel.unref();
  return cache;
}

function readShared(dir: string): ModuleCacheData {
  const cache: ModuleCacheData = { resolved: {}, code: {} };
  try {
    cache.resolved = JSON.parse(readFileSync(join(dir, 'resolved.json'), 'utf8')) as Record<string, string>;
  } catch {
    // None yet (or half of one from a process that was killed): this process starts the file.
  }
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, 'code')).filter((name) => /^[0-9a-f]{40}$/.test(name));
  } catch {
    // None yet.
  }
  for (const name of names) cache.code[name] = readFileSync(join(dir, 'code', name));
  return cache;
}

/** Each file is written whole under another name and renamed, so another process reads the old one or the new. */
function writeShared(dir: string, cache: ModuleCacheData, learned: ModuleCacheData): void {
  try {
    mkdirSync(join(dir, 'code'), { recursive: true });
    const tmp = (name: string) => `${name}.${process.pid}-${threadId}.tmp`;
    for (const [name, data] of Object.entries(learned.code)) {
      const file = join(dir, 'code', name);
      writeFileSync(tmp(file), data);
      renameSync(tmp(file), file);
    }
    if (Object.keys(learned.resolved).length > 0) {
      const file = join(dir, 'resolved.json');
      writeFileSync(tmp(file), JSON.stringify(cache.resolved));
      renameSync(tmp(file), file);
    }
  } catch (err) {
    // A cache: the next instance loads the slow way.
    console.warn(`[emulator] could not keep the module cache in ${dir}: ${(err as Error).message}`);
  }
}

// ---- A worker: the hooks into Node's CommonJS loader. ----

interface Internals {
  _resolveFilename(request: string, parent: Module | undefined, isMain: boolean, options?: unknown): string;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<NodeModule>;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
}
/** import( anywhere, comments included: such a module is compiled without the cache. */
const DYNAMIC_IMPORT = /\bimport\s*\(/;
type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;

const learned: ModuleCacheData = { resolved: {}, code: {} };
/** What this worker was given (installModuleCache). */
let given: ModuleCacheData | undefined;
/** Compiled without a code cache, to produce theirs once the function has loaded (the functions compiled lazily meanwhile included). */
const fresh: { key: string; script: Script }[] = [];

/**
 * Installs the hooks in this worker, before the function loads: resolutions and compiled code found in `known`
 * are taken from it, and what is new is kept for shareModuleCache. With source maps on, resolutions only.
 */
export function installModuleCache(known: ModuleCacheData): void {
  given = known;
  const loader = Module as unknown as Internals;
  const resolve = loader._resolveFilename.bind(Module);
  loader._resolveFilename = (request, parent, isMain, options) => {
    const from = parent?.filename;
    if (options !== undefined || !from || !from.includes(INSTALLED)) return resolve(request, parent, isMain, options);
    const key = `${dirname(from)}\0${request}`;
    const hit = known.resolved[key] ?? learned.resolved[key];
    if (hit !== undefined) return hit;
    const file = resolve(request, parent, isMain, options);
    // Built-in modules resolve to their own name; only files are worth remembering.
    if (file.startsWith(sep)) learned.resolved[key] = file;
    return file;
  };

  // With source maps on (`npm start`), Node's own compile registers each module's map for its stack traces.
  if (process.sourceMapsEnabled) return;
  const proto = Module.prototype as unknown as { _compile: Compile };
  const compile = proto._compile;
  proto._compile = function (content, filename, format) {
    // ES modules (required through require(esm)), scripts with a #! line and any that may call import() go Node's
    // own way: code compiled from V8's cache loses the callback import() needs (Node 20: "A dynamic import callback
    // was not specified"), whatever vm.Script was told.
    if ((format !== undefined && format !== 'commonjs') || content.startsWith('#!') || DYNAMIC_IMPORT.test(content)) {
      return compile.call(this, content, filename, format);
    }
    const key = createHash('sha1').update(filename).update('\0').update(content).digest('hex');
    const cachedData = known.code[key] ?? learned.code[key];
    let script: Script;
    try {
      script = new Script(Module.wrap(content), { filename, cachedData });
    } catch {
      // Not a CommonJS script after all (ESM syntax Node detects): its own loader decides, and reports errors as it does.
      return compile.call(this, content, filename, format);
    }
    if (!cachedData || script.cachedDataRejected) fresh.push({ key, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireOf(this, loader), this, filename, dirname(filename));
  };
}

/** The `require` a module gets, as Node's loader builds it (lib/internal/modules/helpers makeRequireFunction). */
function requireOf(mod: Module, loader: Internals): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}

/**
 * Hands what this worker learned to the main thread, for the instances started after it, once its function has
 * loaded. The compiled code it was given is let go then: it holds every module any instance loaded (~4 MB), and a
 * module required later is compiled without it.
 */
export function shareModuleCache(): void {
  if (given) given.code = {};
  for (const { key, script } of fresh.splice(0)) learned.code[key] = script.createCachedData();
  if (Object.keys(learned.resolved).length === 0 && Object.keys(learned.code).length === 0) return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(learned);
  channel.close();
  learned.resolved = {};
  learned.code = {};
}
