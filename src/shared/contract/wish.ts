import { z } from 'zod';
import { wishEvents, wishStatuses } from '../domain/wish';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate, pageInput, pageOf } from './common';

const title = z.string().trim().min(2, '标题至少 2 个字').max(30, '标题最多 30 个字');
const description = z.string().trim().min(5, '请用至少 5 个字说明需要什么帮助').max(500, '说明最多 500 字');
const reason = z.string().trim().min(2, '请写明原因').max(200, '原因最多 200 字');
const photos = (max: number) => z.array(fileIdSchema).max(max, `最多 ${max} 张图片`).default([]);

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  minPoints: z.number().int(),
  maxPoints: z.number().int(),
  /** For the admin's category screen: the list order and how service is counted. */
  order: z.number().int(),
  awardMode: z.enum(['fixed', 'hourly']),
  perHour: z.number().int().nullable(),
});

/**
 * A wish as one caller may see it. `resident.phone` and `resident.room` are null unless the caller is staff
 * for the wish's place, the resident, or its claimant; `resident.name` is then masked (王**).
 */
const wishView = () =>
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    status: z.enum(wishStatuses),
    points: z.number().int().nullable(),
    offer: z
      .object({
        mode: z.enum(['fixed', 'hourly']),
        points: z.number().int(),
        perHour: z.number().nullable(),
        bonus: z.number().int(),
        text: z.string(),
      })
      .nullable()
      .describe('how the offered points are counted (per task or per hour, the most, the bonus, caps), once points are set'),
    photos: z.array(z.object({ fileID: z.string(), url: z.string().nullable() })),
    resident: z.object({ name: z.string(), building: z.string().nullable(), phone: z.string().nullable(), room: z.string().nullable() }),
    gridName: z.string().nullable(),
    preferredTime: z.string().nullable(),
    claimant: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
    proof: z.object({ text: z.string(), photos: z.array(z.object({ fileID: z.string(), url: z.string().nullable() })) }).nullable(),
    rating: z
      .object({
        stars: z.number().int().min(1).max(5),
        comment: z.string().nullable(),
        byProxy: z.boolean().optional().describe('代评: relayed by whoever filed it, not the resident’s own word'),
      })
      .nullable(),
    proxy: z
      .object({ filedByName: z.string(), asHelper: z.boolean() })
      .nullable()
      .describe('代办: who filed it for the resident (a grid worker or staff, or their 代办人), to those who see the resident'),
    award: z
      .object({
        status: z.enum(['pending', 'posted', 'review', 'rejected', 'none']),
        amount: z.number().int().nullable(),
        note: z.string().nullable(),
        breakdown: z.string().nullable().describe('how the amount was counted against the offer, once settled'),
      })
      .nullable()
      .describe("the member's volunteer points for this wish, once confirmed (shown to the two people and the organisers)"),
    unclaimedTooLong: z.boolean().describe('approved but unclaimed past the community limit: staff should dispatch'),
    heldForReview: z.boolean().describe('content check said "review": staff must look before it is published'),
    rejectReason: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  });
export const wishViewSchema = z.lazy(wishView);
export type WishView = z.infer<typeof wishViewSchema>;

export const wishHistorySchema = z.object({
  event: z.enum([...wishEvents, 'create', 'flag']),
  by: z.string(),
  at: isoDate,
  note: z.string().nullable(),
});
export const wishDetailSchema = z.lazy(() =>
  wishView().extend({
    history: z.array(wishHistorySchema),
    /** Who the caller is to this wish, so the app offers the right buttons (the server still decides). */
    viewer: z.object({
      isResident: z.boolean(),
      isClaimant: z.boolean(),
      organises: z.boolean(),
      relays: z.boolean().describe('the filer who confirms (代评) and cancels for the resident: a 代办人, or for a roster person not yet joined'),
    }),
  }),
);

const one = z.object({ wish: wishViewSchema });
const wishRef = { wishId: idSchema };

export const wishCategories = defineAction({
  name: 'wish.categories',
  summary: '心愿类别及每类可给的积分范围',
  input: () => z.object({}).strict(),
  output: () => z.object({ items: z.array(categorySchema) }),
  roles: 'public',
  mutates: false,
});

export const wishCreate = defineAction({
  name: 'wish.create',
  summary: '居民发布微心愿（群众点单）；网格员、社区工作人员可为居民代办，代办人可为绑定的老人代办',
  input: () =>
    z
      .object({
        title,
        description,
        categoryId: z
          .string()
          .trim()
          .min(1, '请选择类别')
          .max(64)
          .regex(/^[\w-]+$/, '请选择类别'),
        photos: photos(3),
        preferredTime: z.string().trim().max(40, '期望时间最多 40 字').optional(),
        onBehalfOf: z
          .object({
            residentId: idSchema.optional(),
            rosterKey: z
              .string()
              .trim()
              .min(1, '请从台账选择代办的居民')
              .max(200)
              .optional()
              .describe('a person of the 人口台账 by their stable key'),
            helperBinding: idSchema.optional().describe('代办人: the binding (helper.list) naming the parent the caller helps'),
          })
          .strict()
          .refine((v) => [v.residentId, v.rosterKey, v.helperBinding].filter(Boolean).length === 1, '请从台账选择代办的居民')
          .optional()
          .describe(
            '代办: a grid worker or community staff for a registered resident of their place (by id) or a 人口台账 person (by key); a 代办人 for the parent of their active binding. The wish is the person’s, at their home; the filer is recorded.',
          ),
      })
      .strict(),
  output: () => one,
  roles: ['resident', 'grid_worker', 'staff'],
  mutates: true,
});

export const wishApprove = defineAction({
  name: 'wish.approve',
  summary: '网格员/社区审核通过并设定积分（组织建单）',
  input: () => z.object({ ...wishRef, points: z.number().int('积分须为整数').min(0) }).strict(),
  output: () => one,
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const wishReject = defineAction({
  name: 'wish.reject',
  summary: '驳回心愿并说明原因',
  input: () => z.object({ ...wishRef, reason }).strict(),
  output: () => one,
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const wishListMine = defineAction({
  name: 'wish.listMine',
  summary: '我的心愿（mine），或我代办的心愿（filed：代办人、网格员、社区工作人员为他人发布的）',
  input: () => z.object({ kind: z.enum(['mine', 'filed']).default('mine'), ...pageInput }).strict(),
  output: () => pageOf(wishViewSchema),
  roles: ['resident', 'grid_worker', 'staff'],
  mutates: false,
});

export const wishListWall = defineAction({
  name: 'wish.listWall',
  summary: '心愿墙：已发布待认领的心愿',
  input: () =>
    z
      .object({
        scope: z.enum(['grid', 'community']).default('community'),
        categoryId: idSchema.optional(),
        communityId: idSchema.optional().describe('a newcomer browsing before joining: which community (default: the first); ignored for residents'),
        ...pageInput,
      })
      .strict(),
  output: () => pageOf(wishViewSchema),
  roles: 'public',
  mutates: false,
});

export const wishListQueue = defineAction({
  name: 'wish.listQueue',
  summary: '待我处理：本网格/本社区待审核（review）或待派单（dispatch）的心愿，最早的在前',
  input: () => z.object({ kind: z.enum(['review', 'dispatch']).default('review'), ...pageInput }).strict(),
  output: () => pageOf(wishViewSchema),
  roles: ['grid_worker', 'staff'],
  mutates: false,
});

export const wishGet = defineAction({
  name: 'wish.get',
  summary: '心愿详情，含处理记录',
  input: () => z.object(wishRef).strict(),
  output: () => z.object({ wish: wishDetailSchema }),
  roles: 'registered',
  mutates: false,
});

export const wishListTasks = defineAction({
  name: 'wish.listTasks',
  summary: '我认领的心愿（进行中 / 已完成）',
  input: () => z.object({ state: z.enum(['active', 'finished']).default('active'), ...pageInput }).strict(),
  output: () => pageOf(wishViewSchema),
  roles: ['member'],
  mutates: false,
});

export const wishClaim = defineAction({
  name: 'wish.claim',
  summary: '党员/志愿者认领心愿（党员接单）',
  input: () => z.object(wishRef).strict(),
  output: () => one,
  roles: ['member'],
  mutates: true,
});

export const wishDispatch = defineAction({
  name: 'wish.dispatch',
  summary: '把待认领的心愿派给指定党员（派单）',
  input: () => z.object({ ...wishRef, memberId: idSchema }).strict(),
  output: () => one,
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const wishRelease = defineAction({
  name: 'wish.release',
  summary: '认领人放弃认领并说明原因，心愿回到心愿墙',
  input: () => z.object({ ...wishRef, reason }).strict(),
  output: () => one,
  roles: ['member'],
  mutates: true,
});

export const wishCheckIn = defineAction({
  name: 'wish.checkIn',
  summary: '认领人到场签到，开始服务',
  input: () => z.object(wishRef).strict(),
  output: () => one,
  roles: ['member'],
  mutates: true,
});

export const wishComplete = defineAction({
  name: 'wish.complete',
  summary: '认领人提交服务完成说明和照片',
  input: () =>
    z.object({ ...wishRef, proof: z.string().trim().min(5, '请用至少 5 个字说明服务情况').max(300, '说明最多 300 字'), photos: photos(6) }).strict(),
  output: () => one,
  roles: ['member'],
  mutates: true,
});

export const wishConfirm = defineAction({
  name: 'wish.confirm',
  summary: '居民确认服务完成并评价（1–5 星）',
  input: () =>
    z
      .object({
        ...wishRef,
        rating: z.number().int('请选择星级').min(1, '请选择 1–5 星').max(5, '请选择 1–5 星'),
        comment: z.string().trim().max(200, '评价最多 200 字').optional(),
      })
      .strict(),
  output: () => one,
  roles: ['resident'],
  mutates: true,
});

export const wishCancel = defineAction({
  name: 'wish.cancel',
  summary: '居民在被认领前撤回心愿',
  input: () => z.object({ ...wishRef, reason: z.string().trim().max(200, '原因最多 200 字').optional() }).strict(),
  output: () => one,
  roles: ['resident'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const wishActions = [
  wishCategories,
  wishCreate,
  wishApprove,
  wishReject,
  wishListMine,
  wishListWall,
  wishListQueue,
  wishGet,
  wishListTasks,
  wishClaim,
  wishDispatch,
  wishRelease,
  wishCheckIn,
  wishComplete,
  wishConfirm,
  wishCancel,
] as const;
