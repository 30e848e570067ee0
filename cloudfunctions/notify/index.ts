import { notifySubscribe, notifyTemplates } from '../../src/shared/contract';
import { createFunction, defineHandler, definePublicHandler } from '../_lib/platform/handler';
import { carriedNotices, deliver, deliverCarried, grant, pendingNoticeIds } from '../_lib/platform/outbox';
import { foldMessages } from '../_lib/platform/messages';
import { templates } from '../_lib/platform/templates';
import { countUnread, listMessages, readMessages } from './inbox';
import { weeklyFeedback } from './weekly';

const known = new Set<string>(Object.values(templates));

const listTemplates = definePublicHandler(notifyTemplates, async () => ({ templates }));

/** What the user allowed on their tap; ids we do not send are ignored. */
const subscribe = defineHandler(notifySubscribe, async ({ accepted }, { openid }) => {
  const ours = [...new Set(accepted)].filter((id) => known.has(id));
  await grant(openid, ours);
  return { granted: ours.length };
});

/**
 * Retries notices whose first send failed or never happened (a crash after the commit): those in the outbox and
 * those a retry record carries, older than a minute, so an in-flight send is not raced.
 */
async function retry(): Promise<Record<string, unknown>> {
  const before = new Date(Date.now() - 60_000);
  const [ids, records] = await Promise.all([pendingNoticeIds(before), carriedNotices(before)]);
  await deliver(ids);
  for (const record of records) await deliverCarried(record._id, record.notices);
  return { retried: ids.length + records.reduce((n, r) => n + r.notices.filter((d) => d.status === 'pending').length, 0) };
}

/** 消息: folds the messages retry records carry into `messages`, and removes those past retention. */
async function inbox(): Promise<Record<string, unknown>> {
  return foldMessages();
}

// 通知: subscription consent, the outbox's retries, and the in-app 消息.
/** One handler per notify.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [listTemplates, subscribe, listMessages, readMessages, countUnread];

export const main = createFunction('notify', handlers, { retry, inbox, weekly: () => weeklyFeedback() });
