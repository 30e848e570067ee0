import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The variables WeChat Cloud sets per invocation. wx-server-sdk and @cloudbase/node-sdk read them from
 * `process.env` at call time, and a function's worker (function-worker.ts) runs its concurrent invocations side by
 * side, so each needs its own view. Installed in each worker, never in the emulator's own thread.
 */
export const PER_INVOCATION_KEYS = [
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_SOURCE',
  'TCB_SOURCE',
  'TCB_SEQID',
  'TRIGGER_SRC',
  'SCF_FUNCTIONNAME',
] as const;

export type InvocationEnv = Partial<Record<(typeof PER_INVOCATION_KEYS)[number], string>>;

const managed = new Set<string>(PER_INVOCATION_KEYS);
const storage = new AsyncLocalStorage<InvocationEnv>();
let installed = false;

/**
 * Replaces `process.env` with a view that answers the per-invocation keys from the current async context (an
 * invocation's own values, or nothing outside any invocation) and everything else from the real environment.
 */
export function installInvocationEnv(): void {
  if (installed) return;
  installed = true;
  const base = process.env;
  const own = (key: string | symbol): InvocationEnv | undefined =>
    typeof key === 'string' && managed.has(key) ? (storage.getStore() ?? {}) : undefined;
  process.env = new Proxy(base, {
    get: (target, key) => {
      const env = own(key);
      return env ? env[key as keyof InvocationEnv] : Reflect.get(target, key);
    },
    has: (target, key) => {
      const env = own(key);
      return env ? env[key as keyof InvocationEnv] !== undefined : Reflect.has(target, key);
    },
    set: (target, key, value) => {
      const env = own(key);
      if (!env) return Reflect.set(target, key, value);
      env[key as keyof InvocationEnv] = String(value);
      return true;
    },
    deleteProperty: (target, key) => {
      const env = own(key);
      if (!env) return Reflect.deleteProperty(target, key);
      delete env[key as keyof InvocationEnv];
      return true;
    },
    ownKeys: (target) => {
      const env = storage.getStore() ?? {};
      const inherited = Reflect.ownKeys(target).filter((k) => typeof k !== 'string' || !managed.has(k));
      return [...inherited, ...Object.keys(env).filter((k) => env[k as keyof InvocationEnv] !== undefined)];
    },
    getOwnPropertyDescriptor: (target, key) => {
      const env = own(key);
      if (!env) return Reflect.getOwnPropertyDescriptor(target, key);
      const value = env[key as keyof InvocationEnv];
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
}

/** Runs `fn` (and everything it awaits or schedules) with `env` as its per-invocation environment. */
export function runWithEnv<T>(env: InvocationEnv, fn: () => T): T {
  return storage.run({ ...env }, fn);
}
