import { z } from 'zod';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

/** 双报到: party members and units (共建单位) report to their community; community staff review them. */

export const memberCategories = ['在职', '离退休', '流动'] as const;
export const unitResources = ['venue', 'skills', 'funds', 'volunteers'] as const;
export const unitResourceLabels: Record<(typeof unitResources)[number], string> = {
  venue: '场地',
  skills: '技能',
  funds: '资金',
  volunteers: '志愿者',
};

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 字`);
const reviewReason = z.string().trim().min(2, '驳回时请写明原因').max(100, '原因最多 100 字').optional();
const status = z.enum(['pending', 'approved', 'rejected']);

export const memberReportSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    category: z.enum(memberCategories),
    partyOrg: z.string(),
    skills: z.array(z.string()),
    freeTimes: z.string(),
    status,
    reason: z.string().nullable(),
    createdAt: isoDate,
    decidedAt: isoDate.nullable(),
  }),
);

export const memberReport = defineAction({
  name: 'member.report',
  summary: '党员到社区报到（类别、单位党组织、技能、空闲时间）；一人只有一份待审报到，再报到更新它，须带 requestId',
  input: () =>
    z
      .object({
        category: z.enum(memberCategories, { error: '请选择在职、离退休或流动党员' }),
        partyOrg: text('单位党组织', 50),
        skills: z.array(text('技能', 20)).max(10, '技能最多 10 项').default([]),
        freeTimes: text('空闲时间', 50),
      })
      .strict(),
  output: () => z.object({ report: memberReportSchema }),
  roles: 'registered',
  mutates: true,
});

export const memberMine = defineAction({
  name: 'member.mine',
  summary: '我的党员报到及审核状态（没有报到过为 null）',
  input: () => z.object({}).strict(),
  output: () => z.object({ report: memberReportSchema.nullable() }),
  roles: 'registered',
  mutates: false,
});

export const memberReviewReport = defineAction({
  name: 'member.reviewReport',
  summary: '社区工作人员审核本社区居民的党员报到：通过即成为党员并记下技能（留有任免记录），驳回须写原因，须带 requestId',
  input: () =>
    z
      .object({ reportId: idSchema, approve: z.boolean(), reason: reviewReason })
      .strict()
      .refine((v) => v.approve || !!v.reason, { path: ['reason'], message: '驳回时请写明原因' }),
  output: () => z.object({ report: memberReportSchema }),
  roles: ['staff'],
  mutates: true,
});

export const memberList = defineAction({
  name: 'member.list',
  summary: '社区工作人员查看本社区的党员报到（按状态，分页），姓名与打码手机号',
  input: () => z.object({ status: status.default('pending'), ...pageInput }).strict(),
  output: () => pageOf(memberReportSchema),
  roles: ['staff'],
  mutates: false,
});

export const unitReportSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    partyOrg: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    resources: z.array(z.enum(unitResources)),
    offer: z.string(),
    status,
    reason: z.string().nullable(),
    createdAt: isoDate,
    /** The community's yearly evaluations, newest first (反向考评). */
    evaluations: z.array(z.object({ year: z.number().int(), score: z.number().int(), comment: z.string(), byName: z.string() })),
  }),
);

export const unitReport = defineAction({
  name: 'unit.report',
  summary: '登记居民为所在单位（共建单位）向社区报到：单位名称、党组织、联系人、可提供的资源，须带 requestId',
  input: () =>
    z
      .object({
        name: text('单位名称', 40),
        partyOrg: text('单位党组织', 50),
        contactName: text('联系人', 20),
        contactPhone: z
          .string()
          .trim()
          .regex(/^1\d{10}$/, '请填写 11 位手机号'),
        resources: z.array(z.enum(unitResources)).min(1, '请至少选择一项可提供的资源').max(4),
        offer: z.string().trim().max(200, '说明最多 200 字').default(''),
      })
      .strict(),
  output: () => z.object({ unit: unitReportSchema }),
  roles: 'registered',
  mutates: true,
});

export const unitReview = defineAction({
  name: 'unit.review',
  summary: '社区工作人员审核本社区的共建单位报到（驳回须写原因），须带 requestId',
  input: () =>
    z
      .object({ unitId: idSchema, approve: z.boolean(), reason: reviewReason })
      .strict()
      .refine((v) => v.approve || !!v.reason, { path: ['reason'], message: '驳回时请写明原因' }),
  output: () => z.object({ unit: unitReportSchema }),
  roles: ['staff'],
  mutates: true,
});

export const unitEvaluate = defineAction({
  name: 'unit.evaluate',
  summary: '社区对已通过的共建单位的年度反向考评（0–100 分和评语，街道可见）；每个单位每年一次，须带 requestId',
  input: () =>
    z
      .object({
        unitId: idSchema,
        year: z.number().int().min(2020).max(2100),
        score: z.number().int().min(0, '分数为 0–100').max(100, '分数为 0–100'),
        comment: text('评语', 200),
      })
      .strict(),
  output: () => z.object({ unit: unitReportSchema }),
  roles: ['staff'],
  mutates: true,
});

export const unitList = defineAction({
  name: 'unit.list',
  summary: '本社区（街道工作人员：本街道）的共建单位报到，按状态分页，附年度考评',
  input: () => z.object({ status: status.default('pending'), ...pageInput }).strict(),
  output: () => pageOf(unitReportSchema),
  roles: ['staff', 'street_staff'],
  mutates: false,
});

export const reportActions = [memberReport, memberMine, memberReviewReport, memberList, unitReport, unitReview, unitEvaluate, unitList] as const;
