import type { Reply } from '../shared/contract/envelope';
import type { PetitionStepView, PetitionView } from '../shared/contract/petition-view';
import type { PetitionEvent } from '../shared/domain/petition';
import type { ExtensionEvent } from '../shared/domain/petition-rules';
import { afterFailure } from '../utils/action-hints';
import { afterPetitionFailure } from '../utils/petition-hints';
import { useOutcome, type Change, type Failure, type Outcome } from './use-outcome';

/**
 * A petition step's reply carries the case; the event names the line it adds to the timeline, unless the reply
 * carries the lines it wrote (`lines`: 确认办理结果, whose 已解决 + rating writes two).
 */
export type PetitionOutcome = Outcome<{ petition: PetitionView; lines?: PetitionStepView[] }, PetitionEvent | 'urge' | 'card' | ExtensionEvent>;

/**
 * The app's way of answering a step (useOutcome), with the petition's own failures explained too: a case
 * that moved on under the user is reloaded and the notice says so.
 */
export function usePetitionOutcome<T, E extends string>(reload: () => Promise<void>, apply?: (change: Change<T, E>) => void): Outcome<T, E> {
  const base = useOutcome(reload, apply);
  // useOutcome already reloads for the app-wide codes; only the petition's own are added here.
  const extraRefresh = (code: string) => afterPetitionFailure(code).refresh && !afterFailure(code).refresh;

  function report(failure: Failure) {
    base.report(failure);
    if (extraRefresh(failure.code)) void reload();
  }

  function settle(reply: Reply<T> | null, successText: string, event: E | null, note: string | null = null): boolean {
    const ok = base.settle(reply, successText, event, note);
    if (reply && !reply.ok && extraRefresh(reply.code)) void reload();
    return ok;
  }

  function closesSheet(reply: Reply<T> | null, successText: string, event: E | null, note: string | null = null): boolean {
    if (reply && !reply.ok && afterPetitionFailure(reply.code).refresh) return settle(reply, successText, event, note) || true;
    return base.closesSheet(reply, successText, event, note);
  }

  const notice = base.notice && { ...base.notice, hint: afterPetitionFailure(base.notice.code).hint };
  return { notice, succeed: base.succeed, report, settle, closesSheet };
}
