import { z } from 'zod';
import { defineAction } from './action';
import { idSchema } from './common';

/** The verify job (issue 14): a place's day of counters recomputed from the events and compared with the stored ones. */

const day = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');

export const statsCheckSchema = () =>
  z.object({
    id: z.string(),
    scope: z.string(),
    day: day(),
    /** queued: waits for the stats timer (within a minute); running: paging through the day's cases; done: compared. */
    status: z.enum(['queued', 'running', 'done']),
    cases: z.number(),
    postings: z.number(),
    /** Each counter of a place that the stored numbers and the events disagree on; empty when all agree. */
    differences: z.array(z.object({ scope: z.string(), counter: z.string(), stored: z.number(), expected: z.number(), upTo: z.number().optional() })),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  });

export const reportVerify = defineAction({
  name: 'report.verify',
  summary: '核对统计：按事件重新计算某地某日的统计数，与已存的统计比对（由统计定时任务分页完成），须带 requestId',
  input: () =>
    z
      .object({
        /** A grid, community or street the caller may see, or `district`; absent: the caller's own. */
        scope: idSchema.optional(),
        /** A China-time day up to today; absent: yesterday. */
        day: day().optional(),
      })
      .strict(),
  output: () => z.object({ check: statsCheckSchema() }),
  roles: ['admin', 'district_staff'],
  mutates: true,
});

export const reportVerifyResult = defineAction({
  name: 'report.verifyResult',
  summary: '查看一次统计核对的进度与结果（差异列表）',
  input: () => z.object({ checkId: z.string().min(1).max(120) }).strict(),
  output: () => z.object({ check: statsCheckSchema() }),
  roles: ['admin', 'district_staff'],
  mutates: false,
});

export const statsCheckActions = [reportVerify, reportVerifyResult] as const;
