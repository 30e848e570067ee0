import { _, cloud, collections, db, type Loose } from './runtime';

/** A subscribe message to send: written with the business change, sent after it commits. */
export interface Notice {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

type NoticeStatus = 'pending' | 'sent' | 'failed' | 'no_consent';

interface NoticeDoc extends Notice {
  _id: string;
  status: NoticeStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** After this many failed sends a notice is given up on (the staff queues still show the work). */
export const MAX_ATTEMPTS = 5;

/** Adds notices to the outbox inside the caller's transaction, so they exist exactly when the change does. */
export async function enqueue(tx: Loose, notices: readonly Notice[]): Promise<string[]> {
  const ids: string[] = [];
  for (const notice of notices) {
    const res: Loose = await tx.collection(collections.notifications).add({
      data: { ...notice, status: 'pending', attempts: 0, lastError: null, createdAt: new Date(), sentAt: null },
    });
    ids.push(res._id);
  }
  return ids;
}

/**
 * Sends pending notices. WeChat only delivers what the user consented to (one send per one-time grant,
 * or any number with a long-term grant), so a grant is taken before sending; no grant means no send.
 * Never throws: a failed send stays pending for the retry timer and never touches the business change.
 */
export async function deliver(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const res: Loose = await db
    .collection(collections.notifications)
    .where({ _id: _.in([...ids]), status: 'pending' })
    .limit(ids.length)
    .get();
  await Promise.all((res.data as NoticeDoc[]).map((doc) => deliverOne(doc).catch((error) => console.warn('[outbox]', doc._id, error))));
}

async function deliverOne(doc: NoticeDoc): Promise<void> {
  const notices = db.collection(collections.notifications).doc(doc._id);
  if (doc.attempts === 0 && !(await takeGrant(doc.touser, doc.templateId))) {
    await notices.update({ data: { status: 'no_consent' } });
    return;
  }
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: doc.touser,
      templateId: doc.templateId,
      page: doc.page,
      miniprogramState: 'formal',
      data: Object.fromEntries(Object.entries(doc.data).map(([k, value]) => [k, { value }])),
    });
    await notices.update({ data: { status: 'sent', attempts: doc.attempts + 1, sentAt: new Date() } });
  } catch (error) {
    const attempts = doc.attempts + 1;
    await notices.update({
      data: { status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, lastError: String((error as Error).message ?? error) },
    });
  }
}

/** Spends one consent: a long-term grant always allows; a one-time grant is decremented atomically. */
async function takeGrant(openid: string, templateId: string): Promise<boolean> {
  const subscriptions = db.collection(collections.subscriptions);
  const _id = `${openid}:${templateId}`;
  const found: Loose = await subscriptions.where({ _id }).limit(1).get();
  const grant = found.data[0] as { longTerm?: boolean } | undefined;
  if (!grant) return false;
  if (grant.longTerm) return true;
  const res: Loose = await subscriptions.where({ _id, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1) } });
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
        .then(async (res: Loose) => {
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

/** Notices still pending a retry, oldest first (for the notify function's timer). */
export async function pendingNoticeIds(olderThan: Date, limit = 100): Promise<string[]> {
  const res: Loose = await db
    .collection(collections.notifications)
    .where({ status: 'pending', createdAt: _.lte(olderThan) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .field({ _id: true })
    .get();
  return (res.data as { _id: string }[]).map((d) => d._id);
}
