import { z } from 'zod';
import { ratings, verifyResults } from '../domain/petition';
import { petitionLevels, urgencies } from '../domain/petition-ladder';
import { ladderStaffRoles } from '../domain/scope';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate } from './common';
import { petitionReadActions } from './petition-reads';
import { petitionSupervisionActions } from './petition-supervision';
import { mapPointSchema, petitionStepSchema, petitionViewSchema } from './petition-view';

export * from './petition-reads';
export * from './petition-supervision';
export * from './petition-view';

const text = (min: number, max: number, what: string) => z.string().trim().min(min, `${what}至少 ${min} 个字`).max(max, `${what}最多 ${max} 字`);
const reason = text(2, 200, '原因');
const photos = (max: number) => z.array(fileIdSchema).max(max, `最多 ${max} 张图片`).default([]);
const ref = { petitionId: idSchema };
const one = z.object({ petition: petitionViewSchema });

const location = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('building'), buildingId: idSchema, detail: z.string().trim().max(50, '位置说明最多 50 字').optional() }).strict(),
  z.object({ kind: z.literal('point'), point: mapPointSchema }).strict(),
]);

export const petitionCreate = defineAction({
  name: 'petition.create',
  summary: '提交诉求（网格员、社区工作人员可为居民红色代办，代办人可为绑定的老人代办）',
  input: () =>
    z
      .object({
        categoryId: idSchema,
        description: text(5, 500, '问题描述'),
        photos: photos(6),
        urgency: z.enum(urgencies).default('normal'),
        location: location.optional().describe('where: required, except for a person filed for at their home (a 台账 person, a helper’s parent)'),
        onBehalfOf: z
          .object({
            residentId: idSchema.optional(),
            helperBinding: idSchema.optional().describe('代办人: the binding (helper.list) naming the parent the caller helps'),
            rosterKey: z
              .string()
              .trim()
              .min(1, '请从台账选择代办的居民')
              .max(200)
              .optional()
              .describe('a person of the 人口台账 by their stable key'),
            name: z.string().trim().min(1).max(20, '姓名最多 20 字').optional(),
            phone: z
              .string()
              .trim()
              .regex(/^1\d{10}$/, '手机号格式不对')
              .optional(),
          })
          .strict()
          .refine((v) => Boolean(v.residentId || v.helperBinding || v.rosterKey || v.name), '请从台账选择代办的居民')
          .optional()
          .describe(
            '红色代办 (grid workers and community staff): a registered resident by id, a 人口台账 person by key (placed at their building), or (grid workers) the name of one without a phone; 代办人: the parent of an active binding (placed at their home)',
          ),
        accepted: z
          .array(z.string().trim().min(1).max(64))
          .max(10)
          .optional()
          .describe('the notice templates the tap that filed it accepted (requestSubscribeMessage): the case keeps the consent'),
      })
      .strict()
      // A person of the roster, a helper's parent or a registered resident filed for is placed at their home unless a
      // place is given.
      .refine((v) => v.location !== undefined || Boolean(v.onBehalfOf?.rosterKey || v.onBehalfOf?.helperBinding || v.onBehalfOf?.residentId), {
        message: '请选择问题地点',
        path: ['location'],
      }),
  output: () => one,
  roles: ['resident', 'grid_worker', 'staff'],
  mutates: true,
});

export const petitionCosign = defineAction({
  name: 'petition.cosign',
  summary: '我也遇到：附议一条诉求，之后收到它的进展',
  input: () => z.object(ref).strict(),
  output: () => one,
  roles: ['resident'],
  mutates: true,
});

export const petitionUrge = defineAction({
  name: 'petition.urge',
  summary: '催办：诉求人（或其代办人）催促办理中的诉求，每条诉求每天一次，记入进度并通知办理人',
  input: () => z.object(ref).strict(),
  output: () => one,
  roles: ['resident'],
  mutates: true,
});

const note = z.string().trim().max(200, '说明最多 200 字').optional();

export const petitionRequestExtension = defineAction({
  name: 'petition.requestExtension',
  summary: '延期申请：当前办理这一级的人申请延长这一步的办理期限（须晚于现期限、至多原期限后 30 天），说明原因，由上一级审批',
  input: () =>
    z
      .object({
        ...ref,
        reason: text(5, 200, '延期原因'),
        until: isoDate.describe('the new deadline asked for (the client sends the end of the chosen China day, or the latest allowed)'),
      })
      .strict(),
  output: () => one,
  roles: ladderStaffRoles,
  mutates: true,
});

export const petitionDecideExtension = defineAction({
  name: 'petition.decideExtension',
  summary: '审批延期申请：上一级（网格→社区，社区→街道，街道、部门→区级，区级→区级其他人员）同意或不同意，不能审批自己的申请',
  input: () =>
    z
      .object({
        ...ref,
        approve: z.boolean(),
        note: z.string().trim().max(200, '审批意见最多 200 字').optional(),
      })
      .strict()
      .refine((v) => v.approve || (v.note?.length ?? 0) >= 2, { message: '不同意时请说明原因', path: ['note'] }),
  output: () => one,
  roles: ['staff', 'street_staff', 'district_staff'],
  mutates: true,
});

export const petitionAccept = defineAction({
  name: 'petition.accept',
  summary: '受理诉求（网格、社区、街道、区级）',
  input: () => z.object({ ...ref, note }).strict(),
  output: () => one,
  roles: ['grid_worker', 'staff', 'street_staff', 'district_staff'],
  mutates: true,
});

export const petitionReport = defineAction({
  name: 'petition.report',
  summary: '被召集的职能部门报到受理',
  input: () => z.object({ ...ref, note }).strict(),
  output: () => one,
  roles: ['department_staff'],
  mutates: true,
});

export const petitionResolve = defineAction({
  name: 'petition.resolve',
  summary: '办结并反馈（网格当场办结须附处理前后照片）',
  input: () => z.object({ ...ref, feedback: text(5, 500, '办理结果'), photos: photos(6), beforePhotos: photos(3), afterPhotos: photos(3) }).strict(),
  output: () => one,
  roles: ladderStaffRoles,
  mutates: true,
});

export const petitionDismiss = defineAction({
  name: 'petition.dismiss',
  summary: '不予受理（重复、无效的诉求），说明原因',
  input: () => z.object({ ...ref, reason }).strict(),
  output: () => one,
  roles: ladderStaffRoles,
  mutates: true,
});

export const petitionEscalate = defineAction({
  name: 'petition.escalate',
  summary: '吹哨：上报上一级并说明原因（街道上报即交区级）',
  input: () => z.object({ ...ref, reason }).strict(),
  output: () => one,
  roles: ['grid_worker', 'staff', 'street_staff', 'department_staff'],
  mutates: true,
});

export const petitionSummon = defineAction({
  name: 'petition.summon',
  summary: '街道召集职能部门（部门须在时限内报到）',
  input: () => z.object({ ...ref, departmentId: idSchema, reason }).strict(),
  output: () => one,
  roles: ['street_staff'],
  mutates: true,
});

export const petitionConvene = defineAction({
  name: 'petition.convene',
  summary: '社区将物业、业主事项提交三方议事（社区、业委会、物业）：同时提出一个议事议题',
  input: () => z.object({ ...ref, note }).strict(),
  output: () => one,
  roles: ['staff'],
  mutates: true,
});

export const petitionDecide = defineAction({
  name: 'petition.decide',
  summary: '以三方议事议题的决定作为办理结果（议题须已议定：纪要已发布，需表决的已截止）',
  input: () => z.object({ ...ref, topicId: idSchema }).strict(),
  output: () => one,
  roles: ['staff'],
  mutates: true,
});

export const petitionRate = defineAction({
  name: 'petition.rate',
  summary: '评价办理结果：满意 / 基本满意 / 不满意（不满意须说明）',
  input: () =>
    z
      .object({ ...ref, rating: z.enum(ratings), comment: z.string().trim().max(200, '评价最多 200 字').optional() })
      .strict()
      .refine((v) => v.rating !== 'unsatisfied' || (v.comment?.length ?? 0) >= 2, { message: '请说明哪里不满意', path: ['comment'] }),
  output: () => one,
  roles: ['resident', 'grid_worker'],
  mutates: true,
});

export const petitionVerify = defineAction({
  name: 'petition.verify',
  summary: '现场验证办理结果（本网格网格员；无网格的地点由社区工作人员）：已解决 / 部分解决 / 未解决，附说明和照片',
  input: () =>
    z
      .object({
        ...ref,
        result: z.enum(verifyResults),
        note: text(2, 200, '验证说明'),
        photos: z.array(fileIdSchema).min(1, '请至少拍一张现场照片').max(6, '最多 6 张图片'),
      })
      .strict(),
  output: () => one,
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const petitionConfirm = defineAction({
  name: 'petition.confirm',
  summary: '确认办理结果（诉求人或其代办人）：已解决 / 部分解决 / 未解决；已解决时可同时评价，一次办结',
  input: () =>
    z
      .object({
        ...ref,
        result: z.enum(verifyResults),
        rating: z
          .enum(['satisfied', 'basic'])
          .optional()
          .describe('with 已解决 only: rated in the same tap, the case closes (a 不满意 is answered 部分解决 or 未解决)'),
        note: z.string().trim().max(200, '说明最多 200 字').optional(),
      })
      .strict()
      .refine((v) => v.rating === undefined || v.result === 'resolved', { message: '只有“已解决”可以同时评价', path: ['rating'] }),
  output: () =>
    one.extend({
      lines: z
        .array(petitionStepSchema)
        .describe('the timeline lines this answer wrote, as the timeline shows them to the caller: 验证, and 评价 with a rating'),
    }),
  roles: ['resident', 'grid_worker', 'staff'],
  mutates: true,
});

export const petitionReopen = defineAction({
  name: 'petition.reopen',
  summary: '社区复核后重新交办到某一级',
  input: () => z.object({ ...ref, level: z.enum(petitionLevels), reason }).strict(),
  output: () => one,
  roles: ['staff'],
  mutates: true,
});

export const petitionConclude = defineAction({
  name: 'petition.conclude',
  summary: '社区复核后维持办理结果并办结',
  input: () => z.object({ ...ref, conclusion: text(5, 500, '复核意见') }).strict(),
  output: () => one,
  roles: ['staff'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const petitionActions = [
  petitionCreate,
  petitionCosign,
  petitionUrge,
  petitionRequestExtension,
  petitionDecideExtension,
  petitionAccept,
  petitionReport,
  petitionResolve,
  petitionDismiss,
  petitionEscalate,
  petitionSummon,
  petitionConvene,
  petitionDecide,
  petitionVerify,
  petitionConfirm,
  petitionRate,
  petitionReopen,
  petitionConclude,
  ...petitionReadActions,
  ...petitionSupervisionActions,
] as const;
