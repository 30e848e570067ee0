import { councilCosign, councilRaise } from '../../src/shared/contract';
import { cosigned, firstStatus, newTopic, partiesOf, type CouncilTopic } from '../../src/shared/domain/council';
import { DomainError } from '../../src/shared/domain/errors';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { transact } from '../_lib/platform/transact';
import { recordedAs, topicIn, topicsIn, topicView } from './topic-repo';

/**
 * 提出议题: a person speaks for a party they hold — the community's staff, an appointed 业委会 or 物业 seat (for their
 * 小区, if they sit for one), or a resident at home, whose topic first gathers co-signs. The text passes the content
 * check before anything is written; the topic's id comes from the requestId, so a retry never raises it twice.
 */
export const raise = defineHandler(
  councilRaise,
  async ({ party, title, body, estate }, { openid, user, requestId, request }) => {
    if (!partiesOf(user).includes(party)) throw new DomainError('COUNCIL_NOT_PARTY');
    const seat = party === 'owners_committee' || party === 'property' ? (user.councilEstate ?? null) : null;
    if (seat && estate && estate !== seat) throw new DomainError('COUNCIL_NOT_PARTY', `你代表的是${seat}，只能为${seat}提出议题`);
    await assertPublishable(openid, `${title}\n${body}`);
    const now = new Date();
    const topic = newTopic(
      {
        _id: `ct-${idForRequest([openid], requestId, 20)}`,
        streetId: user.streetId,
        communityId: user.communityId,
        estate: seat ?? estate ?? null,
        title,
        body,
        party,
        petitionId: null,
        status: firstStatus(party),
      },
      user,
      now,
    );
    const view = (t: CouncilTopic) => ({ topic: topicView(t, user, null, now) });
    await transact(
      async (tx) => {
        // Inserted: a retry's insert meets the first call's topic and is undone whole, then answered with its reply.
        await topicsIn(tx).add(topic);
        return topic;
      },
      recordedAs(request, view),
    );
    return view(topic);
  },
  { record: 'inTransaction' },
);

/** 联名: a resident of the community joins a residents' topic once; the fifth puts it on the council's list. */
export const cosign = defineHandler(
  councilCosign,
  async ({ topicId }, { user, request }) => {
    const view = (t: CouncilTopic) => ({ topic: topicView(t, user, null) });
    const topic = await transact(
      async (tx) => {
        const found = await topicIn(tx, topicId, user);
        const changes = { ...cosigned(found, user), updatedAt: new Date() };
        await topicsIn(tx).change(topicId, changes);
        return { ...found, ...changes };
      },
      recordedAs(request, view),
    );
    return view(topic);
  },
  { record: 'inTransaction' },
);
