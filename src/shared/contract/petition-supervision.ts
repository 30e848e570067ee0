import { z } from 'zod';
import { cardColors, cardReasons } from '../domain/petition-cards';
import { petitionLevels } from '../domain/petition-ladder';
import { defineAction } from './action';
import { idSchema, isoDate } from './common';
import { petitionViewSchema } from './petition-view';

/** 督办 (supervision) by a 督办员: the queue of their area, cards by hand, and orders (责令上报, 改派). */

const comment = z.string().trim().min(2, '请写明督办意见（至少 2 个字）').max(200, '督办意见最多 200 字');
const ref = { petitionId: idSchema };

export const supervisionCardSchema = z.object({
  color: z.enum(cardColors),
  reason: z.enum(cardReasons),
  level: z.enum(petitionLevels),
  departmentId: z.string().nullable(),
  at: isoDate,
  byName: z.string().nullable(),
  comment: z.string().nullable(),
});

/** A case as the 督办员 sees it: the case, and the card of its current step (null: none). */
export const supervisedSchema = z.object({ petition: petitionViewSchema, card: supervisionCardSchema.nullable() });
const supervisedOne = supervisedSchema;

/** Where the next page starts: opaque to clients (the segment of the 督办优先 order and the position in it). */
export const SUPERVISED_SEGMENT = 100_000;

export const petitionListSupervised = defineAction({
  name: 'petition.listSupervised',
  summary: '督办台：督办员所辖（本街道或全区）未办结的诉求及其督办牌，督办优先（红牌、黄牌、逾期、到期先后）或按到期先后',
  input: () =>
    z
      .object({
        color: z
          .enum([...cardColors, 'none'])
          .optional()
          .describe('only red, yellow or uncarded cases'),
        level: z.enum(petitionLevels).optional(),
        sort: z.enum(['supervise', 'due']).default('supervise').describe('supervise: 红牌, 黄牌, then by due (overdue first); due: by due only'),
        offset: z
          .number()
          .int()
          .min(0)
          .max(2 * SUPERVISED_SEGMENT)
          .default(0)
          .describe('nextOffset of the page before: opaque'),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
  output: () =>
    z.object({
      scope: z.enum(['street', 'district']),
      unitName: z.string(),
      items: z.array(supervisedSchema),
      nextOffset: z.number().int().nullable(),
    }),
  roles: ['supervisor'],
  mutates: false,
});

export const petitionIssueCard = defineAction({
  name: 'petition.issueCard',
  summary: '督办员对本辖区未办结的诉求亮黄牌或红牌（须写督办意见），记入进度并通知办理人；红牌不改为黄牌；须带 requestId',
  input: () => z.object({ ...ref, color: z.enum(cardColors), comment }).strict(),
  output: () => supervisedOne,
  roles: ['supervisor'],
  mutates: true,
});

export const petitionOrderEscalate = defineAction({
  name: 'petition.orderEscalate',
  summary: '督办员责令上报：本辖区未办结的诉求上报上一级（如同吹哨，记为督办员责令），须带 requestId',
  input: () => z.object({ ...ref, comment }).strict(),
  output: () => supervisedOne,
  roles: ['supervisor'],
  mutates: true,
});

export const petitionOrderReassign = defineAction({
  name: 'petition.orderReassign',
  summary: '督办员改派：网格、社区一级的诉求改派到本社区另一网格，职能部门一级的改派到另一部门，重新受理；须带 requestId',
  input: () =>
    z
      .object({
        ...ref,
        to: z.union([z.object({ gridId: idSchema }).strict(), z.object({ departmentId: idSchema }).strict()]),
        comment,
      })
      .strict(),
  output: () => supervisedOne,
  roles: ['supervisor'],
  mutates: true,
});

export const petitionReassignChoices = defineAction({
  name: 'petition.reassignChoices',
  summary: '改派时可选的去处：网格、社区一级的诉求为本社区其他网格，职能部门一级的为其他部门（其他级别无可改派）',
  input: () => z.object(ref).strict(),
  output: () =>
    z.object({
      kind: z.enum(['grid', 'department', 'none']),
      choices: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  roles: ['supervisor'],
  mutates: false,
});

export const petitionSupervisionActions = [
  petitionListSupervised,
  petitionIssueCard,
  petitionOrderEscalate,
  petitionOrderReassign,
  petitionReassignChoices,
] as const;
