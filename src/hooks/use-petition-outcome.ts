import type { Reply } from '../shared/contract/envelope';
import { afterFailure } from '../utils/action-hints';
import { afterPetitionFailure } from '../utils/petition-hints';
import { useOutcome, type Failure, type Outcome } from './use-outcome';

/**
 * The app's way of answering a step (useOutcome), with the petition's own failures explained too: a case
 * that moved on under the user is reloaded and the notice says so.
 */
export function usePetitionOutcome(reload: () => Promise<void>): Outcome {
  const base = useOutcome(reload);
  // useOutcome already reloads for the app-wide codes; only the petition's own are added here.
  const extraRefresh = (code: string) => afterPetitionFailure(code).refresh && !afterFailure(code).refresh;

  function report(failure: Failure) {
    base.report(failure);
    if (extraRefresh(failure.code)) void reload();
  }

  function settle<T>(reply: Reply<T> | null, successText: string): boolean {
    const ok = base.settle(reply, successText);
    if (reply && !reply.ok && extraRefresh(reply.code)) void reload();
    return ok;
  }

  function closesSheet<T>(reply: Reply<T> | null, successText: string): boolean {
    if (reply && !reply.ok && afterPetitionFailure(reply.code).refresh) return settle(reply, successText) || true;
    return base.closesSheet(reply, successText);
  }

  const notice = base.notice && { ...base.notice, hint: afterPetitionFailure(base.notice.code).hint };
  return { notice, succeed: base.succeed, report, settle, closesSheet };
}
