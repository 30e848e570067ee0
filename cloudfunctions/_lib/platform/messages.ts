import { randomBytes } from 'node:crypto';
import type { MessageDoc, RequestDoc } from './documents';
import { deliverQueued, prepare, type Notice } from './outbox';
import { _, collections, db } from './runtime';
import { templates } from './templates';
import type { Tx } from './typed-db';
import { table } from './typed-db';

/**
 * 消息: every notice the app sends is also an in-app message for its recipient, whatever they consented to (a
 * subscribe message needs consent, the in-app list does not). A message is written where the notice's transaction
 * writes anyway — the call's retry record (`messages`, `messagesPending`), folded into `messages` by the notify
 * function's `inbox` timer — so it costs the call no request; a transaction without a retry record (a timer's, an
 * effect that is its own record) adds its messages to `messages` directly.
 */
export type MessageDraft = Omit<MessageDoc, '_id' | 'readAt'>;

/** Old messages go (the `inbox` timer): a message is a pointer to a case, and the case keeps its own history. */
export const MESSAGE_RETENTION_DAYS = 180;

type Data = Record<string, string | undefined>;
type Words = { title: string; body: string };

const byTemplate: Record<keyof typeof templates, (d: Data) => Words> = {
  wishSubmitted: (d) => ({ title: '新心愿待审核', body: `${d.thing2 ?? ''} 发布了「${d.thing1 ?? ''}」，${d.time3 ?? ''}` }),
  wishProgress: (d) => ({ title: `心愿${d.phrase2 ?? '有进展'}`, body: `「${d.thing1 ?? ''}」${d.thing3 ?? ''}` }),
  wishDispatched: (d) => ({ title: '你有新的派单', body: `「${d.thing1 ?? ''}」由 ${d.thing2 ?? ''} 派单，${d.thing3 ?? ''}` }),
  wishUnclaimed: (d) => ({ title: '心愿久未认领', body: `「${d.thing1 ?? ''}」已等待 ${d.thing2 ?? ''}，请安排认领` }),
  petitionAssigned: (d) => ({ title: d.thing4 || '诉求待处理', body: `${d.thing1 ?? ''} · ${d.thing2 ?? ''}，请在 ${d.time3 ?? ''} 前处理` }),
  petitionProgress: (d) => ({ title: `诉求${d.phrase2 ?? '有进展'}`, body: `「${d.thing1 ?? ''}」${d.thing3 ?? ''}` }),
  pointsHold: (d) => ({
    title: '积分消费待确认',
    body: `${d.thing1 ?? ''} 消费 ${d.number2 ?? ''} 积分（${d.thing4 ?? ''}），请在 ${d.time3 ?? ''} 前确认`,
  }),
  joinSubmitted: (d) => ({ title: '新的入驻申请', body: `${d.thing1 ?? ''} 申请入驻 ${d.thing2 ?? ''}，${d.time3 ?? ''}` }),
  reportSubmitted: (d) => ({ title: `新的${d.thing1 ?? '报到'}`, body: `${d.thing2 ?? ''}，${d.time3 ?? ''}` }),
};

const keyOf = new Map<string, keyof typeof templates>(Object.entries(templates).map(([key, id]) => [id, key as keyof typeof templates]));

/** A page link the app can open: notices name pages without the leading slash. */
const link = (page: string) => (page.startsWith('/') ? page : `/${page}`);

/** The in-app message a notice makes for its recipient. */
export function messageOf(notice: Notice, at = new Date()): MessageDraft {
  const key = keyOf.get(notice.templateId);
  const words = key ? byTemplate[key](notice.data) : { title: '新消息', body: Object.values(notice.data).join(' ') };
  return { recipient: notice.touser, title: words.title, body: words.body.trim(), page: link(notice.page), createdAt: at };
}

/**
 * The notices of a change made without a transaction, once it is made: each recipient's in-app message, written
 * under `key` (a rerun writes the same document), and the subscribe messages their consent allows (prepare: one read
 * of the grants), queued in the `notifications` outbox and sent.
 */
export async function notifyNow(notices: readonly Notice[], key: string): Promise<void> {
  const [queued] = await Promise.all([
    prepare(notices),
    ...notices.map((notice, i) =>
      db
        .collection(collections.messages)
        .doc(`${key}-${i}`)
        .set({ data: { ...messageOf(notice), readAt: null } }),
    ),
  ]);
  if (queued.length === 0) return;
  await Promise.all(queued.map(({ doc: { _id, ...fields } }) => db.collection(collections.notifications).add({ data: { _id, ...fields } })));
  await deliverQueued(queued, null);
}

/** Adds messages to `messages` inside the caller's transaction (when no retry record carries them). */
export async function addMessagesIn(tx: Tx, drafts: readonly MessageDraft[]): Promise<void> {
  for (const draft of drafts) {
    await tx.collection(collections.messages).add({ data: { _id: randomBytes(12).toString('hex'), ...draft, readAt: null } });
  }
}

/**
 * The `inbox` timer: folds the messages retry records carry into `messages` (each keyed by its record and place
 * in it, so a rerun after a crash writes the same documents again), then removes messages past retention.
 */
export async function foldMessages(limit = 100, runMs = 30_000): Promise<{ folded: number; removed: number }> {
  const until = Date.now() + runMs;
  let folded = 0;
  // A page of carrying records at a time, while the run has time (a backlog is taken up by the next run).
  for (let page = 0; page === 0 || Date.now() < until; page++) {
    const records = await table(collections.requests)
      .where({ messagesPending: true })
      .orderBy('at', 'asc')
      .limit(limit)
      .field({ messages: true, careEvents: true })
      .get();
    folded += await foldRecords(records);
    if (records.length < limit) break;
  }
  const cutoff = new Date(Date.now() - MESSAGE_RETENTION_DAYS * 24 * 3600_000);
  const removed = await table(collections.messages)
    .where({ createdAt: _.lt(cutoff) })
    .remove();
  return { folded, removed };
}

/**
 * Writes the messages each record carries under `<record>-<n>`, and the care events it carries under their own ids
 * (a rerun writes the same documents), then marks the record folded.
 */
async function foldRecords(records: readonly Pick<RequestDoc, '_id' | 'messages' | 'careEvents'>[]): Promise<number> {
  let folded = 0;
  for (const record of records) {
    const drafts = record.messages ?? [];
    await Promise.all([
      ...drafts.map((draft, i) =>
        db
          .collection(collections.messages)
          .doc(`${record._id}-${i}`)
          .set({ data: { ...draft, createdAt: new Date(draft.createdAt), readAt: null } }),
      ),
      ...(record.careEvents ?? []).map(({ _id, ...event }) =>
        db
          .collection(collections.careEvents)
          .doc(_id)
          .set({ data: { ...event, dueAt: new Date(event.dueAt), createdAt: new Date(event.createdAt) } }),
      ),
    ]);
    const cleared = record.careEvents?.length ? { careEvents: _.set([]) } : {};
    await db
      .collection(collections.requests)
      .doc(record._id)
      .update({ data: { messagesPending: false, messages: _.set([]), ...cleared } });
    folded += drafts.length;
  }
  return folded;
}
