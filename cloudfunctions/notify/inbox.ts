import { notifyMessages, notifyRead, notifyUnread, type MessageView } from '../../src/shared/contract';
import type { MessageDoc } from '../_lib/platform/documents';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

/** The caller's unread messages (index recipient_read): one count. */
const unreadOf = (openid: string) => table(collections.messages).where({ recipient: openid, readAt: null }).count();

const toView = (m: MessageDoc): MessageView => ({
  id: m._id,
  title: m.title,
  body: m.body,
  page: m.page,
  createdAt: new Date(m.createdAt).toISOString(),
  read: m.readAt !== null && m.readAt !== undefined,
});

/**
 * 消息: the caller's own messages, newest first, a page at a time (the recipient is the caller's openid, never
 * the payload: nobody reads another's). The first page carries the unread count for the badge.
 * DB requests: the caller, the page, (first page) the unread count.
 */
export const listMessages = defineHandler(notifyMessages, async ({ offset, limit }, { openid }) => {
  const [page, unread] = await Promise.all([
    table(collections.messages).where({ recipient: openid }).orderBy('createdAt', 'desc').page(offset, limit),
    offset === 0 ? unreadOf(openid) : Promise.resolve(null),
  ]);
  return { items: page.docs.map(toView), nextOffset: page.nextOffset, unread };
});

/**
 * Marks one of the caller's messages read (by id), or all of them: a conditional update on their own unread
 * ones, so a repeat changes nothing and another's message is never touched. Answers what is left unread.
 * No retry record (`byKey`): running again is the same. DB requests: the caller, the update, the count.
 */
export const readMessages = defineHandler(
  notifyRead,
  async ({ id }, { openid }) => {
    const mine = id ? { _id: id, recipient: openid, readAt: null } : { recipient: openid, readAt: null };
    await table(collections.messages).where(mine).update({ readAt: new Date() });
    return { unread: await unreadOf(openid) };
  },
  { record: 'byKey' },
);

/** The badge: how many of the caller's messages are unread. DB requests: the caller, the count. */
export const countUnread = defineHandler(notifyUnread, async (_input, { openid }) => ({ unread: await unreadOf(openid) }));
