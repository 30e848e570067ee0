import { z } from 'zod';
import { defineAction } from './action';
import { idSchema } from './common';
import { virtueLevelSchema } from './points';

export const virtueItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  points: z.number().int(),
  active: z.boolean(),
  order: z.number().int(),
});

export const pointsVirtueCatalogue = defineAction({
  name: 'points.virtueCatalogue',
  summary: '美德信用积分项目目录（本社区，含已停用项）',
  input: () => z.object({}).strict(),
  output: () => z.object({ items: z.array(virtueItemSchema) }),
  roles: ['staff', 'admin'],
  mutates: false,
});

export const pointsSetVirtueItem = defineAction({
  name: 'points.setVirtueItem',
  summary: '新增或修改一个美德信用积分项目（不带 itemId 为新增）',
  input: () =>
    z
      .object({
        itemId: idSchema.optional(),
        name: z.string().trim().min(2, '名称至少 2 个字').max(20, '名称最多 20 个字'),
        points: z.number().int('积分须为整数').min(1, '积分至少为 1').max(100, '单项最多 100 分'),
        active: z.boolean().default(true),
        order: z.number().int().min(0).max(999).default(100),
      })
      .strict(),
  output: () => z.object({ item: virtueItemSchema }),
  roles: ['admin'],
  mutates: true,
});

export const pointsGrantVirtue = defineAction({
  name: 'points.grantVirtue',
  summary: '按目录为居民记美德信用积分，须带 requestId',
  input: () =>
    z
      .object({
        openid: idSchema,
        itemId: idSchema,
        note: z.string().trim().max(100, '备注最多 100 字').optional(),
      })
      .strict(),
  output: () => z.object({ postingId: z.string(), replayed: z.boolean(), balance: z.number().int(), level: virtueLevelSchema }),
  roles: ['staff'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const virtueActions = [pointsVirtueCatalogue, pointsSetVirtueItem, pointsGrantVirtue] as const;
