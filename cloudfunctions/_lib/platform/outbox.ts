import { randomBytes } from 'node:crypto';
import { _, cloud, collections, db } from './runtime';
import type { Tx } from './typed-db';
import { table } from './typed-db';

/** A subscribe message to send: written with the business change, sent after it commits. */
export interface Notice {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
  /**
   * The recipient's one-time consent for it is held by the record that queued it and was spent in the same
   * transaction (a case carries what its reporter's tap accepted when filing): no grant is read or taken.
   */
  consented?: true;
}

type NoticeStatus = 'pending' | 'sent' | 'failed' | 'no_consent';

export interface NoticeDoc extends Notice {
  _id: string;
  status: NoticeStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** After this many failed sends a notice is given up on (the staff queues still show the work). */
export const MAX_ATTEMPTS = 5;

/** A notice written to the outbox with the consent it was queued under, for sending right after the commit. */
export interface QueuedNotice {
  doc: NoticeDoc;
  /** A long-term grant allows any number of sends; a one-time grant is spent when the notice is sent. */
  longTerm: boolean;
}

export interface Grant {
  _id: string;
  longTerm?: boolean;
  remaining?: number;
}

/**
 * The notices a transaction queues, with the consent each was queued under. WeChat delivers only what the
 * recipient consented to, so the grants are read first (one read for all of them): a notice nobody allowed is
 * never queued, since nothing could ever send it. Where they are kept is the transaction's choice (transact.ts):
 * in the call's retry record, which it writes anyway, or as documents of the `notifications` outbox.
 */
export async function prepare(notices: readonly Notice[]): Promise<QueuedNotice[]> {
  if (notices.length === 0) return [];
  const grants = await grantsFor(notices.filter((n) => !n.consented));
  const queued: QueuedNotice[] = [];
  for (const notice of notices) {
    const grant = notice.consented ? { _id: '', remaining: 1 } : grants.get(grantId(notice.touser, notice.templateId));
    if (!grant || (!grant.longTerm && !(Number(grant.remaining) > 0))) continue;
    const doc: NoticeDoc = {
      _id: randomBytes(12).toString('hex'),
      ...notice,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: new Date(),
      sentAt: null,
    };
    queued.push({ doc, longTerm: grant.longTerm === true });
  }
  return queued;
}

/** Writes queued notices to the `notifications` outbox inside the caller's transaction (when no retry record carries them). */
export async function enqueueIn(tx: Tx, queued: readonly QueuedNotice[]): Promise<void> {
  for (const { doc } of queued) {
    const { _id, ...fields } = doc;
    await tx.collection(collections.notifications).add({ data: { _id, ...fields } });
  }
}

const grantId = (openid: string, templateId: string) => `${openid}:${templateId}`;

/**
 * How long a warm instance takes a long-term grant it has read as still given. Nothing in Linli takes one back or
 * turns it into one-time sends (`grant` only adds one-time sends; only 注销 removes a person's grants, and the staff
 * who hold long-term ones for their work notices cannot close their account while they hold the role), so this
 * only bounds what an instance remembers. A one-time grant, or none, is read on every call: it is spent by sends
 * and given by taps at any moment.
 */
const LONG_TERM_TTL_MS = 60_000;
const longTermSeen = new Map<string, number>();

/**
 * The recipients' grants, in one read (read outside the transaction: consent is spent after it commits); none
 * when every recipient holds a long-term grant this instance read within the minute (staff told of new work).
 */
async function grantsFor(notices: readonly Notice[]): Promise<Map<string, Grant>> {
  if (notices.length === 0) return new Map();
  const now = Date.now();
  const ids = [...new Set(notices.map((n) => grantId(n.touser, n.templateId)))];
  const known = (id: string) => (longTermSeen.get(id) ?? 0) > now;
  const grants = new Map<string, Grant>(ids.filter(known).map((id) => [id, { _id: id, longTerm: true }]));
  const unknown = ids.filter((id) => !known(id));
  if (unknown.length === 0) return grants;
  const res = await table(collections.subscriptions)
    .where({ _id: _.in(unknown) })
    .limit(unknown.length)
    .get();
  for (const g of res) {
    grants.set(g._id, g);
    if (g.longTerm) longTermSeen.set(g._id, now + LONG_TERM_TTL_MS);
  }
  return grants;
}

/**
 * Sends notices queued by a transaction that has committed, without reading them back, then records how each
 * went where they are kept: the retry record that carried them (`carrier`, one update for all of them) or
 * their own outbox documents (one update each). Never throws.
 */
export async function deliverQueued(queued: readonly QueuedNotice[], carrier: string | null): Promise<void> {
  if (queued.length === 0) return;
  const sent = await Promise.all(queued.map(({ doc, longTerm }) => sendOne(doc, longTerm ? 'longTerm' : 'once')));
  await keepOutcome(sent, carrier);
}

/**
 * Sends pending notices (the retry timer's path). WeChat only delivers what the user consented to (one send
 * per one-time grant, or any number with a long-term grant), so a grant is taken before sending; no grant
 * means no send. Never throws: a failed send stays pending for the retry timer and never touches the business change.
 */
export async function deliver(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const res = await table(collections.notifications)
    .where({ _id: _.in([...ids]), status: 'pending' })
    .limit(ids.length)
    .get();
  const sent = await Promise.all(res.map((doc) => sendOne(doc, 'unknown')));
  await keepOutcome(sent, null);
}

/** Notices still pending in a retry record that carried them: sent again, and the record updated once. */
export async function deliverCarried(recordId: string, notices: readonly NoticeDoc[]): Promise<void> {
  const sent = await Promise.all(notices.map((doc) => (doc.status === 'pending' ? sendOne(doc, 'unknown') : Promise.resolve(doc))));
  await keepOutcome(sent, recordId);
}

/** The kind of grant a notice was queued under, or `unknown` when the timer picks it up. */
type GrantKind = 'longTerm' | 'once' | 'unknown';

/** Sends one notice if its consent allows; answers the notice as it now stands (nothing is written here). */
async function sendOne(doc: NoticeDoc, grant: GrantKind): Promise<NoticeDoc> {
  try {
    // A grant is taken once, before the first attempt (a failure to take it leaves the notice as it was).
    const held = grant === 'longTerm' || doc.consented === true;
    if (doc.attempts === 0 && !held && !(await takeGrant(doc.touser, doc.templateId, grant))) return { ...doc, status: 'no_consent' };
  } catch (error) {
    console.warn('[outbox] consent not taken', doc._id, error);
    return doc;
  }
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: doc.touser,
      templateId: doc.templateId,
      page: doc.page,
      miniprogramState: 'formal',
      data: Object.fromEntries(Object.entries(doc.data).map(([k, value]) => [k, { value }])),
    });
    return { ...doc, status: 'sent', attempts: doc.attempts + 1, sentAt: new Date() };
  } catch (error) {
    const attempts = doc.attempts + 1;
    return { ...doc, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, lastError: String((error as Error).message ?? error) };
  }
}

/** Records how the sends went: in the carrying retry record (one update), or in each outbox document. */
async function keepOutcome(sent: readonly NoticeDoc[], carrier: string | null): Promise<void> {
  try {
    if (carrier) {
      await db
        .collection(collections.requests)
        .doc(carrier)
        .update({ data: { notices: _.set(sent), noticesPending: sent.some((n) => n.status === 'pending') } });
      return;
    }
    await Promise.all(
      sent.map(({ _id, status, attempts, lastError, sentAt }) =>
        db.collection(collections.notifications).doc(_id).update({ data: { status, attempts, lastError, sentAt } }),
      ),
    );
  } catch (error) {
    // Left pending, the timer sends them again: at least once.
    console.warn('[outbox] outcome not recorded', carrier, error);
  }
}

/**
 * Spends one consent: a long-term grant always allows; a one-time grant is decremented atomically (a grant
 * already known to be one-time is not read again: the conditional decrement alone decides).
 */
async function takeGrant(openid: string, templateId: string, kind: GrantKind): Promise<boolean> {
  const subscriptions = db.collection(collections.subscriptions);
  const _id = grantId(openid, templateId);
  if (kind === 'unknown') {
    const found = await table(collections.subscriptions).where({ _id }).limit(1).get();
    const grant = found[0];
    if (!grant) return false;
    if (grant.longTerm) return true;
  }
  const res = await subscriptions.where({ _id, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1) } });
  return res.stats.updated === 1;
}

/** Records what the user allowed in requestSubscribeMessage: each accept is one more send. */
export async function grant(openid: string, templateIds: readonly string[]): Promise<void> {
  await Promise.all(
    templateIds.map((templateId) =>
      db
        .collection(collections.subscriptions)
        .where({ _id: `${openid}:${templateId}` })
        .update({ data: { remaining: _.inc(1), updatedAt: new Date() } })
        .then(async (res) => {
          if (res.stats.updated === 0) {
            await db
              .collection(collections.subscriptions)
              .add({ data: { _id: `${openid}:${templateId}`, openid, templateId, remaining: 1, longTerm: false, updatedAt: new Date() } })
              .catch(() => grant(openid, [templateId]));
          }
        }),
    ),
  );
}

/**
 * Records a long-term grant (长期订阅, staff work notices where the account's category allows it: notify
 * subscribe-mode.ts): any number of sends from now on. One write per template; the one-time sends left are kept.
 */
export async function grantLongTerm(openid: string, templateIds: readonly string[]): Promise<void> {
  await Promise.all(
    templateIds.map((templateId) =>
      db
        .collection(collections.subscriptions)
        .doc(`${openid}:${templateId}`)
        .set({ data: { openid, templateId, remaining: 0, longTerm: true, updatedAt: new Date() } }),
    ),
  );
}

/** Retry records still carrying notices to send, oldest first (for the notify function's timer). */
export async function carriedNotices(olderThan: Date, limit = 100): Promise<{ _id: string; notices: NoticeDoc[] }[]> {
  const records = await table(collections.requests)
    .where({ noticesPending: true, at: _.lte(olderThan) })
    .orderBy('at', 'asc')
    .limit(limit)
    .field({ notices: true })
    .get();
  return records.map((r) => ({ _id: r._id, notices: r.notices ?? [] }));
}

/** Notices still pending a retry, oldest first (for the notify function's timer). */
export async function pendingNoticeIds(olderThan: Date, limit = 100): Promise<string[]> {
  const res = await table(collections.notifications)
    .where({ status: 'pending', createdAt: _.lte(olderThan) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .field({ _id: true })
    .get();
  return res.map((d) => d._id);
}
