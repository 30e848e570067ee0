import { z } from 'zod';
import { defineAction } from './action';
import { idSchema, isoDate } from './common';

const days = z.number().int('天数须为整数').min(1, '有效期至少 1 天').max(3650, '有效期最多 10 年').nullable();

export const pointRulesSchema = z.object({
  expiryDays: z.object({ volunteer: days, party: days, virtue: days, shop: days }),
  updatedAt: isoDate.nullable(),
});

export const pointsRules = defineAction({
  name: 'points.rules',
  summary: '本社区的积分规则：每种积分的有效期（空为永久有效）',
  input: () => z.object({}).strict(),
  output: () => pointRulesSchema,
  roles: ['staff', 'admin'],
  mutates: false,
});

export const pointsSetRules = defineAction({
  name: 'points.setRules',
  summary: '设置每种积分的有效期（天，null 为永久有效）；只影响此后发放的积分',
  input: () => z.object({ expiryDays: pointRulesSchema.shape.expiryDays.partial() }).strict(),
  output: () => pointRulesSchema,
  roles: ['admin'],
  mutates: true,
});

export const pointsFeeRelief = defineAction({
  name: 'points.feeRelief',
  summary: '用志愿服务积分抵扣物业费，每个收据号只抵扣一次',
  input: () =>
    z
      .object({
        openid: idSchema,
        amount: z.number().int('积分须为整数').min(1, '积分至少为 1').max(100_000, '单次积分过大'),
        receiptNo: z
          .string()
          .trim()
          .min(4, '请填写收据号')
          .max(40, '收据号最多 40 位')
          .regex(/^[\w-]+$/, '收据号只能含字母、数字和 -'),
      })
      .strict(),
  output: () => z.object({ postingId: z.string(), replayed: z.boolean(), balance: z.number().int() }),
  roles: ['staff'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const pointRuleActions = [pointsRules, pointsSetRules, pointsFeeRelief] as const;
