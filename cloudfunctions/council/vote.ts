import { councilVote } from '../../src/shared/contract';
import { assertVoteOpen, ballotIdOf, type CouncilBallot, type CouncilTopic } from '../../src/shared/domain/council';
import { DomainError } from '../../src/shared/domain/errors';
import { defineHandler } from '../_lib/platform/handler';
import { transact } from '../_lib/platform/transact';
import { ballotsIn, homeOf, recordedAs, topicIn, topicsIn, topicView } from './topic-repo';

/**
 * 一户一票: the ballot's id is the topic and the household (the voter's registered home), so a household has one
 * ballot whoever of it votes; the tally on the topic moves in the same transaction. Members of one home voting at
 * once all write the topic: one commits, the others retry, find their home's ballot and are told so
 * (COUNCIL_HOUSEHOLD_VOTED). The ballot carries the requestId: a retry of the call that cast it answers the tally as
 * it stands, without a retry record (byEffect). A vote past its deadline is refused: the result stands as counted.
 */
export const vote = defineHandler(
  councilVote,
  async ({ topicId, choice }, { openid, user, requestId, request }) => {
    const home = homeOf(user);
    if (!home) throw new DomainError('COUNCIL_NO_HOME');
    const now = new Date();
    const result = await transact(
      async (tx) => {
        const topic = await topicIn(tx, topicId, user);
        const id = ballotIdOf(topicId, home);
        const cast = await ballotsIn(tx).get(id);
        if (cast && requestId && cast.requestId === requestId && cast.voterId === openid) return { topic, ballot: cast };
        const open = assertVoteOpen(topic, now);
        if (cast) throw new DomainError('COUNCIL_HOUSEHOLD_VOTED');
        const ballot: CouncilBallot = {
          _id: id,
          topicId,
          communityId: topic.communityId,
          householdId: home,
          choice,
          voterId: openid,
          at: now,
          requestId: requestId ?? null,
        };
        await ballotsIn(tx).add(ballot);
        const vote = { ...open, [choice]: open[choice] + 1 };
        await topicsIn(tx).change(topicId, { [`vote.${choice}`]: vote[choice], updatedAt: now });
        return { topic: { ...topic, vote, updatedAt: now }, ballot };
      },
      recordedAs(request, (r: { topic: CouncilTopic; ballot: CouncilBallot }) => ({ topic: topicView(r.topic, user, r.ballot, now) }), true),
    );
    return { topic: topicView(result.topic, user, result.ballot, now) };
  },
  { record: 'inTransaction' },
);
