import type { z } from 'zod';
import type { reviewRoundSchema } from '../../src/shared/contract';
import { periodLabel } from '../../src/shared/domain/review';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { forgetWarm, warmCached } from '../_lib/platform/warm-cache';
import type { ReviewRound } from './review-docs';

/** A round has at most this many members (fixed when it opens): every read of it then knows them by id. */
export const MAX_ROUND_MEMBERS = 300;

/** An open round is kept warm for a page's reads only: a rating reads it in its own transaction. */
const WARM_MS = 30_000;

export function roundView(r: ReviewRound): z.input<typeof reviewRoundSchema> {
  return {
    id: r._id,
    period: r.period,
    label: periodLabel(r.period),
    status: r.status,
    memberCount: r.members.length,
    openedByName: r.openedByName,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
  };
}

const warmKey = (id: string) => `review-round:${id}`;

/** The round as a page shows it: an open one from this instance's copy (≤ 30 s old); nothing else is kept. */
export async function shownRound(id: string): Promise<ReviewRound | null> {
  const round = await warmCached(warmKey(id), WARM_MS, () => table(collections.reviewRounds).get(id));
  if (round?.status !== 'open') forgetWarm(warmKey(id));
  return round;
}

/** After this instance opened or closed it: its pages show the change at once. */
export function forgetRound(id: string): void {
  forgetWarm(warmKey(id));
}
