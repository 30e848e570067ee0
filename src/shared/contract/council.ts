import { z } from 'zod';
import { councilLimits, councilParties, topicStatuses, voteChoices } from '../domain/council';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

const text = (min: number, max: number, what: string) => z.string().trim().min(min, `${what}至少 ${min} 个字`).max(max, `${what}最多 ${max} 字`);
const topicRef = { topicId: idSchema };
/** A time the client sends as ISO text (its JSON Schema says so); the handlers get a Date. */
const when = isoDate.transform((s) => new Date(s));

export const councilTaskSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    ownerName: z.string(),
    deadline: isoDate,
    status: z.enum(['open', 'done']),
    doneAt: isoDate.nullable(),
    note: z.string().nullable(),
    /** The viewer owns it: they may mark it done. */
    mine: z.boolean(),
    overdue: z.boolean(),
  }),
);

/** A topic as its page shows it. Names: the three parties' people by name; a resident raiser masked (王**) but to staff. */
const councilTopic = () =>
  z.object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    estate: z.string().nullable(),
    party: z.enum(councilParties),
    raisedByName: z.string(),
    raisedAt: isoDate,
    status: z.enum(topicStatuses),
    cosigns: z.number().int(),
    cosignsNeeded: z.number().int(),
    cosignedByMe: z.boolean(),
    raisedByMe: z.boolean(),
    petitionId: z.string().nullable(),
    meeting: z.object({ at: isoDate, place: z.string(), agenda: z.array(z.string()), byName: z.string() }).nullable(),
    attendees: z.array(z.object({ name: z.string(), party: z.enum(councilParties) })),
    minutes: z.object({ text: z.string(), decision: z.string(), byName: z.string(), at: isoDate }).nullable(),
    vote: z
      .object({
        question: z.string(),
        deadline: isoDate,
        agree: z.number().int(),
        disagree: z.number().int(),
        abstain: z.number().int(),
        open: z.boolean(),
        passed: z.boolean(),
      })
      .nullable(),
    /** The viewer's household's vote, whoever of it cast it; `byMe` when the viewer did. */
    myVote: z.object({ choice: z.enum(voteChoices), byMe: z.boolean() }).nullable(),
    /** The viewer has a registered home in the topic's community (一户一票). */
    canVote: z.boolean(),
    /** The viewer is staff of the topic's community and it is not their own: they schedule and minute it. */
    runs: z.boolean(),
    tasks: z.array(councilTaskSchema),
  });
export const councilTopicSchema = z.lazy(councilTopic);

/** A topic on a list; on 我的议事任务, `tasks` are the viewer's own. */
export const councilSummarySchema = z.lazy(() =>
  councilTopic().pick({
    id: true,
    title: true,
    estate: true,
    party: true,
    raisedByName: true,
    raisedAt: true,
    status: true,
    cosigns: true,
    cosignsNeeded: true,
    meeting: true,
    tasks: true,
  }),
);

const one = z.object({ topic: councilTopicSchema });

export const councilRaise = defineAction({
  name: 'council.raise',
  summary: '提出议题：社区、业委会、物业直接列入议事；居民提出的须有 5 位居民联名',
  input: () =>
    z
      .object({
        party: z.enum(councilParties),
        title: text(4, 30, '议题'),
        body: text(10, 500, '议题说明'),
        estate: text(2, 20, '小区名称').optional(),
      })
      .strict(),
  output: () => one,
  roles: 'registered',
  mutates: true,
});

export const councilCosign = defineAction({
  name: 'council.cosign',
  summary: '为居民提出的议题联名（本社区居民，每人一次）',
  input: () => z.object(topicRef).strict(),
  output: () => one,
  roles: ['resident', 'member'],
  mutates: true,
});

export const councilSchedule = defineAction({
  name: 'council.schedule',
  summary: '社区工作人员安排三方议事会议：时间、地点、议程（可改期）',
  input: () =>
    z
      .object({
        ...topicRef,
        at: when,
        place: text(2, 40, '会议地点'),
        agenda: z
          .array(text(2, 60, '议程'))
          .min(1, '请至少写一项议程')
          .max(councilLimits.agenda, `议程最多 ${councilLimits.agenda} 项`),
      })
      .strict(),
  output: () => one,
  roles: ['staff'],
  mutates: true,
});

export const councilMinutes = defineAction({
  name: 'council.minutes',
  summary: '发布会议纪要和决定：参会人、需要时发起一户一票的居民表决、后续任务（负责人、期限）',
  input: () =>
    z
      .object({
        ...topicRef,
        attendeeIds: z.array(idSchema).min(2, '请至少选择两位参会人').max(councilLimits.attendees),
        minutes: text(10, 1000, '会议纪要'),
        decision: text(4, 300, '议事决定'),
        vote: z
          .object({ question: text(4, 60, '表决事项'), deadline: when })
          .strict()
          .nullable()
          .default(null),
        tasks: z
          .array(z.object({ title: text(2, 40, '任务'), ownerId: idSchema, deadline: when }).strict())
          .max(councilLimits.tasks, `后续任务最多 ${councilLimits.tasks} 项`)
          .default([]),
      })
      .strict(),
  output: () => one,
  roles: ['staff'],
  mutates: true,
});

export const councilVote = defineAction({
  name: 'council.vote',
  summary: '居民表决：每户一票（家里任何一人投出即算这一户），截止前可投，结果实时公布',
  input: () => z.object({ ...topicRef, choice: z.enum(voteChoices) }).strict(),
  output: () => one,
  roles: 'registered',
  mutates: true,
});

export const councilFinishTask = defineAction({
  name: 'council.finishTask',
  summary: '任务负责人标记议事后续任务完成，附说明',
  input: () => z.object({ ...topicRef, taskId: idSchema, note: text(2, 200, '完成说明') }).strict(),
  output: () => one,
  roles: 'registered',
  mutates: true,
});

export const councilList = defineAction({
  name: 'council.list',
  summary: '议题列表：all 本社区的议题（最新的在前），tasks 我负责的议事任务所在的议题',
  input: () => z.object({ view: z.enum(['all', 'tasks']).default('all'), ...pageInput }).strict(),
  output: () => pageOf(councilSummarySchema),
  roles: 'registered',
  mutates: false,
});

export const councilGet = defineAction({
  name: 'council.get',
  summary: '议题详情：议程、参会人、纪要、决定、表决实时结果、后续任务',
  input: () => z.object(topicRef).strict(),
  output: () => one,
  roles: 'registered',
  mutates: false,
});

export const councilMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  parties: z.array(z.enum(councilParties)),
  estate: z.string().nullable(),
});

export const councilMembers = defineAction({
  name: 'council.members',
  summary: '本社区的议事成员（社区工作人员、业委会委员、物业代表），供选参会人和任务负责人',
  input: () => z.object({}).strict(),
  output: () => z.object({ members: z.array(councilMemberSchema) }),
  roles: ['staff'],
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const councilActions = [
  councilRaise,
  councilCosign,
  councilSchedule,
  councilMinutes,
  councilVote,
  councilFinishTask,
  councilList,
  councilGet,
  councilMembers,
] as const;
