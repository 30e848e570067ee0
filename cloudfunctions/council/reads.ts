import { councilGet, councilList, councilMembers } from '../../src/shared/contract';
import { partiesOf, type CouncilTopic } from '../../src/shared/domain/council';
import { DomainError } from '../../src/shared/domain/errors';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import { myBallot, summaryView, topics, topicView } from './topic-repo';

/** 议题列表: the community's topics, newest first; or the topics holding the caller's follow-up tasks (我的议事任务). */
export const list = defineHandler(councilList, async ({ view, offset, limit }, { openid, user }) => {
  const where: Query<CouncilTopic> = view === 'tasks' ? { taskOwnerIds: openid } : { communityId: user.communityId };
  const { docs, nextOffset } = await topics().where(where).orderBy('raisedAt', 'desc').page(offset, limit);
  const now = new Date();
  return { items: docs.map((t) => summaryView(t, user, now, view === 'tasks')), nextOffset };
});

/** 议题详情: the topic and how the caller's home voted (two reads by id, whatever the number of votes). */
export const get = defineHandler(councilGet, async ({ topicId }, { user }) => {
  const [topic, ballot] = await Promise.all([topics().get(topicId), myBallot(topicId, user)]);
  if (!topic || topic.communityId !== user.communityId) throw new DomainError('COUNCIL_TOPIC_NOT_FOUND');
  return { topic: topicView(topic, user, ballot) };
});

const MAX_MEMBERS = 100;

/** 议事成员: the community's staff, 业委会委员 and 物业代表, by name — those who may attend and own tasks. */
export const members = defineHandler(councilMembers, async (_input, { user }) => {
  const people = await table(collections.users)
    .where({ communityId: user.communityId, roles: _.in(['staff', 'owners_committee', 'property_rep']) })
    .orderBy('name', 'asc')
    .limit(MAX_MEMBERS)
    .get();
  return {
    members: people.map((p) => ({
      id: p._id,
      name: p.name,
      parties: partiesOf(p).filter((party) => party !== 'resident'),
      estate: p.councilEstate ?? null,
    })),
  };
});
