import { z } from 'zod';
import { defineAction } from './action';
import { idSchema } from './common';

/** 数据看板 (issue 14): the numbers staff are judged by, read from the counters the stats timer keeps. */

const day = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');
const rate = () => z.number().min(0).max(1).nullable();
const levelCounts = () => z.object({ grid: z.number(), community: z.number(), street: z.number(), department: z.number(), district: z.number() });

export const dashboardInput = () =>
  z
    .object({
      /** A grid, community or street the caller may see; absent: the caller's own (a community's staff: their community). */
      scope: idSchema.optional(),
      /** Inclusive China-time days; at most a year. */
      from: day(),
      to: day(),
    })
    .strict()
    .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

const petitionNumbersSchema = () =>
  z.object({
    received: z.number(),
    dismissed: z.number(),
    resolved: z.number(),
    resolutionRate: rate(),
    onTimeRate: rate(),
    onSpotRate: rate(),
    onSpot: z.number(),
    satisfactionRate: rate(),
    rated: z.number(),
    unrated: z.number(),
    averageHours: z.number().nullable(),
    /** 90 % of cases resolved within this many hours; null with none resolved; -1: longer than the longest bound. */
    p90Hours: z.number().nullable(),
    escalatedFrom: levelCounts(),
    overdueAt: levelCounts(),
  });

const gridRowSchema = () =>
  z.object({
    id: z.string(),
    name: z.string(),
    received: z.number(),
    resolved: z.number(),
    onTimeRate: rate(),
    satisfactionRate: rate(),
    volunteerHours: z.number(),
  });

export const dashboardOutput = () =>
  z.object({
    scope: z.object({ id: z.string(), name: z.string(), kind: z.enum(['grid', 'community', 'street', 'district']) }),
    from: day(),
    to: day(),
    petitions: petitionNumbersSchema(),
    wishes: z.object({
      created: z.number(),
      claimed: z.number(),
      averageWaitHours: z.number().nullable(),
      completed: z.number(),
      confirmed: z.number(),
    }),
    points: z.object({ issued: z.record(z.string(), z.number()), redeemed: z.record(z.string(), z.number()) }),
    volunteerHours: z.number(),
    /**
     * Per category, most received first: flows of the period (received, resolved, rated in it), so a category's
     * 办结率 may differ from the headline one (cohorts of the cases received in the period).
     */
    categories: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        received: z.number(),
        resolved: z.number(),
        resolutionRate: rate(),
        onTimeRate: rate(),
        satisfactionRate: rate(),
        rated: z.number(),
      }),
    ),
    /** Cases open now, where they are held, and those a deadline passed on, by the level (department) answerable. */
    now: z.object({
      open: levelCounts(),
      overdue: levelCounts(),
      departments: z.array(z.object({ id: z.string(), name: z.string(), open: z.number(), overdue: z.number() })),
    }),
    /** Grids of the scope, best first (按期办结, then 满意). */
    grids: z.array(gridRowSchema()),
    /** The twelve months up to `to`, oldest first. */
    trend: z.array(z.object({ month: z.string(), received: z.number(), resolved: z.number(), onTimeRate: rate(), satisfactionRate: rate() })),
    /** When the counters were last brought up to date (they follow the cases within a minute or two). */
    countedAt: z.string().nullable(),
  });

export const reportDashboard = defineAction({
  name: 'report.dashboard',
  summary: '数据看板：办结率、按期办结率、满意率、办理时长、网格排名与月度趋势（读取统计计数，不扫描案件）',
  input: dashboardInput,
  output: dashboardOutput,
  roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  mutates: false,
});

export const reportGridRanking = defineAction({
  name: 'report.gridRanking',
  summary: '网格排名：某时段本辖区各网格的受理、办结、按期办结率、满意率与志愿服务时长，按按期办结率排序（读取统计计数）',
  input: dashboardInput,
  output: () =>
    z.object({
      scope: z.object({ id: z.string(), name: z.string(), kind: z.enum(['grid', 'community', 'street', 'district']) }),
      from: day(),
      to: day(),
      /** Grids that had work in the period, best first (按期办结, then 满意, then resolved); `rank` from 1. */
      grids: z.array(gridRowSchema().extend({ rank: z.number().int().min(1) })),
    }),
  roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  mutates: false,
});

export const statsActions = [reportDashboard, reportGridRanking] as const;
