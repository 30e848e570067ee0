import { createHash } from 'node:crypto';
import { transientCodes, type Reply } from '../../src/shared/contract';
import { fail } from './reply';
import { collections, db, type Loose } from './runtime';

/** A pending record older than this is taken to be a crashed attempt, and the action may run again. */
const PENDING_TTL_MS = 30_000;

/**
 * A retried mutating call (same caller, action and requestId) gets the first call's reply instead of
 * running again. Failures are replayed too (the same bad input stays bad), except transient ones.
 */
export async function replayOnRetry(
  key: { openid: string; action: string; requestId: string | undefined },
  run: () => Promise<Reply<unknown>>,
): Promise<Reply<unknown>> {
  if (!key.requestId) return run();
  const _id = createHash('sha256').update(`${key.openid}\n${key.action}\n${key.requestId}`).digest('hex').slice(0, 40);
  const requests = db.collection(collections.requests);
  const found: Loose = await requests.where({ _id }).limit(1).get();
  const previous = found.data[0] as { status: 'pending' | 'done'; at: Date; reply?: Reply<unknown> } | undefined;
  if (previous?.status === 'done' && previous.reply) return previous.reply;
  if (previous && Date.now() - new Date(previous.at).getTime() < PENDING_TTL_MS) return fail('REQUEST_IN_PROGRESS');

  const pending = { status: 'pending', action: key.action, openid: key.openid, at: new Date() };
  try {
    if (previous) await requests.doc(_id).set({ data: pending });
    else await requests.add({ data: { _id, ...pending } });
  } catch {
    return fail('REQUEST_IN_PROGRESS'); // a twin of this call inserted first
  }
  const reply = await run();
  try {
    if (!reply.ok && transientCodes.has(reply.code)) await requests.doc(_id).remove();
    else await requests.doc(_id).set({ data: { ...pending, status: 'done', reply } });
  } catch (error) {
    // The reply is true of what ran: an unkept record must not turn it into INTERNAL. The pending record
    // lapses and a retry runs again, which finds its posting (or order) already made.
    console.warn('[idempotency] reply not recorded', key.action, error);
  }
  return reply;
}
