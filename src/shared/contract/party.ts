import { z } from 'zod';
import { monthPattern } from '../domain/time';
import { pointItemKinds } from '../domain/point-items';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate, pageInput, pageOf } from './common';

const month = z.string().regex(monthPattern, '月份格式应为 YYYY-MM');

export const partyItemSchema = z.object({
  id: z.string(),
  kind: z.enum(pointItemKinds),
  name: z.string(),
  points: z.number().int(),
  maxPoints: z.number().int(),
});

export const pointsPartyItems = defineAction({
  name: 'points.partyItems',
  summary: '党员积分“1+1−1”的基础分、加分和减分项目（录入时选择）',
  input: () => z.object({}).strict(),
  output: () => z.object({ items: z.array(partyItemSchema) }),
  roles: ['staff'],
  mutates: false,
});

export const pointsPartyEntry = defineAction({
  name: 'points.partyEntry',
  summary: '为党员录入基础分、加分或减分，须写明原因并附佐证，须带 requestId',
  input: () =>
    z
      .object({
        openid: idSchema,
        itemId: idSchema,
        points: z.number().int('积分须为整数').min(1, '积分至少为 1').max(1000).optional(),
        reason: z.string().trim().min(2, '请写明原因').max(100, '原因最多 100 字'),
        evidence: z.object({
          text: z.string().trim().min(2, '请写明佐证情况').max(500, '佐证最多 500 字'),
          photos: z.array(fileIdSchema).max(6, '最多 6 张图片').default([]),
        }),
      })
      .strict(),
  output: () =>
    z.object({
      postingId: z.string(),
      replayed: z.boolean(),
      /** Signed: + for base and bonus, − for a deduction. */
      points: z.number().int(),
      month,
      belowZero: z.boolean().describe('the deduction took the balance below zero (recorded as an override)'),
    }),
  roles: ['staff'],
  mutates: true,
});

export const partyEntryViewSchema = z.object({
  postingId: z.string(),
  memberName: z.string(),
  kind: z.enum(pointItemKinds),
  itemName: z.string(),
  points: z.number().int(),
  reason: z.string(),
  evidence: z.object({ text: z.string(), photos: z.array(z.object({ fileID: z.string(), url: z.string().nullable() })) }),
  byName: z.string(),
  at: isoDate,
});

export const pointsPartyEntries = defineAction({
  name: 'points.partyEntries',
  summary: '本社区某月录入的党员积分明细及佐证（默认本月），最新的在前',
  input: () => z.object({ month: month.optional(), ...pageInput }).strict(),
  output: () => pageOf(partyEntryViewSchema),
  roles: ['staff'],
  mutates: false,
});

export const rankedMemberSchema = z.object({
  rank: z.number().int().min(1),
  name: z.string(),
  points: z.number().int(),
  star: z.boolean().describe('明星党员'),
  me: z.boolean(),
});

export const rankingSchema = z.object({
  month,
  closed: z.boolean(),
  closedAt: isoDate.nullable(),
  members: z.array(rankedMemberSchema),
});

export const pointsRanking = defineAction({
  name: 'points.ranking',
  summary: '本社区党员积分月度排名（默认本月）；已结算的月份读结算时的快照',
  input: () => z.object({ month: month.optional() }).strict(),
  output: () => rankingSchema,
  roles: 'registered',
  mutates: false,
});

export const pointsCloseMonth = defineAction({
  name: 'points.closeMonth',
  summary: '月度结算：冻结该月排名并评出明星党员（重复结算返回同一结果）',
  input: () => z.object({ month }).strict(),
  output: () => rankingSchema.extend({ replayed: z.boolean() }),
  roles: ['staff'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const partyActions = [pointsPartyItems, pointsPartyEntry, pointsPartyEntries, pointsRanking, pointsCloseMonth] as const;
