import { createHash } from 'node:crypto';
import { transientCodes, type Reply } from '../../../src/shared/contract';
import { fail } from './reply';
import { collections, db } from './runtime';
import type { Tx } from './typed-db';
import type { RequestDoc as StoredRequest } from './documents';
import type { MessageDraft } from './messages';
import type { NoticeDoc } from './outbox';
import type { RetryRecord } from './transact';
import type { CareEvent } from '../../roster/care-docs';

/** A pending record older than this is taken to be a crashed attempt, and the action may run again. */
const PENDING_TTL_MS = 30_000;

type RequestDoc = Omit<StoredRequest, '_id'>;

export interface RetryKey {
  openid: string;
  action: string;
  requestId: string | undefined;
}

/**
 * How a use case keeps its retry record. `apart`: a pending record before it runs and the reply after (three
 * requests), which keeps twins of any action apart. `inTransaction`: the use case inserts the reply in its
 * effect's transaction (one request, through the RetryRecord it is given) and nothing is read first: a retry
 * after success runs again and is undone whole — its state check refuses it, or its record insert finds the
 * first call's — and only then is the first reply read and replayed. Twins both run; one commits. `byKey`: the use
 * case keys its effect by what it is given (an import job by the file's bytes), so a second call with the same
 * requestId must run again — it goes on with the job — and no record is kept. `effect`: the effect is its own
 * record — the ids of what it writes come from the requestId, a retry finds them in its transaction and answers
 * from them (`replayed`) — so a success writes no record at all; a refusal is recorded as with `inTransaction`.
 */
export type RecordMode = 'apart' | 'inTransaction' | 'byKey' | 'effect';

const recordId = (key: RetryKey) => createHash('sha256').update(`${key.openid}\n${key.action}\n${key.requestId}`).digest('hex').slice(0, 40);

/**
 * A retried mutating call (same caller, action and requestId) gets the first call's reply instead of
 * running again: one read by id. Failures are replayed too (the same bad input stays bad), except transient ones.
 */
export async function replayOnRetry(
  key: RetryKey,
  mode: RecordMode,
  toReply: (output: unknown) => Reply<unknown>,
  run: (request: RetryRecord | undefined) => Promise<Reply<unknown>>,
): Promise<Reply<unknown>> {
  if (!key.requestId || mode === 'byKey') return run(undefined);
  const _id = recordId(key);
  const requests = db.collection(collections.requests);
  const pending: RequestDoc = { status: 'pending', action: key.action, openid: key.openid, at: new Date() };
  if (mode === 'inTransaction' || mode === 'effect') {
    const record = inTransactionRecord(_id, pending, toReply);
    const reply = await run(mode === 'effect' ? undefined : record);
    if (record.recorded) return record.recorded;
    if (mode === 'effect' && reply.ok) return reply;
    // Not recorded with an effect: a retry refused by what the first call did, or a reply of its own.
    const first = await recorded(_id);
    if (first) return first;
    return keep(_id, key, reply, 'inTransaction');
  }
  const found = await requests.doc(_id).get();
  const previous = (found.data ?? null) as RequestDoc | null;
  if (previous?.status === 'done' && previous.reply) return previous.reply;
  if (previous && Date.now() - new Date(previous.at).getTime() < PENDING_TTL_MS) return fail('REQUEST_IN_PROGRESS');
  try {
    if (previous) await requests.doc(_id).set({ data: pending });
    else await requests.add({ data: { _id, ...pending } });
  } catch {
    return fail('REQUEST_IN_PROGRESS'); // a twin of this call inserted first
  }
  return keep(_id, key, await run(undefined), 'apart');
}

/**
 * The reply a call made before, for a caller no longer registered: a retry of 注销 (user.deleteMine) or 退出
 * answers as the first call did rather than NOT_REGISTERED. One read by id; null when there was none.
 */
export async function replayOf(key: RetryKey): Promise<Reply<unknown> | null> {
  return key.requestId ? recorded(recordId(key)) : null;
}

async function recorded(_id: string): Promise<Reply<unknown> | null> {
  const found = await db.collection(collections.requests).doc(_id).get();
  const doc = (found.data ?? null) as RequestDoc | null;
  return doc?.status === 'done' && doc.reply ? doc.reply : null;
}

/** Records a reply made outside an effect's transaction (a transient failure is not kept: a retry runs again). */
async function keep(_id: string, key: RetryKey, reply: Reply<unknown>, mode: RecordMode): Promise<Reply<unknown>> {
  const requests = db.collection(collections.requests);
  try {
    if (!reply.ok && transientCodes.has(reply.code)) {
      if (mode === 'apart') await requests.doc(_id).remove();
    } else await requests.doc(_id).set({ data: { status: 'done', action: key.action, openid: key.openid, at: new Date(), reply } });
  } catch (error) {
    // The reply is true of what ran: an unkept record must not turn it into INTERNAL. The pending record
    // lapses and a retry runs again, which finds its posting (or order) already made.
    console.warn('[idempotency] reply not recorded', key.action, error);
  }
  return reply;
}

/**
 * The record a use case writes in its own transaction; `recorded` is the reply once that transaction committed.
 * Inserted, not set: if the first call's record is there, the insert fails and the whole attempt is undone.
 */
function inTransactionRecord(_id: string, pending: RequestDoc, toReply: (output: unknown) => Reply<unknown>) {
  let staged: Reply<unknown> | null = null;
  const record = {
    id: _id,
    recorded: null as Reply<unknown> | null,
    async write(
      tx: Tx,
      output: unknown,
      notices: readonly NoticeDoc[],
      messages: readonly MessageDraft[] = [],
      careEvents: readonly CareEvent[] = [],
    ) {
      staged = toReply(output);
      const carried = notices.length > 0 ? { notices, noticesPending: true } : {};
      const told = messages.length > 0 || careEvents.length > 0 ? { messages, messagesPending: true } : {};
      const cared = careEvents.length > 0 ? { careEvents } : {};
      await tx.collection(collections.requests).add({ data: { _id, ...pending, status: 'done', reply: staged, ...carried, ...told, ...cared } });
    },
    stage(output: unknown) {
      staged = toReply(output);
    },
    committed() {
      record.recorded = staged;
    },
  };
  return record;
}
