import { z } from 'zod';
import { chargeStatuses } from '../domain/merchant-charge';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput } from './common';
import { balanceSchema, postingViewSchema, virtueLevelSchema } from './points';

/** The scanned text of a points code (积分码); the H5 fallback pastes the same text. */
const token = z.string().trim().min(10, '请扫描居民的积分码').max(400, '积分码格式不对');

/** Who the merchant is serving: surname only, and the virtue level (美德信用等级). */
const residentSchema = z.object({ name: z.string().describe('masked: 王**'), level: virtueLevelSchema });

/** A charge as the merchant sees it. */
export const chargeSchema = z.object({
  id: z.string(),
  residentName: z.string(),
  points: z.number().int(),
  note: z.string(),
  mode: z.enum(['direct', 'hold']),
  status: z.enum(chargeStatuses),
  createdAt: isoDate,
  holdUntil: isoDate.nullable(),
  refundable: z.boolean(),
});

/** A held charge as the resident sees it (待确认扣分). */
export const holdSchema = z.object({
  id: z.string(),
  shopName: z.string(),
  points: z.number().int(),
  note: z.string(),
  status: z.enum(chargeStatuses),
  createdAt: isoDate,
  holdUntil: isoDate.nullable(),
});

export const pointsIssueCode = defineAction({
  name: 'points.issueCode',
  summary: '生成我的积分码：加密签名、一次有效、60 秒内过期，到期前请刷新',
  input: () => z.object({}).strict(),
  output: () => z.object({ token: z.string(), expiresAt: isoDate, ttlSeconds: z.number().int() }),
  roles: ['resident', 'member'],
  // Issuing stores nothing (the code is sealed; its single use is kept on the balance when charged): a repeat
  // hands out another code, so no retry record is needed.
  mutates: false,
});

export const merchantScan = defineAction({
  name: 'merchant.scan',
  summary: '扫居民积分码：看姓氏、美德信用等级和可用积分（不消耗积分码）',
  input: () => z.object({ token }).strict(),
  output: () =>
    z.object({
      resident: residentSchema,
      balance: z.number().int().describe('virtue points the resident can spend now'),
      perCharge: z.number().int().describe('above this the resident must confirm in their app'),
      dailyLeft: z.number().int().describe('what this shop may still take from this resident today'),
      expiresAt: isoDate,
    }),
  roles: ['merchant'],
  mutates: false,
});

export const merchantCharge = defineAction({
  name: 'merchant.charge',
  summary: '核销积分：每个积分码只能核销一次；超过单笔上限的须居民在小程序里确认',
  input: () =>
    z
      .object({
        token,
        points: z.number().int('积分须为整数').min(1, '至少 1 分').max(10_000, '单次积分过大'),
        note: z.string().trim().max(30, '商品说明最多 30 个字').default(''),
      })
      .strict(),
  output: () => z.object({ charge: chargeSchema }),
  roles: ['merchant'],
  mutates: true,
});

export const merchantVerifyLevel = defineAction({
  name: 'merchant.verifyLevel',
  summary: '只核验美德信用等级（如“信用+”折扣）：留下记录，不扣积分',
  input: () => z.object({ token }).strict(),
  output: () => z.object({ resident: residentSchema, checkedAt: isoDate }),
  roles: ['merchant'],
  mutates: true,
});

export const merchantRefund = defineAction({
  name: 'merchant.refund',
  summary: '当天退还一笔核销（冲正记录，积分退回居民）',
  input: () => z.object({ chargeId: idSchema, reason: z.string().trim().min(2, '请写明原因').max(100, '原因最多 100 字') }).strict(),
  output: () => z.object({ charge: chargeSchema }),
  roles: ['merchant'],
  mutates: true,
});

export const merchantHistory = defineAction({
  name: 'merchant.history',
  summary: '本店核销记录（今天或全部，最新的在前）和今日合计',
  input: () => z.object({ scope: z.enum(['today', 'all']).default('today'), ...pageInput }).strict(),
  output: () =>
    z.object({
      items: z.array(chargeSchema),
      nextOffset: z.number().int().nullable(),
      today: z.object({ count: z.number().int(), points: z.number().int(), checks: z.number().int() }),
    }),
  roles: ['merchant'],
  mutates: false,
});

export const pointsPendingHolds = defineAction({
  name: 'points.pendingHolds',
  summary: '等我确认的商家扣分（5 分钟内不确认自动退回）',
  input: () => z.object({}).strict(),
  output: () => z.object({ items: z.array(holdSchema) }),
  roles: ['resident', 'member'],
  mutates: false,
});

const decideHold = { input: () => z.object({ chargeId: idSchema }).strict(), output: () => z.object({ hold: holdSchema }) };

export const pointsConfirmHold = defineAction({
  name: 'points.confirmHold',
  summary: '确认一笔商家扣分：积分转给商家（回复带回这次确认记下的那条明细）',
  input: decideHold.input,
  output: () =>
    decideHold.output().extend({
      /**
       * The payment this confirmation posted, as 我的积分's history shows it: a hold kept on my balance is posted only
       * now. Null for a hold through escrow (its payment is in my history since the charge) or while still owed.
       */
      posted: postingViewSchema.nullable(),
    }),
  roles: ['resident', 'member'],
  mutates: true,
});

export const pointsRejectHold = defineAction({
  name: 'points.rejectHold',
  summary: '拒绝一笔商家扣分：积分退回给我（回复带回退后的美德积分和退回的那条明细）',
  input: decideHold.input,
  output: () =>
    decideHold.output().extend({
      /**
       * What came back: my virtue balance after it, and the posting that returned it — none for a hold kept on my
       * balance, whose points never left it by a posting; null while the return is still owed.
       */
      returned: z.object({ balance: balanceSchema, posting: postingViewSchema.nullable() }).nullable(),
    }),
  roles: ['resident', 'member'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const redeemActions = [
  pointsIssueCode,
  merchantScan,
  merchantCharge,
  merchantVerifyLevel,
  merchantRefund,
  merchantHistory,
  pointsPendingHolds,
  pointsConfirmHold,
  pointsRejectHold,
] as const;
