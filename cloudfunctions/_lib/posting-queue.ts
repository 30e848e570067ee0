import { randomBytes } from 'node:crypto';
import { DomainError } from '../../src/shared/domain/errors';
import type { Posting, PostingInput } from '../../src/shared/domain/ledger';
import { tryLease } from './lease';
import { applyBatch, unwrap, withConflictRetries, type Outcome, type PostOptions, type PostResult } from './ledger-batch';
import { _, collections, db, type Loose } from './runtime';
import { readIn, transact } from './transact';

/** How many queued postings one transaction applies. */
const BATCH = 50;
/**
 * How long a caller waits for its posting before being told to retry. LINLI_POSTING_WAIT_MS shortens it,
 * so a test can make callers give up while their postings are being applied.
 */
const WAIT_MS = Number(process.env.LINLI_POSTING_WAIT_MS) || 20_000;

/**
 * One caller's request to apply one posting. Its outcome is decided in exactly one place: the drain
 * transaction that finds it still queued (applied or refused), or the caller's own withdrawal (never applied).
 */
interface Intent {
  _id: string;
  key: string;
  status: 'queued' | 'done' | 'refused';
  input: PostingInput;
  opts: PostOptions;
  at: Date;
  outcome: Outcome | null;
}

const intents = () => db.collection(collections.postingIntents);
/** Waiting callers look again after growing pauses, so a crowd of them does not drown the one applying. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(500, 10 * 1.6 ** attempt) * (0.5 + Math.random())));

/**
 * Queues a posting for one person's balance and waits for it to be applied. Whoever holds the
 * person's lease applies every queued posting in order, in batches (group commit); the others only
 * watch their own intent. Every call queues an intent of its own, so when several calls carry one
 * posting id, the one applied first posts and every other one is answered as the replay it is.
 */
export async function enqueuePosting(key: string, input: PostingInput, opts: PostOptions): Promise<PostResult> {
  const id = `${input._id}#${randomBytes(6).toString('hex')}`;
  await intents().add({ data: { _id: id, key, status: 'queued', input, opts, at: new Date(), outcome: null } });
  const started = Date.now();
  for (let attempt = 0; Date.now() - started < WAIT_MS; attempt++) {
    const mine: Loose = await intents().doc(id).get();
    const intent = mine.data as Intent | null;
    if (intent?.outcome) return answer(id, intent.outcome);
    // Someone usually holds the lease and is applying our posting; try to take over only now and then.
    const release = attempt % 4 === 0 ? await tryLease(`postings:${key}`) : null;
    if (!release) {
      await pause(attempt);
      continue;
    }
    try {
      while (await drain(key)) {
        // keep applying while others keep queuing: they are waiting on us
      }
    } catch (error) {
      // Our own intent may still be applied by the next holder: only withdrawing it can make a refusal true.
      console.warn('[ledger] drain failed', key, error);
    } finally {
      await release();
    }
  }
  return withdraw(id, input._id);
}

/** The caller's answer is its intent's outcome; the settled intent is only clutter now. */
async function answer(id: string, outcome: Outcome): Promise<PostResult> {
  await intents()
    .doc(id)
    .remove()
    .catch((error: unknown) => console.warn('[ledger] intent cleanup failed', id, error));
  return unwrap(outcome);
}

/**
 * After the wait: withdraws the intent in a transaction that reads it, so it either finds the outcome a
 * drain recorded (and answers it) or removes an intent no drain can apply any more (and answers busy, which
 * is then true). The transaction conflicts only with the one drain that settles the intent, so it ends.
 */
async function withdraw(id: string, postingId: string): Promise<PostResult> {
  const decided = await transact(async (tx): Promise<Outcome | null> => {
    const intent = await readIn<Intent>(tx, collections.postingIntents, id);
    if (intent?.outcome) return intent.outcome;
    if (intent) await tx.collection(collections.postingIntents).doc(id).remove();
    // Another call with this posting id may have posted it: then this one is a replay, not a failure.
    const posting = await readIn<Posting>(tx, collections.postings, postingId);
    return posting ? { ok: true, result: { posting, replayed: true } } : null;
  }, 'POINTS_BUSY');
  if (!decided) throw new DomainError('POINTS_BUSY');
  return answer(id, decided);
}

/**
 * Applies the oldest queued postings of `key` in one transaction and records each one's outcome; false when
 * none were queued. The query only names candidates: each intent is read again inside the transaction and
 * applied only if still queued, so one withdrawn or settled meanwhile (even between retries) is left alone.
 */
async function drain(key: string): Promise<boolean> {
  const res: Loose = await intents().where({ key, status: 'queued' }).orderBy('at', 'asc').limit(BATCH).field({ _id: true }).get();
  const ids = (res.data as { _id: string }[]).map((i) => i._id);
  if (ids.length === 0) return false;
  await withConflictRetries(() =>
    db.runTransaction(async (tx: Loose) => {
      const batch: Intent[] = [];
      // One read at a time: fifty at once inside the transaction measured slower under a crowd.
      for (const id of ids) {
        const intent = await readIn<Intent>(tx, collections.postingIntents, id);
        if (intent?.status === 'queued') batch.push(intent);
      }
      const outcomes = await applyBatch(
        tx,
        batch.map((i) => ({ input: i.input, opts: i.opts })),
        new Date(),
      );
      for (const [n, intent] of batch.entries()) {
        const outcome = outcomes[n];
        await tx
          .collection(collections.postingIntents)
          .doc(intent._id)
          .update({ data: { status: outcome.ok ? 'done' : 'refused', outcome: _.set(outcome) } });
      }
    }, 0),
  );
  return true;
}
