import { z } from 'zod';
import { shopCategories } from '../domain/merchant';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate, pageInput, pageOf } from './common';

const text = (min: number, max: number, what: string) => z.string().trim().min(min, `${what}至少 ${min} 个字`).max(max, `${what}最多 ${max} 个字`);

export const shopStarsSchema = z.object({ stars: z.number().int().min(1).max(5), name: z.string() });

/** A shop as its owner and the community staff see it. */
export const shopSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    category: z.enum(shopCategories),
    status: z.enum(['active', 'suspended']),
    suspendReason: z.string().nullable(),
    /** The text of the shop's QR (评价码), which consumers scan to rate it. */
    qr: z.string(),
    points: z.number().int(),
    level: shopStarsSchema,
    ratingAvg: z.number().nullable(),
    ratingCount: z.number().int(),
    /** Virtue points the shop has taken from residents, net of refunds (what the community settles with it). */
    virtue: z.number().int(),
  }),
);

export const applicationSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    applicantName: z.string(),
    shopName: z.string(),
    address: z.string(),
    category: z.enum(shopCategories),
    licence: z.string(),
    /** A temporary download URL of the licence photo, for the reviewing staff. */
    licenceUrl: z.string().nullable(),
    contact: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    flagged: z.boolean().describe('the content check asked for a human look'),
    reason: z.string().nullable(),
    shopId: z.string().nullable(),
    createdAt: isoDate,
    decidedAt: isoDate.nullable(),
  }),
);

export const merchantRulesSchema = z.object({
  perCharge: z.number().int().describe('above this a charge waits for the resident to confirm'),
  shopDaily: z.number().int(),
  residentDaily: z.number().int(),
});

export const merchantApply = defineAction({
  name: 'merchant.apply',
  summary: '申请成为爱心商家：店名、地址、类别、营业执照照片、联系电话（内容安全检查）',
  input: () =>
    z
      .object({
        shopName: text(2, 20, '店名'),
        address: text(4, 60, '地址'),
        category: z.enum(shopCategories),
        licence: fileIdSchema,
        contact: z
          .string()
          .trim()
          .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或座机号'),
      })
      .strict(),
  output: () => z.object({ application: applicationSchema }),
  roles: ['resident', 'member'],
  mutates: true,
});

export const merchantApplications = defineAction({
  name: 'merchant.applications',
  summary: '本社区的商家申请（默认待审核，最早的在前）',
  input: () => z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending'), ...pageInput }).strict(),
  output: () => pageOf(applicationSchema),
  roles: ['staff', 'admin'],
  mutates: false,
});

export const merchantReview = defineAction({
  name: 'merchant.review',
  summary: '审核商家申请：通过则开店并授予商家身份，驳回须写明原因',
  input: () =>
    z
      .object({ applicationId: idSchema, approve: z.boolean(), reason: z.string().trim().max(100, '原因最多 100 字').optional() })
      .strict()
      .refine((v) => v.approve || (v.reason?.length ?? 0) >= 2, { message: '驳回请写明原因', path: ['reason'] }),
  output: () => z.object({ application: applicationSchema, shop: shopSchema.nullable() }),
  roles: ['staff', 'admin'],
  mutates: true,
});

export const merchantSuspend = defineAction({
  name: 'merchant.suspend',
  summary: '暂停（或恢复）一家店铺：暂停后商家的一切操作都被拒绝',
  input: () => z.object({ shopId: idSchema, suspend: z.boolean().default(true), reason: text(2, 100, '原因') }).strict(),
  output: () => z.object({ shop: shopSchema }),
  roles: ['staff', 'admin'],
  mutates: true,
});

export const merchantMine = defineAction({
  name: 'merchant.mine',
  summary: '我的商家申请和店铺（店铺积分、星级、评价码）',
  input: () => z.object({}).strict(),
  output: () => z.object({ application: applicationSchema.nullable(), shop: shopSchema.nullable(), rules: merchantRulesSchema }),
  roles: 'registered',
  mutates: false,
});

export const merchantSetRules = defineAction({
  name: 'merchant.setRules',
  summary: '设置本社区商家核销上限：单笔免确认上限、每店每日上限、每人每日上限',
  input: () =>
    z
      .object({
        perCharge: z.number().int().min(1).max(10_000).optional(),
        shopDaily: z.number().int().min(1).max(1_000_000).optional(),
        residentDaily: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
  output: () => merchantRulesSchema,
  roles: ['admin'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const merchantActions = [merchantApply, merchantApplications, merchantReview, merchantSuspend, merchantMine, merchantSetRules] as const;
