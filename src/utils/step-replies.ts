import type { PetitionStepView, PetitionView } from '../shared/contract/petition-view';
import type { WishView } from '../shared/contract/wish';
import type { PetitionEvent } from '../shared/domain/petition';
import type { ExtensionEvent } from '../shared/domain/petition-rules';
import type { WishEvent } from '../shared/domain/wish';
import type { PetitionDetail } from './petition-actions';
import type { WishDetail } from './wish-story';

// A step's reply carries the record as it is now, not its history: the line the step wrote is added here
// (by the caller, at the record's new time, with the reason the caller wrote) so the page shows it without
// reading the record again. The server's line replaces it the next time the page is read.

/** The wish detail after the caller's own step; claiming makes the caller its claimant, releasing undoes that. */
export function afterWishStep(detail: WishDetail, wish: WishView, event: WishEvent | null, byName: string, note: string | null = null): WishDetail {
  const isClaimant = event === 'claim' ? true : event === 'release' ? false : detail.viewer.isClaimant;
  const line = event ? [{ event, by: byName, at: wish.updatedAt, note }] : [];
  return { ...detail, ...wish, history: [...detail.history, ...line], viewer: { ...detail.viewer, isClaimant } };
}

/**
 * The petition detail after the caller's own step; the countdowns keep counting from the detail's read. A reply
 * that carries the lines its step wrote (`lines`) is shown with those, as the server will show them.
 */
export function afterPetitionStep(
  detail: PetitionDetail,
  petition: PetitionView,
  event: PetitionEvent | 'urge' | 'card' | ExtensionEvent | null,
  byName: string,
  note: string | null = null,
  lines?: readonly PetitionStepView[],
): PetitionDetail {
  const line = lines
    ? lines
    : event
      ? [
          {
            event,
            level: petition.level,
            status: petition.status,
            by: byName,
            at: petition.updatedAt,
            note,
            automatic: false,
            departmentName: null,
          },
        ]
      : [];
  return { ...detail, ...petition, timeline: [...detail.timeline, ...line] };
}
