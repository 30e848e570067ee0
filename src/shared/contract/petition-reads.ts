import { z } from 'zod';
import { petitionLevels } from '../domain/petition-ladder';
import { ladderStaffRoles } from '../domain/scope';
import { defineAction } from './action';
import { cardLimitsSchema } from './categories';
import { idSchema, pageInput, pageOf } from './common';
import { petitionDetailSchema, petitionViewSchema } from './petition-view';

// What the petition pages read: the category tree, similar open cases, one case's ladder, and the lists.

export const petitionCategories = defineAction({
  name: 'petition.categories',
  summary: '诉求类别树和可召集的职能部门',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      categories: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          parentId: z.string().nullable(),
          council: z.boolean(),
          private: z.boolean(),
          /** For the admin's category screen: the department a street summons for it, and the list order. */
          departmentId: z.string().nullable(),
          order: z.number().int(),
          /** …and its 督办 limits in hours per level (null: the defaults). */
          cardLimits: cardLimitsSchema.nullable(),
        }),
      ),
      departments: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  roles: 'registered',
  mutates: false,
});

const unit = z.object({ id: z.string(), name: z.string() });

export const petitionPlaces = defineAction({
  name: 'petition.places',
  summary: '问题位置可选的楼栋：本社区各网格的楼栋，按序排好',
  input: () => z.object({}).strict(),
  output: () => z.object({ grids: z.array(unit.extend({ buildings: z.array(unit) })) }),
  roles: ['resident', 'grid_worker'],
  mutates: false,
});

export const petitionSimilar = defineAction({
  name: 'petition.similar',
  summary: '同网格内同类未办结的诉求；选了地图位置时，本社区 500 米内在地图上报的（提交前先看看，可以附议）',
  input: () =>
    z
      .object({
        categoryId: idSchema,
        buildingId: idSchema.optional(),
        point: z
          .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
          .strict()
          .optional()
          .describe('the map point the case is about: cases filed at points nearby, nearest first'),
      })
      .strict()
      .refine((v) => !(v.buildingId && v.point), { message: '楼栋和地图位置只能选一个', path: ['point'] }),
  output: () => z.object({ items: z.array(petitionViewSchema) }),
  roles: ['resident', 'grid_worker'],
  mutates: false,
});

export const petitionGet = defineAction({
  name: 'petition.get',
  summary: '诉求详情：当前层级、承办人、每一步时间线和反馈倒计时',
  input: () => z.object({ petitionId: idSchema }).strict(),
  output: () => z.object({ petition: petitionDetailSchema }),
  roles: 'registered',
  mutates: false,
});

export const petitionListMine = defineAction({
  name: 'petition.listMine',
  summary: '我的诉求：我提交的、我附议的、我代办的',
  input: () => z.object({ kind: z.enum(['reported', 'cosigned', 'filed']).default('reported'), ...pageInput }).strict(),
  output: () => pageOf(petitionViewSchema),
  roles: ['resident', 'grid_worker', 'staff'],
  mutates: false,
});

export const petitionListQueue = defineAction({
  name: 'petition.listQueue',
  summary: '本级待办：待受理/报到、办理中、议事、复核，逾期的在前',
  input: () =>
    z
      .object({
        level: z.enum(petitionLevels).optional().describe('for someone who works at two levels; default the first'),
        verifying: z
          .boolean()
          .optional()
          .describe('待验证 instead: resolutions in the grid (grid workers) or community (staff) waiting for a site check'),
        sort: z.enum(['due', 'card']).optional().describe('due (default): by deadline; card: 督办优先 — red, yellow, then by deadline'),
        extensions: z
          .boolean()
          .optional()
          .describe('延期待批 instead: cases below the level (community, street or district) whose 延期申请 it decides, by deadline'),
        ...pageInput,
      })
      .strict(),
  output: () => pageOf(petitionViewSchema).extend({ level: z.enum(petitionLevels), unitName: z.string() }),
  roles: ladderStaffRoles,
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const petitionReadActions = [petitionCategories, petitionPlaces, petitionSimilar, petitionGet, petitionListMine, petitionListQueue] as const;
