import { z } from 'zod';
import { careLimits, careTiers } from '../domain/care';
import { defineAction } from './action';
import { fileIdSchema, isoDate } from './common';

// 红黄蓝 household care and visit rounds (issue 16): served by the roster function (areaOf), whose 人口台账 the
// households come from.

const rosterKey = z.string().trim().min(1, '请从台账选择居民').max(200).describe('a person of the 人口台账 by their stable key');
const householdId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^hh-[0-9a-f]+$/, '请重新选择这一户');
const days = z.number().int().min(1, '至少 1 天').max(careLimits.maxRhythmDays, `最多 ${careLimits.maxRhythmDays} 天`);
const rhythmSchema = z.object({ red: days, yellow: days, green: days });

/** Why a household is on 今日走访: its tier's rhythm, or an event (a wish in 助老/就医, a petition about hardship). */
export const dueReasonSchema = z.object({
  kind: z.enum(['rhythm', 'wish', 'petition', 'hospital']),
  label: z.string().describe('e.g. 连心户 每 7 天走访 / 心愿「陪同就医」后回访 / 住院「县医院 肺炎」大病回访'),
  dueAt: isoDate,
});

/** A visit as the household card lists it. */
export const careVisitSchema = z.object({
  id: z.string(),
  at: isoDate,
  byName: z.string(),
  note: z.string(),
  photos: z.array(z.string()),
  buildingName: z.string(),
});

/**
 * A household (building + room) as those who may see its tier see it: the grid worker of its grid, the community's
 * staff and the household itself (privacy.ts `careTier`). `tier` and `reason` are null for anyone else — who never
 * gets the card at all (FORBIDDEN_SCOPE).
 */
const household = () =>
  z.object({
    id: z.string(),
    gridId: z.string(),
    buildingName: z.string(),
    room: z.string(),
    names: z.array(z.string()).describe('the people of the 人口台账 tagged at this home'),
    rosterKey: z.string().nullable().describe('a person of the 人口台账 to file for (红色代办) from a visit'),
    residentId: z
      .string()
      .nullable()
      .describe('a registered person of this home to file for (代办) from a visit, for those who care for it; null on the household’s own card'),
    tier: z.enum(careTiers).nullable(),
    reason: z.string().nullable(),
    suggested: z.enum(careTiers).nullable().describe('what the roster tags (独居老人, 残疾, 低保) suggest'),
    lastVisitAt: isoDate.nullable(),
    dueAt: isoDate.nullable(),
    state: z.enum(['overdue', 'due', 'later', 'none']),
    visits: z.number().int(),
  });
export const householdSchema = z.lazy(household);

export const careSetTier = defineAction({
  name: 'care.setTier',
  summary: '网格员或社区工作人员给一户标记 放心户（绿）/ 关心户（黄）/ 连心户（红）并写明原因；下次走访按该等级的周期排期',
  input: () =>
    z
      .object({
        rosterKey,
        tier: z.enum(careTiers),
        reason: z.string().trim().min(2, '请写明原因（至少 2 个字）').max(100, '原因最多 100 字'),
      })
      .strict(),
  output: () => z.object({ household: householdSchema }),
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const careSetRhythm = defineAction({
  name: 'care.setRhythm',
  summary: '社区工作人员设置本社区各等级的走访周期（天），默认 连心户 7 天、关心户 30 天、放心户 90 天',
  input: () => z.object({ rhythm: rhythmSchema }).strict(),
  output: () => z.object({ rhythm: rhythmSchema }),
  roles: ['staff'],
  mutates: true,
});

export const careRhythm = defineAction({
  name: 'care.rhythm',
  summary: '本社区各等级的走访周期（天）',
  input: () => z.object({}).strict(),
  output: () => z.object({ rhythm: rhythmSchema }),
  roles: ['grid_worker', 'staff'],
  mutates: false,
});

export const careDueItemSchema = z.lazy(() => household().extend({ reasons: z.array(dueReasonSchema), daysOverdue: z.number().int() }));

export const careDueVisits = defineAction({
  name: 'care.dueVisits',
  summary: '今日走访：网格员所管网格里今天到期和已逾期的走访（最早到期的在前），以及心愿、诉求带来的待回访（第一页），分页',
  input: () =>
    z
      .object({
        offset: z.number().int().min(0).max(2_000).default(0),
        limit: z.number().int().min(1).max(30).default(15),
      })
      .strict(),
  output: () => z.object({ items: z.array(careDueItemSchema), nextOffset: z.number().int().nullable(), today: z.string() }),
  roles: ['grid_worker'],
  mutates: false,
});

export const careHousehold = defineAction({
  name: 'care.household',
  summary: '一户的走访卡片：等级、原因、到期时间和最近的走访（网格员、社区工作人员和本户可见；居民不带参数看自己家）',
  input: () => z.object({ householdId: householdId.optional(), rosterKey: rosterKey.optional() }).strict(),
  output: () => z.object({ household: householdSchema.nullable(), recent: z.array(careVisitSchema) }),
  roles: ['resident', 'grid_worker', 'staff'],
  mutates: false,
});

export const careLogVisit = defineAction({
  name: 'care.logVisit',
  summary: '记录一次走访（情况、可选照片、楼栋）：本户的下次走访按等级周期顺延，事件带来的走访一并完成',
  input: () =>
    z
      .object({
        householdId,
        note: z.string().trim().min(2, '请写下走访情况（至少 2 个字）').max(300, '走访情况最多 300 字'),
        photos: z.array(fileIdSchema).max(3, '最多 3 张图片').default([]),
      })
      .strict(),
  output: () => z.object({ household: householdSchema, visit: careVisitSchema }),
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const careReportEvent = defineAction({
  name: 'care.reportEvent',
  summary: '大病回访：网格员或社区工作人员报告一户有人住院（可填出院日期），出院后 3 天内（未出院则 3 天内）的回访进入今日走访',
  input: () =>
    z
      .object({
        householdId: householdId.optional(),
        rosterKey: rosterKey.optional(),
        kind: z.literal('hospital'),
        note: z.string().trim().min(2, '请写明情况（至少 2 个字）').max(20, '情况最多 20 字'),
        dischargedOn: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
          .optional()
          .describe('the discharge day (China time), if known; the visit falls due 3 days after it'),
      })
      .strict()
      .refine((v) => Boolean(v.householdId) !== Boolean(v.rosterKey), { message: '请从台账或今日走访里选择这一户', path: ['householdId'] }),
  output: () => z.object({ event: z.object({ id: z.string(), householdId: z.string(), reason: dueReasonSchema }) }),
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const careCoverage = defineAction({
  name: 'care.coverage',
  summary: '走访覆盖：本社区每个网格今天到期、已逾期的走访（按等级周期的和心愿、诉求、住院带来的回访），以及本月已走访的次数',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      month: z.string(),
      grids: z.array(
        z.object({
          gridId: z.string(),
          gridName: z.string(),
          due: z.number().int(),
          done: z.number().int(),
          overdue: z.number().int(),
          events: z.number().int().describe('of the due and overdue, the visits an event asks for (大病回访、困难必访)'),
        }),
      ),
    }),
  roles: ['staff'],
  mutates: false,
});

export const careActions = [
  careSetTier,
  careSetRhythm,
  careRhythm,
  careDueVisits,
  careHousehold,
  careLogVisit,
  careReportEvent,
  careCoverage,
] as const;
