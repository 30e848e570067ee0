import type { Reply } from '../shared/contract/envelope';

/**
 * Answers that stay true while the app is open: who the caller is (`user.me`) and the category lists. Every
 * page reads them, so each is asked once and shared; a request still on its way is shared too, so pages that
 * open together cost one call. The answers belong to one caller: when the caller changes (a persona switch on
 * H5) they are all dropped. A failure is never kept, so the next reader asks again.
 */
export const sessionReads = ['user.me', 'wish.categories', 'petition.categories'] as const;
export type SessionRead = (typeof sessionReads)[number];

export function isSessionRead(action: string): action is SessionRead {
  return (sessionReads as readonly string[]).includes(action);
}

let owner: string | null = null;
const answers = new Map<SessionRead, Promise<Reply<unknown>>>();

/** The answer kept for `caller`, or the one `load` brings (and keeps, if it succeeds). */
export function remembered<T>(caller: string, action: SessionRead, load: () => Promise<Reply<T>>): Promise<Reply<T>> {
  if (caller !== owner) {
    answers.clear();
    owner = caller;
  }
  const kept = answers.get(action) as Promise<Reply<T>> | undefined;
  if (kept) return kept;
  const answer = load().then((reply) => {
    if (!reply.ok && answers.get(action) === answer) answers.delete(action);
    return reply;
  });
  answers.set(action, answer);
  return answer;
}

/** Drops a kept answer (or all of them), so the next reader asks the server. */
export function forget(action?: SessionRead): void {
  if (action) answers.delete(action);
  else answers.clear();
}
