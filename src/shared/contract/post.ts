import { z } from 'zod';
import { postTypes } from '../domain/post';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 08:30');

export const postScheduleSchema = z
  .object({
    days: z
      .array(z.number().int().min(0).max(6))
      .min(1, '请至少选择一天值班日')
      .max(7)
      .refine((d) => new Set(d).size === d.length, '值班日有重复'),
    start: hhmm,
    end: hhmm,
    maxHours: z.number().int('每班最多时长须为整小时').min(1, '每班至少 1 小时').max(12, '每班最多 12 小时'),
  })
  .strict();

export const postHolderSchema = z.object({ name: z.string(), since: isoDate, onDuty: z.boolean() });

/** A post as its page shows it; `holders` only for community staff, `openShiftId` only for its holder. */
export const postViewSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    type: z.enum(postTypes),
    title: z.string(),
    description: z.string(),
    placeName: z.string(),
    gridId: z.string(),
    buildingId: z.string().nullable(),
    slots: z.number().int(),
    free: z.number().int(),
    schedule: postScheduleSchema,
    pointsPerHour: z.number().int(),
    status: z.enum(['open', 'closed']),
    held: z.boolean(),
    openShiftId: z.string().nullable(),
    holders: z.array(postHolderSchema),
  }),
);

export const shiftViewSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    postId: z.string(),
    postTitle: z.string(),
    holderName: z.string(),
    startedAt: isoDate,
    endedAt: isoDate.nullable(),
    minutes: z.number().int(),
    points: z.number().int(),
    capped: z.boolean(),
    status: z.enum(['open', 'done', 'reversed']),
    correction: z.object({ byName: z.string(), reason: z.string(), at: isoDate }).nullable(),
    ratingAvg: z.number().nullable(),
    ratingCount: z.number().int(),
    mine: z.boolean(),
    /** Whether the viewer has rated this shift already. */
    ratedByMe: z.boolean(),
  }),
);

export const postRatingSchema = z.object({
  raterName: z.string().describe('masked: 王**'),
  stars: z.number().int(),
  comment: z.string().nullable(),
  postTitle: z.string(),
  at: isoDate,
});

const postIdInput = z.object({ postId: idSchema }).strict();
const stars = z.number().int('请打 1–5 分').min(1, '请打 1–5 分').max(5, '请打 1–5 分');

export const postPublish = defineAction({
  name: 'post.publish',
  summary: '发布岗位（或带 postId 修改）：网格或楼栋、名额、值班安排、每小时积分，须带 requestId',
  input: () =>
    z
      .object({
        postId: idSchema.optional(),
        placeId: idSchema,
        type: z.enum(postTypes),
        title: z.string().trim().min(2, '岗位名称至少 2 个字').max(20, '岗位名称最多 20 字'),
        description: z.string().trim().max(200, '说明最多 200 字').default(''),
        slots: z.number().int('名额须为整数').min(1, '至少 1 个名额').max(50, '最多 50 个名额'),
        schedule: postScheduleSchema,
        pointsPerHour: z.number().int('积分须为整数').min(1, '每小时至少 1 分').max(50, '每小时最多 50 分'),
      })
      .strict(),
  output: () => z.object({ post: postViewSchema }),
  roles: ['staff', 'admin'],
  mutates: true,
});

export const postClose = defineAction({
  name: 'post.close',
  summary: '关闭岗位：不再接受认领和签到（已有的值班照常签退）',
  input: () => postIdInput,
  output: () => z.object({ post: postViewSchema }),
  roles: ['staff', 'admin'],
  mutates: true,
});

export const postList = defineAction({
  name: 'post.list',
  summary: '岗位列表：open 本社区有空位的岗位，mine 我认领的，nearby 我所在网格的（评价用），all 社区工作人员看全部及认领人',
  input: () => z.object({ view: z.enum(['open', 'mine', 'nearby', 'all']), ...pageInput }).strict(),
  output: () => pageOf(postViewSchema),
  roles: 'registered',
  mutates: false,
});

export const postClaim = defineAction({
  name: 'post.claim',
  summary: '认领岗位（党员/志愿者）：名额用完即止，同一岗位不能重复认领',
  input: () => postIdInput,
  output: () => z.object({ post: postViewSchema }),
  roles: ['member'],
  mutates: true,
});

export const postLeave = defineAction({
  name: 'post.leave',
  summary: '退出岗位，空出名额（有进行中的值班须先签退）',
  input: () => postIdInput,
  output: () => z.object({ post: postViewSchema }),
  roles: ['member'],
  mutates: true,
});

export const postCheckIn = defineAction({
  name: 'post.checkIn',
  summary: '值班签到：值班日、当天结束时间前；同一时间只有一次进行中的值班',
  input: () => postIdInput,
  output: () => z.object({ post: postViewSchema, shift: shiftViewSchema }),
  roles: ['member'],
  mutates: true,
});

export const postCheckOut = defineAction({
  name: 'post.checkOut',
  summary: '值班签退：按值班安排计时（不超过当天结束时间和每班上限），按小时记志愿服务积分',
  input: () => postIdInput,
  output: () => z.object({ post: postViewSchema, shift: shiftViewSchema }),
  roles: ['member'],
  mutates: true,
});

export const postShifts = defineAction({
  name: 'post.shifts',
  summary: '值班记录：带 postId 看一个岗位的（本社区），不带看我自己的，最新的在前',
  input: () => z.object({ postId: idSchema.optional(), ...pageInput }).strict(),
  output: () => pageOf(shiftViewSchema),
  roles: 'registered',
  mutates: false,
});

export const postCorrect = defineAction({
  name: 'post.correct',
  summary: '更正值班：冲正这次值班记的积分，须写明原因（不能更正自己的值班）',
  input: () => z.object({ shiftId: idSchema, reason: z.string().trim().min(2, '请写明更正原因').max(100, '原因最多 100 字') }).strict(),
  output: () => z.object({ shift: shiftViewSchema }),
  roles: ['staff', 'admin'],
  mutates: true,
});

export const postRate = defineAction({
  name: 'post.rate',
  summary: '服务评价：岗位所在网格或楼栋的居民和社区工作人员为一次值班打 1–5 分，每人每班一次',
  input: () => z.object({ shiftId: idSchema, stars, comment: z.string().trim().max(100, '评价最多 100 字').default('') }).strict(),
  output: () => z.object({ shift: shiftViewSchema, rating: postRatingSchema }),
  roles: ['resident', 'member', 'grid_worker', 'staff', 'admin'],
  mutates: true,
});

export const memberRatingSchema = z.object({ name: z.string(), average: z.number().nullable(), count: z.number().int() });

export const postMemberStats = defineAction({
  name: 'post.memberStats',
  summary: '服务评价汇总：党员看自己本月的平均分和最近评价；社区工作人员看本月每位党员的平均分和次数（党员积分录入参考）',
  input: () =>
    z
      .object({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')
          .optional(),
        /** Staff: only this member (the party entry form shows the one it is entering for). */
        openid: idSchema.optional(),
        ...pageInput,
      })
      .strict(),
  output: () =>
    z.object({
      month: z.string(),
      mine: z.object({ average: z.number().nullable(), count: z.number().int(), recent: z.array(postRatingSchema) }).nullable(),
      members: pageOf(memberRatingSchema).nullable(),
    }),
  roles: ['member', 'staff'],
  mutates: false,
});

export const postActions = [
  postPublish,
  postClose,
  postList,
  postClaim,
  postLeave,
  postCheckIn,
  postCheckOut,
  postShifts,
  postCorrect,
  postRate,
  postMemberStats,
] as const;
