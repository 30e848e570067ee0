import { z } from 'zod';
import { periodPattern, reviewGrades, reviewKinds } from '../domain/review';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

const period = z.string().regex(periodPattern, '评议期格式应为 2026h1 或 2026h2');

const outcomeSchema = z.object({ score: z.number(), grade: z.enum(reviewGrades), points: z.number().int() });

/** A round as everyone in its community sees it. */
export const reviewRoundSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    period,
    label: z.string().describe('2026年下半年'),
    status: z.enum(['open', 'closing', 'published']).describe('closing: closed, results being posted'),
    memberCount: z.number().int(),
    openedByName: z.string(),
    openedAt: isoDate,
    closedAt: isoDate.nullable(),
    publishedAt: isoDate.nullable(),
  }),
);

export const reviewMemberSchema = z.lazy(() =>
  z.object({
    memberId: z.string(),
    name: z.string(),
    /** Progress, for staff while the round is open (and counts for everyone once published). */
    selfDone: z.boolean(),
    peerCount: z.number().int(),
    massCount: z.number().int(),
    /** Once published: the weighted result, or null (未参评: too few ratings). */
    result: outcomeSchema.nullable(),
    me: z.boolean(),
  }),
);

export const reviewOpen = defineAction({
  name: 'review.open',
  summary: '社区工作人员开启本半年的民主评议（本社区全体党员），每半年一轮，须带 requestId；答复含参评党员（进度为零）',
  input: () => z.object({}).strict(),
  output: () => z.object({ round: reviewRoundSchema, items: z.array(reviewMemberSchema) }),
  roles: ['staff'],
  mutates: true,
});

export const reviewRatingSchema = z.object({
  memberId: z.string(),
  kind: z.enum(reviewKinds),
  grade: z.enum(reviewGrades),
  at: isoDate,
});

export const reviewSubmit = defineAction({
  name: 'review.submit',
  summary: '自评、互评（本社区党员互评）或群评（为你服务过的党员），每人对每位党员只评一次，须带 requestId',
  input: () =>
    z
      .object({
        roundId: idSchema,
        memberId: idSchema,
        kind: z.enum(reviewKinds, { error: '请选择自评、互评或群评' }),
        grade: z.enum(reviewGrades, { error: '请选择优秀、合格、基本合格或不合格' }),
      })
      .strict(),
  output: () => z.object({ rating: reviewRatingSchema, replayed: z.boolean() }),
  roles: 'registered',
  mutates: true,
});

/** Someone the caller may rate in this round, and what they gave (null: not yet). */
export const reviewTargetSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  kind: z.enum(reviewKinds),
  grade: z.enum(reviewGrades).nullable(),
});

export const reviewMine = defineAction({
  name: 'review.mine',
  summary: '我的评议：本社区进行中的一轮，以及我可以评议的人（党员：自评和互评；居民：为我服务过的党员）',
  input: () => z.object({}).strict(),
  output: () => z.object({ round: reviewRoundSchema.nullable(), targets: z.array(reviewTargetSchema) }),
  roles: 'registered',
  mutates: false,
});

export const reviewClose = defineAction({
  name: 'review.close',
  summary: '结束一轮民主评议：结果随后按加权规则记入每位党员的党员积分并公布，须带 requestId',
  input: () => z.object({ roundId: idSchema }).strict(),
  output: () => z.object({ round: reviewRoundSchema }),
  roles: ['staff'],
  mutates: true,
});

export const reviewResults = defineAction({
  name: 'review.results',
  summary: '民主评议结果（已公布的名单）；社区工作人员在评议期间可看进度。默认本半年',
  input: () => z.object({ period: period.optional(), ...pageInput }).strict(),
  output: () => pageOf(reviewMemberSchema).extend({ round: reviewRoundSchema.nullable() }),
  roles: 'registered',
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const reviewActions = [reviewOpen, reviewSubmit, reviewMine, reviewClose, reviewResults] as const;
