import { notifySubscribe, notifyTemplates } from '../../src/shared/contract';
import { createFunction, defineHandler, definePublicHandler } from '../_lib/handler';
import { deliver, grant, pendingNoticeIds } from '../_lib/outbox';
import { templates } from '../_lib/templates';

const known = new Set<string>(Object.values(templates));

const listTemplates = definePublicHandler(notifyTemplates, async () => ({ templates }));

/** What the user allowed on their tap; ids we do not send are ignored. */
const subscribe = defineHandler(notifySubscribe, async ({ accepted }, { openid }) => {
  const ours = [...new Set(accepted)].filter((id) => known.has(id));
  await grant(openid, ours);
  return { granted: ours.length };
});

/** Retries notices whose first send failed (older than a minute, so an in-flight send is not raced). */
async function retry(): Promise<Record<string, unknown>> {
  const ids = await pendingNoticeIds(new Date(Date.now() - 60_000));
  await deliver(ids);
  return { retried: ids.length };
}

// 通知: subscription consent and the outbox's retries.
/** One handler per notify.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [listTemplates, subscribe];

export const main = createFunction('notify', handlers, { retry });
