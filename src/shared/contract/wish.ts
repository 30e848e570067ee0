import { z } from 'zod';
import { wishStatuses } from '../domain/wish';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate, pageInput, pageOf } from './common';

const title = z.string().trim().min(2, '标题至少 2 个字').max(30, '标题最多 30 个字');
const description = z.string().trim().min(5, '请用至少 5 个字说明需要什么帮助').max(500, '说明最多 500 字');
const reason = z.string().trim().min(2, '请写明原因').max(200, '原因最多 200 字');

export const categorySchema = z.object({ id: z.string(), name: z.string(), minPoints: z.number().int(), maxPoints: z.number().int() });

/**
 * A wish as one caller may see it. `resident.phone` and `resident.room` are null unless the caller is staff
 * for the wish's place, the resident, or its claimant; `resident.name` is then masked (王**).
 */
export const wishViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  status: z.enum(wishStatuses),
  points: z.number().int().nullable(),
  photos: z.array(z.object({ fileID: z.string(), url: z.string().nullable() })),
  resident: z.object({ name: z.string(), building: z.string().nullable(), phone: z.string().nullable(), room: z.string().nullable() }),
  gridName: z.string().nullable(),
  heldForReview: z.boolean().describe('content check said "review": staff must look before it is published'),
  rejectReason: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type WishView = z.infer<typeof wishViewSchema>;

const one = z.object({ wish: wishViewSchema });
const wishRef = { wishId: idSchema };

export const wishCategories = defineAction({
  name: 'wish.categories',
  summary: '心愿类别及每类可给的积分范围',
  input: z.object({}).strict(),
  output: z.object({ items: z.array(categorySchema) }),
  roles: 'registered',
  mutates: false,
});

export const wishCreate = defineAction({
  name: 'wish.create',
  summary: '居民发布微心愿（群众点单）',
  input: z.object({ title, description, categoryId: idSchema, photos: z.array(fileIdSchema).max(3, '最多 3 张图片').default([]) }).strict(),
  output: one,
  roles: ['resident'],
  mutates: true,
});

export const wishApprove = defineAction({
  name: 'wish.approve',
  summary: '网格员/社区审核通过并设定积分（组织建单）',
  input: z.object({ ...wishRef, points: z.number().int('积分须为整数').min(0) }).strict(),
  output: one,
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const wishReject = defineAction({
  name: 'wish.reject',
  summary: '驳回心愿并说明原因',
  input: z.object({ ...wishRef, reason }).strict(),
  output: one,
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const wishListMine = defineAction({
  name: 'wish.listMine',
  summary: '我的心愿',
  input: z.object({ ...pageInput }).strict(),
  output: pageOf(wishViewSchema),
  roles: ['resident'],
  mutates: false,
});

export const wishListWall = defineAction({
  name: 'wish.listWall',
  summary: '心愿墙：已发布待认领的心愿',
  input: z.object({ scope: z.enum(['grid', 'community']).default('community'), categoryId: idSchema.optional(), ...pageInput }).strict(),
  output: pageOf(wishViewSchema),
  roles: 'registered',
  mutates: false,
});

export const wishListQueue = defineAction({
  name: 'wish.listQueue',
  summary: '待我处理：本网格/本社区待审核的心愿',
  input: z.object({ ...pageInput }).strict(),
  output: pageOf(wishViewSchema),
  roles: ['grid_worker', 'staff'],
  mutates: false,
});

export const wishGet = defineAction({
  name: 'wish.get',
  summary: '心愿详情',
  input: z.object(wishRef).strict(),
  output: one,
  roles: 'registered',
  mutates: false,
});
