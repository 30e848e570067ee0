import type { ReviewGrade, ReviewKind, ReviewOutcome, ReviewTally } from '../../src/shared/domain/review';

/**
 * 民主评议: one round per community and half-year (`roundIdOf`). The members to be rated are fixed when it opens
 * (a member joining later is rated next time), so every read of the round knows them without a query.
 */
export interface ReviewRound {
  _id: string;
  communityId: string;
  period: string;
  /** open → closing (closed: no more ratings; the `settle` timer posts the results) → published. */
  status: 'open' | 'closing' | 'published';
  members: { id: string; name: string }[];
  openedBy: string;
  openedByName: string;
  openedAt: Date;
  closedBy: string | null;
  closedByName: string | null;
  closedAt: Date | null;
  publishedAt: Date | null;
  /** How many of `members` the timer has settled, in order (a run cut off goes on from here). */
  settled: number;
}

/** One rating (`ratingIdOf`: one per rater, member and round). Who rated is never shown to anyone. */
export interface ReviewRating {
  _id: string;
  roundId: string;
  communityId: string;
  raterId: string;
  memberId: string;
  kind: ReviewKind;
  grade: ReviewGrade;
  at: Date;
  /** The call that made it: a retry of that call is answered from it. */
  requestId: string;
}

/** A member's running tally in a round, moved with each rating; settled once with its outcome and posting. */
export interface ReviewScore extends ReviewTally {
  _id: string;
  roundId: string;
  communityId: string;
  memberId: string;
  memberName: string;
  updatedAt: Date;
  settled: boolean;
  /** Once settled: the weighted result (null: 未参评) and the posting it made (null: none, 0 points or no result). */
  result: ReviewOutcome | null;
  postingId: string | null;
}
