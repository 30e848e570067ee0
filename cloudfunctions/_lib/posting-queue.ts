import { DomainError } from '../../src/shared/domain/errors';
import type { Posting, PostingInput } from '../../src/shared/domain/ledger';
import { tryLease } from './lease';
import { applyBatch, unwrap, withConflictRetries, type Outcome, type PostOptions, type PostResult } from './ledger-batch';
import { _, collections, db, type Loose } from './runtime';

/** How many queued postings one transaction applies. */
const BATCH = 50;
/** How long a caller waits for its posting before being told to retry (the posting may still land). */
const WAIT_MS = 20_000;

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
 * watch their own intent. A posting id queued twice is applied once.
 */
export async function enqueuePosting(key: string, input: PostingInput, opts: PostOptions): Promise<PostResult> {
  const queue = () =>
    intents()
      .add({ data: { _id: input._id, key, status: 'queued', input, opts, at: new Date(), outcome: null } })
      .catch(() => undefined);
  await queue();
  const started = Date.now();
  for (let attempt = 0; Date.now() - started < WAIT_MS; attempt++) {
    const mine: Loose = await intents().doc(input._id).get();
    const intent = mine.data as Intent | null;
    if (!intent) {
      const posting: Loose = await db.collection(collections.postings).doc(input._id).get();
      if (posting.data) return { posting: { ...(posting.data as Posting), _id: input._id }, replayed: true };
      await queue();
      continue;
    }
    if (intent.status !== 'queued' && intent.outcome) {
      await intents().doc(input._id).remove();
      return unwrap(intent.outcome);
    }
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
    } finally {
      await release();
    }
  }
  return giveUp(input._id);
}

/** Withdraws a posting still queued after the wait, so "busy, try again" is true; if it landed meanwhile, says so. */
async function giveUp(id: string): Promise<PostResult> {
  const withdrawn: Loose = await intents().where({ _id: id, status: 'queued' }).remove();
  if (withdrawn.stats.removed === 1) throw new DomainError('POINTS_BUSY');
  const settled: Loose = await intents().doc(id).get();
  const outcome = (settled.data as Intent | null)?.outcome;
  if (outcome) return unwrap(outcome);
  const posting: Loose = await db.collection(collections.postings).doc(id).get();
  if (posting.data) return { posting: { ...(posting.data as Posting), _id: id }, replayed: true };
  throw new DomainError('POINTS_BUSY');
}

/** Applies the oldest queued postings of `key` in one transaction and records each one's outcome; false when none were queued. */
async function drain(key: string): Promise<boolean> {
  const res: Loose = await intents().where({ key, status: 'queued' }).orderBy('at', 'asc').limit(BATCH).get();
  const batch = res.data as Intent[];
  if (batch.length === 0) return false;
  await withConflictRetries(() =>
    db.runTransaction(async (tx: Loose) => {
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
