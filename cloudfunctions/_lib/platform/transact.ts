import type { ErrorCode } from '../../../src/shared/contract/errors';
import { DomainError } from '../../../src/shared/domain/errors';
import { addMessagesIn, messageOf, type MessageDraft } from './messages';
import { deliverQueued, enqueueIn, prepare, type Notice, type NoticeDoc, type QueuedNotice } from './outbox';
import { collections, db } from './runtime';
import type { CareEvent } from '../../roster/care-docs';
import type { Tx } from './typed-db';

/**
 * A call's retry record, kept in the transaction of the call's effect (handler.ts makes it): the effect and
 * the reply a retry will get commit together, so there is no window in which one exists without the other.
 */
export interface RetryRecord {
  /** The record's document id (in `requests`). */
  readonly id: string;
  /**
   * Stages the reply for `output` inside `tx`, the notices the transaction queued (sent after it commits) and the
   * in-app messages it made (folded into `messages` by the notify function's `inbox` timer).
   */
  write(tx: Tx, output: unknown, notices: readonly NoticeDoc[], messages?: readonly MessageDraft[], careEvents?: readonly CareEvent[]): Promise<void>;
  /** Stages the reply for `output` without writing it: the effect itself records the call (`byEffect`). */
  stage(output: unknown): void;
  /** The transaction that wrote it committed: the call's reply is now on record. */
  committed(): void;
}

/** What a unit of work may do besides reading and writing documents through `tx`. */
export interface Unit {
  /**
   * Queues notices in this transaction; they are sent once it has committed, never before, to those who consented.
   * Each notice is also an in-app message (消息) for its recipient, consent or not, written with the transaction.
   */
  notify(notices: readonly Notice[]): Promise<void>;
  /**
   * How many attempts of this unit other transactions have beaten so far: a unit that lost may go at what it lost
   * on differently (the ledger then writes the contended balance first, see postIn).
   */
  readonly lost: number;
  /**
   * 大病回访、困难必访: an event asking for a visit to a home, which nobody needs the moment it happens (it falls due in
   * days). It rides in the call's retry record, written anyway, and the notify function's `inbox` timer puts it on
   * 今日走访 within a minute; a transaction without a retry record writes it itself.
   */
  carry(event: CareEvent): void;
}

export interface TransactOptions<T> {
  /** What the caller is told when other transactions never stop changing what this one read. */
  busy?: ErrorCode;
  /** How long lost attempts go on before `busy` (GIVE_UP_MS unless set): shorter for work a timer can leave to its next run. */
  giveUpMs?: number;
  /** Written in the same transaction with the call's output: `output(result)`, or the result itself. */
  record?: {
    request: RetryRecord | undefined;
    output?: (result: T) => unknown;
    /**
     * The effect records the call itself: what it wrote carries the requestId (a shift's check-out, a
     * correction, a rating), and a retry finds it there in its own transaction and answers from it as it stands
     * (not necessarily the first reply word for word). The retry record is then written only to carry notices
     * the work queued: a call that queued none costs no record at all.
     */
    byEffect?: boolean;
  };
}

/**
 * How long conflicting attempts go on before the caller is told `busy`. A crowd on one document commits
 * one by one; the pauses (with full jitter) spread the crowd out so that it stops colliding (see pauseBefore).
 */
const GIVE_UP_MS = Number(process.env.LINLI_TRANSACTION_GIVE_UP_MS) || 15_000;
const FIRST_PAUSE_MS = 20;
/**
 * The widest pause window. A crowd's first lost attempts are its longest (every caller of it arrives at once), so
 * the callers that lose again after those paused longest: at 10 s, the last spends of the bench's crowd of 200
 * went through one every ~0.2 s, long after the rest, while a spend takes ~5 ms.
 */
const MAX_PAUSE_MS = 5_000;
/** The pause window, as a multiple of the longest attempt lost so far, and its growth with each further loss. */
const WINDOW_PER_LOST = 3;
const GROWTH = 1.5;

/**
 * The one way to change several documents together: runs `work` in a transaction (reads inside it see one
 * consistent state, writes land all or none), retries it while conflicting transactions win, then — after
 * the commit only — delivers the notices the work queued. A DomainError thrown by `work` aborts it unchanged.
 */
export async function transact<T>(work: (tx: Tx, unit: Unit) => Promise<T>, options: ErrorCode | TransactOptions<T> = {}): Promise<T> {
  const opts: TransactOptions<T> = typeof options === 'string' ? { busy: options } : options;
  const request = opts.record?.request;
  const started = Date.now();
  let longestLostMs = 0;
  for (let attempt = 0; ; attempt++) {
    const queued: QueuedNotice[] = [];
    const messages: MessageDraft[] = [];
    const careEvents: CareEvent[] = [];
    const attemptStarted = Date.now();
    let lost = false;
    try {
      const result: T = await db.runTransaction(async (raw) => {
        const tx = watched(raw, () => (lost = true));
        const notify = async (notices: readonly Notice[]) => {
          messages.push(...notices.map((n) => messageOf(n)));
          queued.push(...(await prepare(notices)));
        };
        const value = await work(tx, { notify, lost: attempt, carry: (event) => void careEvents.push(event) });
        // The notices, messages and care events travel in the retry record, written anyway; without one, in
        // documents of their own.
        const docs = queued.map((q) => q.doc);
        const output = () => (opts.record?.output ? opts.record.output(value) : value);
        if (request && opts.record?.byEffect && docs.length === 0 && messages.length === 0 && careEvents.length === 0) request.stage(output());
        else if (request) await request.write(tx, output(), docs, messages, careEvents);
        else {
          await enqueueIn(tx, queued);
          await addMessagesIn(tx, messages);
          for (const event of careEvents) await tx.collection(collections.careEvents).add({ data: event });
        }
        return value;
      }, 0);
      request?.committed();
      // The change stands whatever happens to its notices: a failed send stays queued for the retry timer.
      await deliverQueued(queued, request?.id ?? null).catch((error: unknown) => console.warn('[transact] notices not delivered', error));
      return result;
    } catch (error) {
      // A write conflict fails the write itself (the transaction is gone), whatever the work made of its error.
      if (!lost && !isConflict(error)) throw error;
      longestLostMs = Math.max(longestLostMs, Date.now() - attemptStarted);
      const wait = pauseBefore(attempt, longestLostMs);
      if (Date.now() + wait - started > (opts.giveUpMs ?? GIVE_UP_MS)) throw new DomainError(opts.busy ?? 'POINTS_BUSY');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * A transaction lost to another: at commit, the TcbError runTransaction throws (`code`); at a write inside it, the
 * error wx-server-sdk makes of the reply, which keeps only the message (`errMsg`, errCode -501001).
 */
export function isConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errMsg?: unknown; message?: unknown } | null;
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  const text = [e?.errMsg, e?.message].filter((m) => typeof m === 'string').join(' ');
  return /WriteConflict|transaction conflict|DATABASE_TRANSACTION_CONFLICT/i.test(text);
}

/**
 * The transaction as the work sees it: the same calls, noting a write conflict however the work goes on to handle
 * the error (an insert's failure taken for "exists already" included), so that the attempt is retried, not answered.
 */
function watched(tx: Tx, onConflict: () => void): Tx {
  const noting = <R>(request: Promise<R>): Promise<R> =>
    request.catch((error: unknown) => {
      if (isConflict(error)) onConflict();
      throw error;
    });
  return {
    collection(name) {
      const coll = tx.collection(name);
      return {
        doc(id) {
          const doc = coll.doc(id);
          return {
            get: () => noting(doc.get()),
            set: (options) => noting(doc.set(options)),
            update: (options) => noting(doc.update(options)),
            remove: () => noting(doc.remove()),
          };
        },
        add: (options) => noting(coll.add(options)),
      };
    },
  };
}

/**
 * Full jitter over a window of twice the longest attempt this call has lost, growing by half with each loss.
 * The longer a crowd on one document, the longer each attempt in it takes, so the longest lost attempt is the
 * caller's measure of the crowd: retries spread over about twice it go through nearly one by one. The last
 * lost attempt is no such measure: once the crowd has spread out it is short, and a window cut to it sent the
 * retry straight back into the crowd (a spend of a 200-strong crowd took ~6 attempts). The growth spreads a
 * crowd whose attempts do not lengthen with its size, without the doubling that left the last callers of a
 * crowd pausing for seconds after everyone else had gone. A window that narrows with each loss instead (the crowd
 * thins as it commits; never below twice the attempt just lost) sent the bench's 200 spends of one balance
 * into a storm of retries: 11–12 k requests instead of ~4.5 k, and up to 94 of them refused busy.
 * Since losers fail at their write (as on MongoDB) a lost attempt is shorter than the crowd's turn, so the window is
 * three times it, not two (bench, 200 spends on one balance, 3 rounds each on a loaded machine: once 3.9–4.2 k
 * requests at twice, 3.4–3.8 k at three times, 5.0 k and busy refusals at once). No immediate first retry (MongoDB's
 * withTransaction makes one): a crowd's losers all lost to one holder that is still committing, so it only doubled
 * their first loss (4.0–5.0 k requests, up to 6 refused busy).
 */
const pauseBefore = (attempt: number, longestLostMs: number) =>
  Math.random() * Math.min(MAX_PAUSE_MS, WINDOW_PER_LOST * Math.max(FIRST_PAUSE_MS, longestLostMs) * GROWTH ** attempt);

/** One document by id inside a transaction, or null. */
export async function readIn<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  const res = await tx.collection(collection).doc(id).get();
  return res.data ? ({ ...(res.data as object), _id: id } as T) : null;
}

/** Stored documents carry their id as the key, not as a field to write. */
export function fieldsOf<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}
