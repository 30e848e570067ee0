import Taro from '@tarojs/taro';
import { areaOf } from '../shared/contract/action';
import type { ActionName, Input, Output } from '../shared/contract';
import type { Reply } from '../shared/contract/envelope';
import { errorMessages } from '../shared/contract/errors';
import { noteCareModeIn } from './care-mode';
import { onNotRegistered } from './guest';
import { currentPersona } from './persona';
import { noteServerTime } from './server-clock';
import { forget, isSessionRead, remembered } from './session-cache';

export interface CallOptions {
  /** Idempotency key of a mutating action; pass the same one when the user retries the same submission. */
  requestId?: string;
  /** Ask the server even for an answer kept for the session (`user.me`, categories): a retry or a pull-to-refresh. */
  fresh?: boolean;
  /**
   * Asked by the app, not by the page the person is on (the unread badge as the app shows): a NOT_REGISTERED
   * answer moves nobody. Answered while the first page is still opening, it would otherwise send a newcomer who
   * scanned a building code from the join page to the welcome page.
   */
  background?: boolean;
}

/** What the caller sees when the request never got an answer: the same shape as any other failure. */
const unreachable = { ok: false, code: 'INTERNAL', message: '网络不稳定，请检查网络后重试' } as const;
/** The function itself failed (crashed, timed out): the request arrived, so the network is not to blame. */
const crashed = { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL } as const;

/** A transport answer that says the function ran and failed, as opposed to a request that never arrived. */
class FunctionFailed extends Error {}

/**
 * The only caller of cloud functions. The function is the action's area (`wish.create` → `wish`);
 * every outcome, including a lost network, comes back as a Reply, never as a thrown error. Who the caller
 * is and the category lists are asked once per caller while the app is open (session-cache.ts).
 */
export function call<A extends ActionName>(action: A, payload: Input<A>, opts: CallOptions = {}): Promise<Reply<Output<A>>> {
  if (!isSessionRead(action)) return ask(action, payload, opts);
  if (opts.fresh) forget(action);
  return remembered(currentPersona()?.openid ?? '', action, () => ask(action, payload, opts));
}

async function ask<A extends ActionName>(action: A, payload: Input<A>, opts: CallOptions): Promise<Reply<Output<A>>> {
  const event = { action, payload, ...(opts.requestId ? { requestId: opts.requestId } : {}) };
  try {
    const sentAt = Date.now();
    const reply = asReply<Output<A>>(await send(areaOf(action), event));
    noteServerTime(reply.serverTime, sentAt, Date.now());
    if (reply.ok) noteCareModeIn(reply.data);
    // A newcomer is welcomed, not shown an error: the page they are on sends them to the welcome page.
    if (!reply.ok && reply.code === 'NOT_REGISTERED' && !opts.background) onNotRegistered();
    return reply;
  } catch (err) {
    console.warn(`[api] ${action} failed`, err);
    return err instanceof FunctionFailed ? crashed : unreachable;
  }
}

function send(name: string, event: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    // wx.cloud rejects with a numeric errCode when the function ran and failed; network errors carry none.
    return Taro.cloud.callFunction({ name, data: event }).then(
      (res) => res.result,
      (err: { errCode?: unknown; errMsg?: string }) => {
        throw typeof err?.errCode === 'number' ? new FunctionFailed(err.errMsg) : err;
      },
    );
  }
  return postJson(`/__emulator/invoke/${name}`, event);
}

/** H5 talks to the local emulator's gateway on the same origin, acting as the chosen demo persona. */
async function postJson(url: string, body: object): Promise<unknown> {
  const openid = currentPersona()?.openid;
  const res = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Linli-OpenId': openid } : {}) },
  });
  if (!res.ok) throw new FunctionFailed(`HTTP ${res.status}: ${await res.text()}`);
  return res.json();
}

/** A function that crashed or answered something else is a failure the user can retry, not a crash of the page. */
function asReply<T>(result: unknown): Reply<T> {
  if (result && typeof result === 'object' && 'ok' in result) {
    const reply = result as Reply<T>;
    if (reply.ok || (typeof reply.code === 'string' && typeof reply.message === 'string')) return reply;
  }
  return crashed;
}
