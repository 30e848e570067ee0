import { z } from 'zod';
import { defineAction } from './action';
import { idSchema } from './common';
import { caseMetrics } from '../domain/stats-cases';
import { petitionLevels } from '../domain/petition-ladder';

/** 数据看板 (issue 14): the numbers staff are judged by, read from the counters the stats timer keeps. */

const day = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');
const rate = () => z.number().min(0).max(1).nullable();
const levelCounts = () => z.object({ grid: z.number(), community: z.number(), street: z.number(), department: z.number(), district: z.number() });

/** The place a reply's numbers are of. */
const placeSchema = () => z.object({ id: z.string(), name: z.string(), kind: z.enum(['grid', 'community', 'street', 'district']) });

/**
 * The input of a read over a period: `scope`, a place the caller may see (absent: the caller's own — a community's
 * staff their community), the inclusive China-time days `from`–`to` (at most a year), then the action's own fields.
 * A start after the end is refused on `to`.
 */
function periodInput<S extends z.ZodRawShape>(own: S) {
  // TypeScript cannot see `from` and `to` through the generic shape's output; they are there, parsed by `day()`.
  const inOrder = (v: object) => (v as { from: string }).from <= (v as { to: string }).to;
  return z
    .object({ scope: idSchema.optional(), from: day(), to: day(), ...own })
    .strict()
    .refine(inOrder, { message: '开始日期不能晚于结束日期', path: ['to'] });
}

/** `scope`: a grid, community or street. */
export const dashboardInput = () => periodInput({});

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
    /** 督办 cards issued in the period, by the level whose step got them, and by department (names added). */
    cards: z.object({ yellow: levelCounts(), red: levelCounts() }),
    departmentCards: z.array(z.object({ id: z.string(), name: z.string(), yellow: z.number(), red: z.number() })),
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
    scope: placeSchema(),
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

/** The list behind a number of the dashboard (issue 14): paged by an opaque cursor, 20 a page, newest first. */
export const casesInput = () =>
  periodInput({
    metric: z.enum(caseMetrics),
    category: idSchema.optional(),
    /** A grid of the scope: the list of that grid only. */
    grid: idSchema.optional(),
    /** Only for openNow / overdueNow: the level (and department) the cases wait at now. */
    level: z.enum(petitionLevels).optional(),
    department: idSchema.optional(),
    /** From the previous page's `nextCursor`; absent: the first page. */
    cursor: z
      .string()
      .max(40)
      .regex(/^\d{1,15}\.\d{1,4}$/, '分页参数无效，请刷新后重试')
      .optional(),
  });

export const caseRowSchema = () =>
  z.object({
    id: z.string(),
    kind: z.enum(['petition', 'wish']),
    /** What it is about, shortened (the description of a petition, the title of a wish): no names, phones or rooms. */
    title: z.string(),
    categoryName: z.string(),
    gridName: z.string().nullable(),
    /** The level a petition is at now; null for a wish. */
    level: z.enum(petitionLevels).nullable(),
    status: z.string(),
    statusLabel: z.string(),
    createdAt: z.string(),
    /** First resolved (a petition) or completed (a wish); null while not. */
    resolvedAt: z.string().nullable(),
    /** Open and past its deadline now. */
    overdue: z.boolean(),
    /** 满意 / 基本满意 / 不满意 for a petition, 1–5 stars for a wish; null when not rated. */
    rating: z.string().nullable(),
  });

export const casesOutput = () =>
  z.object({
    /** “2026年11月 · 已办结 · 东苑网格”. */
    title: z.string(),
    scope: placeSchema(),
    /** How many the list holds: on the first page only (null on the next ones). */
    count: z.number().nullable(),
    items: z.array(caseRowSchema()),
    nextCursor: z.string().nullable(),
  });

export const reportCases = defineAction({
  name: 'report.cases',
  summary: '数据看板数字背后的案件清单（分页）：与看板同一口径，只列标题、分类、网格、状态与时间，不含居民姓名电话门牌',
  input: casesInput,
  output: casesOutput,
  roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  mutates: false,
});

/** 网格排名: the grids of a place for a period, ranked (按期办结率, then 满意率, then volunteer hours). */
/** `scope`: a community or street (a grid worker: their community). */
export const gridRankingInput = () => periodInput({});

export const gridRankingOutput = () =>
  z.object({
    scope: placeSchema(),
    from: day(),
    to: day(),
    /** Best first; grids with no case and no volunteer hour in the period are not ranked. */
    grids: z.array(
      z.object({
        rank: z.number().int(),
        id: z.string(),
        name: z.string(),
        received: z.number(),
        resolved: z.number(),
        onTimeRate: rate(),
        satisfactionRate: rate(),
        volunteerHours: z.number(),
      }),
    ),
    /** Whether the caller may open the cases behind a grid's numbers (report.cases): not a grid worker. */
    mayOpenCases: z.boolean(),
    countedAt: z.string().nullable(),
  });

export const reportGridRanking = defineAction({
  name: 'report.gridRanking',
  summary: '网格排名：按期办结率、满意率、志愿服务时长排名（读取统计计数）；网格员可看本社区的排名',
  input: gridRankingInput,
  output: gridRankingOutput,
  roles: ['grid_worker', 'staff', 'street_staff', 'district_staff', 'admin'],
  mutates: false,
});

export const statsActions = [reportDashboard, reportCases, reportGridRanking] as const;
