import type { z } from 'zod';
import { areaOf, eventSchema, type ActionSpec, type Reply } from '../../../src/shared/contract';
import type { UserProfile } from '../../../src/shared/domain/org';
import { loadUserAnd } from './actor';
import { counting } from './db-count';
import { log } from './log-line';
import { replayOf, replayOnRetry, type RecordMode } from './idempotency';
import { DomainError } from '../../../src/shared/domain/errors';
import { badInput, fail, fromError, ok } from './reply';
import { cloud } from './runtime';
import type { RetryRecord } from './transact';

/** What a use case gets besides its parsed input: the caller (from OPENID only) and the retry key. */
export interface Context {
  openid: string;
  user: UserProfile;
  requestId: string | undefined;
  /** Set for a handler defined with `record: 'inTransaction'`: the use case writes it in its effect's transaction. */
  request?: RetryRecord;
  /**
   * For a handler that names its `subject`: the profile of the person the payload names, read with the caller's
   * (null: not registered). Undefined when nobody was named, or it is the caller themselves.
   */
  subject?: Subject;
  /**
   * A 注销 of this WeChat account is still clearing its records (the marker in place of the profile): a public
   * action that would register them again waits for it (`ACCOUNT_ERASING`). Read with the caller, at no cost.
   */
  erasing?: boolean;
}

/** A person named by the payload, and their profile as read with the caller's (null: not registered). */
export interface Subject {
  id: string;
  profile: UserProfile | null;
}

/** A `'public'` action's context: the caller may have no record yet (a newcomer). */
export interface GuestContext extends Omit<Context, 'user'> {
  user: UserProfile | null;
}

export interface Handler<S extends ActionSpec = ActionSpec> {
  spec: S;
  run(input: z.output<S['input']>, ctx: GuestContext): Promise<z.input<S['output']>>;
  /** Where a mutating call's retry record is kept (idempotency.ts); `apart` unless the use case takes it in. */
  record: RecordMode;
  /** The payload field naming the person the action is about (a staff entry's `openid`), read with the caller. */
  subject?: string;
}

export function defineHandler<S extends ActionSpec>(
  spec: S,
  run: (input: z.output<S['input']>, ctx: Context) => Promise<z.input<S['output']>>,
  opts: { record?: RecordMode; subject?: string } = {},
): Handler<S> {
  const asMember: Handler<S>['run'] = (input, ctx) => {
    // The wrapper lets only 'public' actions through without a record; a registered-only use case never sees null.
    if (!ctx.user) return Promise.reject(new DomainError('NOT_REGISTERED'));
    return run(input, { ...ctx, user: ctx.user });
  };
  return { spec, run: asMember, record: opts.record ?? 'apart', subject: opts.subject };
}

/** A use case of a `'public'` action: it decides itself what a caller without a record may see or do. */
export function definePublicHandler<S extends ActionSpec>(spec: S, run: Handler<S>['run'], opts: { record?: RecordMode } = {}): Handler<S> {
  if (spec.roles !== 'public') throw new Error(`${spec.name} is not a public action`);
  return { spec, run, record: opts.record ?? 'apart' };
}

/** The id the payload names in `field`, if it is one (the payload is validated later, against the contract). */
function namedIn(payload: unknown, field: string | undefined): string | undefined {
  const value = field && typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : undefined;
}

/** A timer trigger's work: no caller, returns a summary for the logs. */
export type TimerJob = () => Promise<Record<string, unknown>>;

interface TimerEvent {
  Type: 'timer';
  TriggerName: string;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'timer';
}

/**
 * What an invocation's one log line says (JSON, so the console's log search finds a request by its requestId):
 * the function, the action and its requestId or the timer, the caller's roles (null: not registered) — never who
 * they are —, the outcome (OK or the error code), milliseconds, DB requests, and a timer's summary.
 */
interface LogLine {
  fn: string;
  action?: string;
  requestId?: string | null;
  roles?: readonly string[] | null;
  timer?: string;
}

function allows(spec: ActionSpec, user: UserProfile | null): boolean {
  if (spec.roles === 'public') return true;
  if (!user) return false;
  if (spec.roles === 'registered') return true;
  return spec.roles.some((role) => user.roles.includes(role));
}

/**
 * The one entry point of every cloud function: route by action, identify the caller from the WeChat
 * context, authorise by role (deny by default), validate the payload, run the use case once per
 * requestId, validate what goes out (dropping any field the contract does not name), map errors.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list holds handlers of different specs; each is typed where defined
export function createFunction(area: string, handlers: Handler<any>[], timers: Record<string, TimerJob> = {}) {
  const byName = new Map<string, Handler>(handlers.map((h) => [h.spec.name, h]));

  return async function main(event: unknown): Promise<Reply<unknown> | Record<string, unknown>> {
    const started = Date.now();
    const line: LogLine = { fn: area };
    try {
      const { value, requests } = await counting(() => dispatch(event, line));
      const reply = value as { ok?: unknown; code?: unknown };
      const outcome = reply.ok === false ? String(reply.code) : 'OK';
      log({ ...line, outcome, ms: Date.now() - started, db: requests, ...(line.timer ? { summary: value } : {}) });
      return value;
    } catch (error) {
      log({ ...line, outcome: 'THROWN', ms: Date.now() - started });
      throw error;
    }
  };

  async function dispatch(event: unknown, line: LogLine): Promise<Reply<unknown> | Record<string, unknown>> {
    if (isTimerEvent(event)) {
      line.timer = event.TriggerName;
      // A timer's invocation has no caller; a mini-program's call always has one, whatever data it sends.
      if (cloud.getWXContext().OPENID) return fail('FORBIDDEN_ROLE', '定时任务只能由云端触发器运行');
      const job = timers[event.TriggerName];
      if (!job) return fail('UNKNOWN_ACTION', `没有名为 ${event.TriggerName} 的定时任务`);
      return job();
    }
    // Stamped after any replay: the time is when this answer left, for the app's clock.
    return { ...(await answer(event, line)), serverTime: new Date().toISOString() };
  }

  async function answer(event: unknown, line: LogLine): Promise<Reply<unknown>> {
    const parsedEvent = eventSchema.safeParse(event);
    if (!parsedEvent.success) return badInput(parsedEvent.error);
    const { action, payload, requestId } = parsedEvent.data;
    line.action = action;
    line.requestId = requestId ?? null;
    const handler = byName.get(action);
    if (!handler || areaOf(action) !== area) return fail('UNKNOWN_ACTION');

    const { OPENID } = cloud.getWXContext();
    if (!OPENID) return fail('UNAUTHENTICATED');
    try {
      const named = namedIn(payload, handler.subject);
      const { user, other, erasing } = await loadUserAnd(OPENID, named);
      line.roles = user ? user.roles : null;
      if (!user && handler.spec.roles !== 'public') {
        // A mutation that ended their registration (注销, 退出) replays its reply to a retry.
        const replay = handler.spec.mutates ? await replayOf({ openid: OPENID, action, requestId }) : null;
        return replay ?? fail('NOT_REGISTERED');
      }
      const subject = named && other !== undefined ? { id: named, profile: other } : undefined;
      if (!allows(handler.spec, user)) return fail('FORBIDDEN_ROLE');
      const input = handler.spec.input.safeParse(payload ?? {});
      if (!input.success) return badInput(input.error);
      const toReply = (output: unknown) => ok(handler.spec.output.parse(output));
      const run = async (request?: RetryRecord): Promise<Reply<unknown>> => {
        try {
          return toReply(await handler.run(input.data, { openid: OPENID, user, requestId, request, subject, erasing }));
        } catch (error) {
          return fromError(error, action);
        }
      };
      if (!handler.spec.mutates) return await run();
      return await replayOnRetry({ openid: OPENID, action, requestId }, handler.record, toReply, run);
    } catch (error) {
      return fromError(error, action);
    }
  }
}
