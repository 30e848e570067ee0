import { notifySetSubscribeMode, notifySubscribe, notifyTemplates } from '../../src/shared/contract';
import { createFunction, defineHandler, definePublicHandler } from '../_lib/platform/handler';
import { carriedNotices, deliver, deliverCarried, grant, grantLongTerm, pendingNoticeIds } from '../_lib/platform/outbox';
import { foldMessages } from '../_lib/platform/messages';
import { templates } from '../_lib/platform/templates';
import { countUnread, listMessages, readMessages } from './inbox';
import { longTermOf, setStaffLongTerm, staffLongTerm, staffTemplateKeys } from './subscribe-mode';
import { weeklyFeedback } from './weekly';

const known = new Set<string>(Object.values(templates));

/** The template ids, and whether staff are asked for long-term consent to their work notices (subscribe-mode.ts). */
const listTemplates = definePublicHandler(notifyTemplates, async () => ({
  templates,
  staffLongTerm: await staffLongTerm(),
  staffKeys: [...staffTemplateKeys],
}));

/**
 * What the user allowed on their tap; ids we do not send are ignored. Staff consent to their work notices is
 * long-term where the account allows it (the setting), one more send otherwise.
 */
const subscribe = defineHandler(notifySubscribe, async ({ accepted }, { openid, user }) => {
  const ours = [...new Set(accepted)].filter((id) => known.has(id));
  const longTerm = await longTermOf(user, ours);
  await Promise.all([
    grant(
      openid,
      ours.filter((id) => !longTerm.has(id)),
    ),
    grantLongTerm(openid, [...longTerm]),
  ]);
  return { granted: ours.length };
});

/** 系统设置 → 工作通知: the district admin says whether the account may ask staff for long-term consent. */
const setSubscribeMode = defineHandler(notifySetSubscribeMode, async ({ staffLongTerm: on }, { user }) => ({
  staffLongTerm: await setStaffLongTerm(user, on),
}));

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
export const handlers = [listTemplates, subscribe, setSubscribeMode, listMessages, readMessages, countUnread];

export const main = createFunction('notify', handlers, { retry, inbox, weekly: () => weeklyFeedback() });
