import { z } from 'zod';
import { defineAction } from './action';
import { idSchema } from './common';
import { petitionLevels } from '../domain/petition-ladder';

// The category lists residents pick from. Both are the district's (one list for every street), so only a
// district admin changes them; a change reaches every warm function instance within a minute.

const name = z.string().trim().min(2, '名称至少 2 个字').max(12, '名称最多 12 个字');
const order = z.number().int().min(0).max(999).default(100);

export const wishCategoryAdminSchema = z.object({
  id: z.string(),
  name: z.string(),
  minPoints: z.number().int(),
  maxPoints: z.number().int(),
  order: z.number().int(),
  awardMode: z.enum(['fixed', 'hourly']),
  perHour: z.number().int().nullable(),
});

export const wishSetCategory = defineAction({
  name: 'wish.setCategory',
  summary: '区级管理员新增或修改心愿类别（不带 categoryId 为新增）：名称、积分范围、排序、按时计分',
  input: () =>
    z
      .object({
        categoryId: idSchema.optional(),
        name,
        minPoints: z.number().int('积分须为整数').min(1, '最少 1 分').max(1000),
        maxPoints: z.number().int('积分须为整数').min(1, '最少 1 分').max(1000),
        order,
        awardMode: z.enum(['fixed', 'hourly']).default('fixed'),
        perHour: z.number().int().min(1).max(100).optional(),
      })
      .strict()
      .refine((v) => v.minPoints <= v.maxPoints, { path: ['maxPoints'], message: '最高积分不能低于最低积分' })
      .refine((v) => v.awardMode !== 'hourly' || v.perHour !== undefined, { path: ['perHour'], message: '按时计分须填写每小时积分' }),
  output: () => z.object({ category: wishCategoryAdminSchema }),
  roles: ['admin'],
  mutates: true,
});

/** Hours from a step's start (at most 30 days); yellow before red. */
const cardHours = z.number().positive('时限须大于 0').max(720, '时限最多 720 小时');
const cardLimit = z
  .object({ yellow: cardHours.optional(), red: cardHours.optional() })
  .strict()
  .refine((v) => v.yellow === undefined || v.red === undefined || v.yellow < v.red, { message: '黄牌时限须早于红牌时限', path: ['red'] });
/** 督办 limits per level: for taking the case (accept) and settling it (resolve); a level or cell left out keeps the defaults. */
export const cardLimitsSchema = z.partialRecord(
  z.enum(petitionLevels),
  z.object({ accept: cardLimit.optional(), resolve: cardLimit.optional() }).strict(),
);

export const petitionCategoryAdminSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  order: z.number().int(),
  departmentId: z.string().nullable(),
  council: z.boolean(),
  private: z.boolean(),
  cardLimits: cardLimitsSchema.nullable().describe('督办 limits in hours per level (null: half and three quarters of each step’s time)'),
});

export const petitionSetCategory = defineAction({
  name: 'petition.setCategory',
  summary: '区级管理员新增或修改诉求类别（两级）：名称、上级类别、对应职能部门、可否三方议事、是否不公开',
  input: () =>
    z
      .object({
        categoryId: idSchema.optional(),
        name,
        parentId: idSchema.nullable().default(null),
        order,
        departmentId: idSchema.nullable().default(null),
        council: z.boolean().default(false),
        private: z.boolean().default(false),
        cardLimits: cardLimitsSchema.nullable().default(null),
      })
      .strict(),
  output: () => z.object({ category: petitionCategoryAdminSchema }),
  roles: ['admin'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const categoryActions = [wishSetCategory, petitionSetCategory] as const;
