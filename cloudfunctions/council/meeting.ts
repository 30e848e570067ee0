import { councilFinishTask, councilMinutes, councilSchedule } from '../../src/shared/contract';
import {
  assertMinutesAllowed,
  assertSchedulable,
  partiesOf,
  sitsFor,
  type CouncilAttendee,
  type CouncilParty,
  type CouncilTask,
  type CouncilTopic,
} from '../../src/shared/domain/council';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { transact, type RetryRecord } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { recordedAs, runsTopic, topicIn, topicsIn, topicView } from './topic-repo';

/**
 * A step of the community's staff on a topic of their community, in one transaction with its retry record: `plan`
 * checks the topic as read and answers the changes. Nobody runs a topic they raised as a resident (FORBIDDEN_SELF).
 */
async function staffStep(
  user: UserProfile,
  topicId: string,
  request: RetryRecord | undefined,
  plan: (topic: CouncilTopic, now: Date) => Partial<CouncilTopic>,
) {
  const view = (t: CouncilTopic) => ({ topic: topicView(t, user, null) });
  const topic = await transact(
    async (tx) => {
      const found = await topicIn(tx, topicId, user);
      if (!runsTopic(user, found)) throw new DomainError(user.roles.includes('staff') ? 'FORBIDDEN_SELF' : 'FORBIDDEN_SCOPE');
      const now = new Date();
      const changes = { ...plan(found, now), updatedAt: now };
      await topicsIn(tx).change(topicId, changes);
      return { ...found, ...changes };
    },
    recordedAs(request, view),
  );
  return view(topic);
}

/** 安排会议: date, place and agenda (moved by scheduling again before the minutes). */
export const schedule = defineHandler(
  councilSchedule,
  async ({ topicId, at, place, agenda }, { user, request }) => {
    await assertPublishable(user._id, [place, ...agenda].join('\n'));
    return staffStep(user, topicId, request, (topic, now) => {
      assertSchedulable(topic, at, now);
      return { status: 'scheduled', meeting: { at, place, agenda, by: user._id, byName: user.name } };
    });
  },
  { record: 'inTransaction' },
);

/** The seat a person held at the meeting: the first of community, 业委会, 物业 they sit in for this topic. */
function seatOf(person: UserProfile, topic: CouncilTopic): CouncilParty | null {
  return partiesOf(person).find((p) => p !== 'resident' && sitsFor(person, p, topic)) ?? null;
}

/**
 * 会议纪要 and 决定: who attended (the three parties' people of the community), the minutes, the decision, a household
 * vote where the decision needs residents' consent, and the follow-up tasks with their owners (council members too)
 * and deadlines — which from now on show in each owner's 我的议事任务.
 */
export const minutes = defineHandler(
  councilMinutes,
  async (input, { user, request }) => {
    await assertPublishable(user._id, [input.minutes, input.decision, input.vote?.question ?? '', ...input.tasks.map((t) => t.title)].join('\n'));
    const people = await table(collections.users).byIds([...input.attendeeIds, ...input.tasks.map((t) => t.ownerId)]);
    return staffStep(user, input.topicId, request, (topic, now) => {
      assertMinutesAllowed(topic, input.vote?.deadline ?? null, now);
      const seated = (id: string) => {
        const person = people.get(id);
        const party = person ? seatOf(person, topic) : null;
        if (!person || !party) throw new DomainError('COUNCIL_PERSON_INVALID');
        return { person, party };
      };
      const attendees: CouncilAttendee[] = [...new Set(input.attendeeIds)].map((id) => {
        const { person, party } = seated(id);
        return { id, name: person.name, party };
      });
      const tasks: CouncilTask[] = input.tasks.map((t, i) => {
        if (t.deadline.getTime() <= now.getTime()) throw new DomainError('COUNCIL_ILLEGAL_STEP', '任务期限须晚于现在');
        const { person } = seated(t.ownerId);
        return {
          id: `t${i + 1}`,
          title: t.title,
          ownerId: t.ownerId,
          ownerName: person.name,
          deadline: t.deadline,
          status: 'open',
          doneAt: null,
          note: null,
        };
      });
      return {
        status: input.vote ? 'voting' : 'decided',
        attendees,
        minutes: { text: input.minutes, decision: input.decision, by: user._id, byName: user.name, at: now },
        vote: input.vote ? { question: input.vote.question, deadline: input.vote.deadline, agree: 0, disagree: 0, abstain: 0 } : null,
        tasks,
        taskOwnerIds: [...new Set(tasks.map((t) => t.ownerId))],
      };
    });
  },
  { record: 'inTransaction' },
);

/** 任务完成: the owner of a follow-up task marks it done, with a note, once. */
export const finishTask = defineHandler(
  councilFinishTask,
  async ({ topicId, taskId, note }, { user, request }) => {
    await assertPublishable(user._id, note);
    const view = (t: CouncilTopic) => ({ topic: topicView(t, user, null) });
    const topic = await transact(
      async (tx) => {
        const found = await topicIn(tx, topicId, user);
        const task = found.tasks.find((t) => t.id === taskId && t.ownerId === user._id);
        if (!task) throw new DomainError('COUNCIL_TASK_NOT_FOUND');
        if (task.status === 'done') throw new DomainError('COUNCIL_ILLEGAL_STEP', '这项任务已经标记完成');
        const now = new Date();
        const tasks = found.tasks.map((t) => (t === task ? { ...t, status: 'done' as const, doneAt: now, note } : t));
        await topicsIn(tx).change(topicId, { tasks, updatedAt: now });
        return { ...found, tasks, updatedAt: now };
      },
      recordedAs(request, view),
    );
    return view(topic);
  },
  { record: 'inTransaction' },
);
