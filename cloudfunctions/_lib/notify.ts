import { cloud } from './runtime';

/**
 * Subscription-message templates. Their ids come from the mini-program's admin console, so they are
 * configured per environment (cloud function env vars); the defaults name them for the emulator.
 */
export const templates = {
  wishSubmitted: process.env.LINLI_TMPL_WISH_SUBMITTED ?? 'wish-submitted',
} as const;

export interface Notice {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

/** 订阅消息 `thing` values hold at most 20 characters. */
export function thing(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 20 ? text : chars.slice(0, 19).join('') + '…';
}

/**
 * Best effort: a staff member who has not subscribed makes send fail (43101), which must not undo the
 * resident's post; the staff queue shows the work either way.
 */
export async function notify(notices: readonly Notice[]): Promise<number> {
  const results = await Promise.allSettled(
    notices.map((n) =>
      cloud.openapi.subscribeMessage.send({
        touser: n.touser,
        templateId: n.templateId,
        page: n.page,
        miniprogramState: 'formal',
        data: Object.fromEntries(Object.entries(n.data).map(([k, value]) => [k, { value }])),
      }),
    ),
  );
  results.forEach((r) => r.status === 'rejected' && console.warn('[notify] send failed', r.reason));
  return results.filter((r) => r.status === 'fulfilled').length;
}
