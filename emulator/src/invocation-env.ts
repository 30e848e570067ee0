/**
 * The variables WeChat Cloud sets per invocation. wx-server-sdk and @cloudbase/node-sdk read them from
 * `process.env` at call time. An instance runs one invocation at a time (function-runner.ts), as on the cloud, so
 * its worker (function-worker.ts) sets them in its own `process.env` (each worker thread has its own copy) before
 * each call: plain properties, read as fast as any other variable.
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

/**
 * Makes `env` the invocation's environment: its keys set, the per-invocation keys it lacks removed (what the
 * previous invocation set, or wrote, is gone). Never called in the emulator's own thread.
 */
export function setInvocationEnv(env: InvocationEnv): void {
  for (const key of PER_INVOCATION_KEYS) {
    const value = env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
