import { z } from 'zod';
import { projectStatuses, providerKinds, resourceKinds } from '../domain/project';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

/**
 * 三张清单 (issue 16): the needs, resources and projects of a community, served by the `project` function
 * (`list.*` and `project.*`). Lists carry no resident's name or phone: gathered needs are counts per category,
 * staff-entered needs name a place, resources name their provider (a unit, a shop, a member serving under their
 * own name), projects their claiming unit.
 */

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 字`);
const stars = z.number().int('请打 1–5 分').min(1, '请打 1–5 分').max(5, '请打 1–5 分');

export const needViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  placeName: z.string(),
  createdAt: isoDate,
  /** The project it went into, if any. */
  projectId: z.string().nullable(),
});

export const gatheredNeedSchema = z.object({
  source: z.enum(['wish', 'petition']),
  categoryId: z.string(),
  categoryName: z.string(),
  count: z.number().int(),
});

export const resourceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(resourceKinds),
  title: z.string(),
  detail: z.string(),
  availability: z.string(),
  provider: z.object({ kind: z.enum(providerKinds), id: z.string(), name: z.string() }),
  createdAt: isoDate,
});

export const ratingSummarySchema = z.object({
  residents: z.object({ average: z.number().nullable(), count: z.number().int() }),
  staff: z.object({ average: z.number().nullable(), count: z.number().int() }),
  /** Residents' and staff's averages weighed equally (domain/project.ts projectScore). */
  score: z.number().nullable(),
});

export const projectViewSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    detail: z.string(),
    status: z.enum(projectStatuses),
    needs: z.array(z.object({ id: z.string(), title: z.string() })),
    resources: z.array(z.object({ id: z.string(), kind: z.enum(resourceKinds), title: z.string(), providerName: z.string() })),
    claimant: z.object({ unitId: z.string(), unitName: z.string(), claimedAt: isoDate }).nullable(),
    progress: z.number().int(),
    reports: z.array(z.object({ at: isoDate, text: z.string(), progress: z.number().int() })),
    rating: ratingSummarySchema,
    createdByName: z.string(),
    createdAt: isoDate,
    doneAt: isoDate.nullable(),
    /** What the viewer may do with it now. */
    mayClaim: z.boolean(),
    mayReport: z.boolean(),
    mayRate: z.boolean(),
    /** Null on a list page (not read there): the project's own page says. */
    ratedByMe: z.boolean().nullable(),
  }),
);

/** A unit's projects of a year, as its annual evaluation (unit.evaluate) shows them beside the staff's score. */
export const unitYearSchema = z.object({
  unitId: z.string(),
  year: z.number().int(),
  projectsDone: z.number().int(),
  rating: ratingSummarySchema,
});

export const listNeeds = defineAction({
  name: 'list.needs',
  summary: '需求清单：近几个月本社区（或一个网格）心愿和诉求按类别的数量（读统计，不扫案件），以及社区录入的需求（分页）',
  input: () =>
    z
      .object({
        /** A grid of the caller's community; omitted: the whole community. */
        gridId: idSchema.optional(),
        months: z.number().int().min(1).max(12).default(3),
        ...pageInput,
      })
      .strict(),
  output: () =>
    z.object({
      placeName: z.string(),
      months: z.array(z.string()),
      gathered: z.array(gatheredNeedSchema),
      entered: pageOf(needViewSchema),
    }),
  roles: ['staff', 'grid_worker', 'member'],
  mutates: false,
});

export const projectAddNeed = defineAction({
  name: 'project.addNeed',
  summary: '社区工作人员录入一条需求（可选网格），列入需求清单，须带 requestId',
  input: () =>
    z
      .object({
        title: text('需求', 2, 30),
        detail: z.string().trim().max(200, '说明最多 200 字').default(''),
        gridId: idSchema.optional(),
      })
      .strict(),
  output: () => z.object({ need: needViewSchema }),
  roles: ['staff'],
  mutates: true,
});

export const listResources = defineAction({
  name: 'list.resources',
  summary: '资源清单：本社区共建单位、商家、党员可提供的场地、技能、资金、志愿者、设备及可用时间（分页，可按类别）',
  input: () => z.object({ kind: z.enum(resourceKinds).optional(), ...pageInput }).strict(),
  output: () => pageOf(resourceViewSchema),
  roles: ['staff', 'grid_worker', 'member', 'merchant', 'resident'],
  mutates: false,
});

export const projectAddResource = defineAction({
  name: 'project.addResource',
  summary: '登记一项资源：单位联系人为本单位、商家为自己的店、党员为自己；社区工作人员可为本社区的单位或商家登记，须带 requestId',
  input: () =>
    z
      .object({
        provider: z.enum(providerKinds),
        /** The unit's or shop's id; omitted for a member offering themself. */
        providerId: idSchema.optional(),
        kind: z.enum(resourceKinds, { error: '请选择资源类别' }),
        title: text('资源名称', 2, 30),
        detail: z.string().trim().max(200, '说明最多 200 字').default(''),
        availability: text('可用时间', 1, 50),
      })
      .strict()
      .refine((v) => v.provider === 'member' || !!v.providerId, { path: ['providerId'], message: '请选择单位或商家' }),
  output: () => z.object({ resource: resourceViewSchema }),
  roles: ['staff', 'member', 'merchant', 'resident'],
  mutates: true,
});

export const listProjects = defineAction({
  name: 'list.projects',
  summary: '项目清单：本社区的项目（按状态，分页）；带 unitId 看一个共建单位认领的项目及当年评价汇总（年度考评参考）',
  input: () =>
    z
      .object({
        status: z.enum(projectStatuses).optional(),
        unitId: idSchema.optional(),
        ...pageInput,
      })
      .strict(),
  output: () => z.object({ ...pageOf(projectViewSchema).shape, unitYear: unitYearSchema.nullable() }),
  roles: 'registered',
  mutates: false,
});

export const listMyUnits = defineAction({
  name: 'list.myUnits',
  summary: '我是联系人的共建单位（审核通过的）：认领项目、登记资源时选用',
  input: () => z.object({}).strict(),
  output: () => z.object({ units: z.array(z.object({ id: z.string(), name: z.string() })) }),
  roles: 'registered',
  mutates: false,
});

export const projectGet = defineAction({
  name: 'project.get',
  summary: '一个项目：需求、匹配的资源、认领单位、进展和评价',
  input: () => z.object({ projectId: idSchema }).strict(),
  output: () => z.object({ project: projectViewSchema }),
  roles: 'registered',
  mutates: false,
});

export const projectCreate = defineAction({
  name: 'project.create',
  summary: '社区工作人员把需求立为项目并匹配资源（本社区的需求和资源），等待共建单位认领，须带 requestId',
  input: () =>
    z
      .object({
        title: text('项目名称', 2, 30),
        detail: text('项目内容', 2, 300),
        needIds: z.array(idSchema).max(5, '一个项目最多 5 条需求').default([]),
        resourceIds: z.array(idSchema).max(5, '一个项目最多匹配 5 项资源').default([]),
      })
      .strict(),
  output: () => z.object({ project: projectViewSchema }),
  roles: ['staff'],
  mutates: true,
});

export const projectClaim = defineAction({
  name: 'project.claim',
  summary: '共建单位认领项目（契约化共建）：单位联系人认领，每个项目只有一个认领单位，须带 requestId',
  input: () => z.object({ projectId: idSchema, unitId: idSchema }).strict(),
  output: () => z.object({ project: projectViewSchema }),
  roles: 'registered',
  mutates: true,
});

export const projectReport = defineAction({
  name: 'project.report',
  summary: '认领单位报告项目进展（进度只能前进，100% 即完成），须带 requestId',
  input: () =>
    z
      .object({
        projectId: idSchema,
        text: text('进展', 2, 200),
        progress: z.number().int('进度须为整数').min(0, '进度为 0–100').max(100, '进度为 0–100'),
      })
      .strict(),
  output: () => z.object({ project: projectViewSchema }),
  roles: 'registered',
  mutates: true,
});

export const projectRate = defineAction({
  name: 'project.rate',
  summary: '评价已完成的项目：本社区居民和社区工作人员各评一次（1–5 分），计入认领单位当年的评价，须带 requestId',
  input: () => z.object({ projectId: idSchema, stars, comment: z.string().trim().max(100, '评价最多 100 字').default('') }).strict(),
  output: () => z.object({ project: projectViewSchema }),
  roles: ['resident', 'member', 'staff'],
  mutates: true,
});

export const projectActions = [
  listNeeds,
  projectAddNeed,
  listResources,
  projectAddResource,
  listProjects,
  listMyUnits,
  projectGet,
  projectCreate,
  projectClaim,
  projectReport,
  projectRate,
] as const;
