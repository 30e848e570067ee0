import type { InvocationEnv } from './invocation-env';

/** Who is calling, as WeChat Cloud describes it to the function through getWXContext(). */
export interface Caller {
  openid?: string;
  unionid?: string;
  appid?: string;
  /** `wx_client`, `wx_trigger`, or a chain such as `wx_client,scf` for a function called by a function. */
  source: string;
}

export interface InvokeRequest {
  name: string;
  event: unknown;
  caller: Caller;
  parentId?: string | null;
  trigger?: string | null;
}

/** A failed invocation, with the code the cloud's API returns (FUNCTIONS_EXECUTE_FAIL → errCode -504002). */
export class InvokeError extends Error {
  invocationId: string | null = null;

  constructor(
    readonly code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_REQUEST_FAIL',
    message: string,
  ) {
    super(message);
  }
}

export interface InvokeResult {
  invocationId: string;
  /** What the function returned, as the cloud hands it over: JSON (`null` for undefined). */
  json: string;
  /** The same, parsed (on each read: a caller that passes the JSON on never parses it). */
  readonly result: unknown;
}

/**
 * The per-invocation environment WeChat Cloud gives a function: getWXContext() reads the WX_* keys listed in
 * WX_CONTEXT_KEYS (plus TCB_ENV and TCB_SOURCE), and the SDK sends TCB_SEQID along with every request.
 */
export function invocationEnv(name: string, caller: Caller, invocationId: string, trigger: string | null): InvocationEnv {
  const wx: InvocationEnv = {
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid,
    WX_UNIONID: caller.unionid,
    WX_SOURCE: caller.source,
  };
  const contextKeys = Object.keys(wx).filter((k) => wx[k as keyof InvocationEnv] !== undefined);
  return {
    ...wx,
    WX_CONTEXT_KEYS: contextKeys.join(','),
    TCB_SOURCE: caller.source,
    TCB_SEQID: invocationId,
    TRIGGER_SRC: trigger ? 'timer' : undefined,
    SCF_FUNCTIONNAME: name,
  };
}

export function actionOf(event: unknown): string | null {
  const action = (event as { action?: unknown } | null)?.action;
  return typeof action === 'string' ? action : null;
}

/** A mini-program call also carries the caller in `event.userInfo`, as WeChat Cloud injects it. */
export function withUserInfo(event: unknown, caller: Caller): unknown {
  if (!caller.openid || event === null || typeof event !== 'object' || Array.isArray(event)) return event;
  return { ...event, userInfo: { appId: caller.appid, openId: caller.openid } };
}

/** The error as the cloud reports it: message and the function's own stack frames, not the emulator's. */
export function describe(err: unknown): string {
  if (err instanceof Error) {
    const frames = (err.stack ?? '')
      .split('\n')
      .slice(1)
      .filter((line) => !line.includes(__filename) && !/\(node:|at node:/.test(line));
    return [`${err.name}: ${err.message}`, ...frames].join('\n');
  }
  try {
    return typeof err === 'string' ? err : JSON.stringify(err);
  } catch {
    return String(err);
  }
}
