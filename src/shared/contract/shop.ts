import { z } from 'zod';
import { shopCategories } from '../domain/merchant';
import type { ChecklistItem } from '../domain/merchant-shop';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';
import { shopStarsSchema } from './merchant';

/** A shop on public pages: the 美德商铺 list, the rating page reached from its QR. */
export const publicShopSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  category: z.enum(shopCategories),
  points: z.number().int(),
  level: shopStarsSchema,
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
});

export const ratingSchema = z.object({
  raterName: z.string().describe('masked: 王**'),
  stars: z.number().int(),
  /** Null when none was written, or while a flagged comment waits for review. */
  comment: z.string().nullable(),
  at: isoDate,
});

const mark = z.number().int('请打 1–5 分').min(1, '请打 1–5 分').max(5, '请打 1–5 分');

export const shopGet = defineAction({
  name: 'shop.get',
  summary: '店铺详情和最近的评价（扫店铺评价码进入）',
  input: () => z.object({ shopId: idSchema }).strict(),
  output: () => z.object({ shop: publicShopSchema, ratings: z.array(ratingSchema), ratedToday: z.boolean() }),
  roles: 'registered',
  mutates: false,
});

export const shopRate = defineAction({
  name: 'shop.rate',
  summary: '评价店铺 1–5 星（每人每店每天一次），按规则加减店铺积分',
  input: () => z.object({ shopId: idSchema, stars: mark, comment: z.string().trim().max(100, '评价最多 100 字').default('') }).strict(),
  output: () =>
    z.object({
      points: z.number().int().describe('shop points this rating added (negative: deducted)'),
      shop: publicShopSchema,
      /** The rating just made, as the shop page lists it, so the page shows it without reading the shop again. */
      rating: ratingSchema,
    }),
  roles: ['resident', 'member'],
  mutates: true,
});

export const shopInspect = defineAction({
  name: 'shop.inspect',
  summary: '社区检查店铺：卫生、价格、占道、文明各打 1–5 分，按得分加减店铺积分，须带 requestId',
  input: () =>
    z
      .object({
        shopId: idSchema,
        checklist: z.object({ hygiene: mark, prices: mark, street: mark, civility: mark } satisfies Record<ChecklistItem, typeof mark>).strict(),
        note: z.string().trim().max(100, '备注最多 100 字').default(''),
      })
      .strict(),
  output: () => z.object({ inspectionId: z.string(), score: z.number(), grade: z.string(), points: z.number().int(), shop: publicShopSchema }),
  roles: ['staff'],
  mutates: true,
});

export const shopListVirtue = defineAction({
  name: 'shop.listVirtue',
  summary: '本社区美德商铺榜：按店铺积分排序，带星级（入驻前也可浏览）',
  input: () => z.object({ communityId: idSchema.optional().describe('a newcomer browsing: which community (default: the first)') }).strict(),
  output: () => z.object({ items: z.array(publicShopSchema) }),
  roles: 'public',
  mutates: false,
});

export const shopPointsSchema = z.object({ id: z.string(), amount: z.number().int(), reason: z.string(), byName: z.string(), at: isoDate });

export const shopHistory = defineAction({
  name: 'shop.history',
  summary: '店铺积分明细（检查、评价），最新的在前：店主看自己的店，社区工作人员看本社区的店',
  input: () => z.object({ shopId: idSchema.optional(), ...pageInput }).strict(),
  output: () => pageOf(shopPointsSchema),
  roles: ['merchant', 'staff'],
  mutates: false,
});

/** A shop as community staff see it in their list: with its standing and whether it may trade. */
export const staffShopSchema = publicShopSchema.extend({
  status: z.enum(['active', 'suspended']),
  suspendReason: z.string().nullable(),
  ownerName: z.string(),
});

export const shopList = defineAction({
  name: 'shop.list',
  summary: '本社区全部爱心商家（含已暂停的），供社区检查、暂停或恢复',
  input: () => z.object({ ...pageInput }).strict(),
  output: () => pageOf(staffShopSchema),
  roles: ['staff'],
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const shopActions = [shopGet, shopRate, shopInspect, shopListVirtue, shopHistory, shopList] as const;
