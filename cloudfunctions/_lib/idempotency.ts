import { createHash } from 'node:crypto';
import { transientCodes, type Reply } from '../../src/shared/contract';
import { fail } from './reply';
import { collections, db, type Loose } from './runtime';
import type { RetryRecord } from './transact';

/** A pending record older than this is taken to be a crashed attempt, and the action may run again. */
const PENDING_TTL_MS = 30_000;

interface RequestDoc {
  status: 'pending' | 'done';
  action: string;
  openid: string;
  at: Date;
  reply?: Reply<unknown>;
}

export interface RetryKey {
  openid: string;
  action: string;
  requestId: string | undefined;
}

/**
 * How a use case keeps its retry record. `apart`: a pending record before it runs and the reply after (three
 * requests), which keeps twins of any action apart. `inTransaction`: the use case writes the reply in its
 * effect's transaction (one request, through the RetryRecord it is given); only for effects that are
 * idempotent by their own keys (a posting's id), since twins then both run and the second finds the first's.
 */
export type RecordMode = 'apart' | 'inTransaction';

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
  if (!key.requestId) return run(undefined);
  const _id = createHash('sha256').update(`${key.openid}\n${key.action}\n${key.requestId}`).digest('hex').slice(0, 40);
  const requests = db.collection(collections.requests);
  const found: Loose = await requests.doc(_id).get();
  const previous = found.data as RequestDoc | null;
  if (previous?.status === 'done' && previous.reply) return previous.reply;
  if (previous && Date.now() - new Date(previous.at).getTime() < PENDING_TTL_MS) return fail('REQUEST_IN_PROGRESS');

  const pending: RequestDoc = { status: 'pending', action: key.action, openid: key.openid, at: new Date() };
  if (mode === 'apart') {
    try {
      if (previous) await requests.doc(_id).set({ data: pending });
      else await requests.add({ data: { _id, ...pending } });
    } catch {
      return fail('REQUEST_IN_PROGRESS'); // a twin of this call inserted first
    }
  }
  const record = inTransactionRecord(_id, pending, toReply);
  const reply = await run(mode === 'inTransaction' ? record : undefined);
  if (record.recorded) return record.recorded;
  try {
    if (!reply.ok && transientCodes.has(reply.code)) {
      if (mode === 'apart') await requests.doc(_id).remove();
    } else await requests.doc(_id).set({ data: { ...pending, status: 'done', reply } });
  } catch (error) {
    // The reply is true of what ran: an unkept record must not turn it into INTERNAL. The pending record
    // lapses and a retry runs again, which finds its posting (or order) already made.
    console.warn('[idempotency] reply not recorded', key.action, error);
  }
  return reply;
}

/** The record a use case writes in its own transaction; `recorded` is the reply once that transaction committed. */
function inTransactionRecord(_id: string, pending: RequestDoc, toReply: (output: unknown) => Reply<unknown>) {
  let staged: Reply<unknown> | null = null;
  const record = {
    recorded: null as Reply<unknown> | null,
    async write(tx: Loose, output: unknown) {
      staged = toReply(output);
      await tx
        .collection(collections.requests)
        .doc(_id)
        .set({ data: { ...pending, status: 'done', reply: staged } });
    },
    committed() {
      record.recorded = staged;
    },
  };
  return record;
}
