import { reviewClose } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import type { ReviewRound } from './review-docs';
import { forgetRound, roundView } from './rounds';

// 结束评议: no rating lands after this commits (each reads the round in its transaction). The results are posted by
// the `settle` timer, member by member, each exactly once (settle.ts). A member of the round may not close it: their
// own party points would follow from their staff action (回避: a colleague closes it).
export const close = defineHandler(
  reviewClose,
  async ({ roundId }, { openid, user, request }) => {
    const closed = await transact(
      async (tx) => {
        const rounds = tableIn(tx, collections.reviewRounds);
        const round = await rounds.get(roundId);
        if (!round) throw new DomainError('REVIEW_NO_ROUND');
        if (round.communityId !== user.communityId) throw new DomainError('FORBIDDEN_SCOPE');
        if (round.status !== 'open') throw new DomainError('REVIEW_ROUND_CLOSED');
        assertNotSelf(openid, ...round.members.map((m) => m.id));
        const changes = { status: 'closing', closedBy: openid, closedByName: user.name, closedAt: new Date() } as const;
        await rounds.change(roundId, changes);
        return { ...round, ...changes } satisfies ReviewRound;
      },
      { busy: 'BUSY', record: { request, output: (r) => ({ round: roundView(r) }) } },
    );
    forgetRound(roundId);
    return { round: roundView(closed) };
  },
  { record: 'inTransaction' },
);
