import { z } from 'zod';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

/**
 * 月通报 monthly bulletin (issue 14): on the 1st of each month the report function's bulletin timer prepares each
 * community's bulletin for the month just closed as a draft (a frozen snapshot of its numbers); the community's
 * staff add a note and publish it; residents of the community read the published ones (an archive by month).
 */

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const rate = () => z.number().min(0).max(1).nullable();

const numbersSchema = () =>
  z.object({
    received: z.number(),
    resolved: z.number(),
    resolutionRate: rate(),
    onTimeRate: rate(),
    satisfactionRate: rate(),
    onSpot: z.number(),
    onSpotRate: rate(),
    averageHours: z.number().nullable(),
    volunteerHours: z.number(),
    wishesCompleted: z.number(),
    pointsIssued: z.number(),
    pointsRedeemed: z.number(),
  });

const levelEnum = () => z.enum(['grid', 'community', 'street', 'department', 'district']);

/** What the bulletin says: frozen when the draft is prepared. */
export const bulletinContentSchema = () =>
  z.object({
    /** The month's numbers and the month before's (for the comparison). */
    current: numbersSchema(),
    previous: numbersSchema(),
    previousMonth: month(),
    /** The community's grids, best first (rankGrids), named. */
    grids: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        received: z.number(),
        resolved: z.number(),
        onTimeRate: rate(),
        satisfactionRate: rate(),
      }),
    ),
    /** Cases a deadline moved up in the month: by the level that let it pass, and by the department (named). */
    overdueByLevel: z.array(z.object({ level: levelEnum(), label: z.string(), count: z.number() })),
    overdueByDepartment: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
    /** 明星党员 of the month (from the closed month's ranking; `starsFinal` false: the month was not closed yet). */
    stars: z.array(z.object({ name: z.string(), points: z.number() })),
    starsFinal: z.boolean(),
    /** 美德商铺 as they stood when the bulletin was prepared. */
    shops: z.array(z.object({ name: z.string(), points: z.number(), stars: z.number(), level: z.string() })),
    /** The month's most active volunteers (by hours on duty, then wishes completed), by the name they serve under. */
    volunteers: z.array(z.object({ name: z.string(), hours: z.number(), wishes: z.number() })),
  });

export const bulletinSchema = () =>
  z.object({
    month: month(),
    community: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(['draft', 'published']),
    content: bulletinContentSchema(),
    /** The staff's note (empty: none). */
    note: z.string(),
    generatedAt: isoDate,
    publishedAt: isoDate.nullable(),
    publishedByName: z.string().nullable(),
    /** Whether the caller may publish it (the community's staff, while it is a draft). */
    canPublish: z.boolean(),
  });

export const bulletinSummarySchema = () =>
  z.object({
    month: month(),
    status: z.enum(['draft', 'published']),
    received: z.number(),
    resolutionRate: rate(),
    satisfactionRate: rate(),
    publishedAt: isoDate.nullable(),
  });

export const reportBulletin = defineAction({
  name: 'report.bulletin',
  summary:
    '社区月报：某月的月通报。本社区工作人员（及其街道、区里的工作人员）可看草稿和已发布的；居民只能看本社区已发布的。未生成或无权看的草稿返回 null',
  input: () =>
    z
      .object({
        /** Absent: the month just closed. */
        month: month().optional(),
        /** Absent: the caller's own community. */
        communityId: idSchema.optional(),
      })
      .strict(),
  output: () => z.object({ month: month(), bulletin: bulletinSchema().nullable() }),
  roles: 'registered',
  mutates: false,
});

export const reportPublishBulletin = defineAction({
  name: 'report.publishBulletin',
  summary: '社区工作人员为本社区某月的月报草稿加一段说明（最多 500 字）并发布；再次发布不改变已发布的内容，须带 requestId',
  input: () =>
    z
      .object({
        month: month(),
        note: z.string().trim().max(500, '说明最多 500 字').default(''),
      })
      .strict(),
  output: () => z.object({ bulletin: bulletinSchema(), replayed: z.boolean() }),
  roles: ['staff'],
  mutates: true,
});

export const reportBulletins = defineAction({
  name: 'report.bulletins',
  summary: '社区月报往期：按月份从新到旧分页；居民只看到已发布的，工作人员也看到草稿',
  input: () => z.object({ communityId: idSchema.optional(), ...pageInput }).strict(),
  output: () => pageOf(bulletinSummarySchema()).extend({ community: z.object({ id: z.string(), name: z.string() }) }),
  roles: 'registered',
  mutates: false,
});

export const bulletinActions = [reportBulletin, reportPublishBulletin, reportBulletins] as const;

export type BulletinContent = z.output<ReturnType<typeof bulletinContentSchema>>;
export type BulletinView = z.input<ReturnType<typeof bulletinSchema>>;
