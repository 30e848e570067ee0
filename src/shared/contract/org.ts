import { z } from 'zod';
import { defineAction } from './action';
import { idSchema, isoDate } from './common';

export const orgKinds = ['street', 'community', 'grid', 'building'] as const;

const pointSchema = z.object({
  lat: z.number().min(-90, '纬度不对').max(90, '纬度不对'),
  lng: z.number().min(-180, '经度不对').max(180, '经度不对'),
});

/** One unit of the tree as a viewer sees it: counts, never people. */
const orgNode = () =>
  z.object({
    id: z.string(),
    kind: z.enum(orgKinds),
    name: z.string(),
    parentId: z.string().nullable(),
    /** Ancestors' ids from the street down (for a move: where the parent's siblings are). */
    path: z.array(z.string()),
    /** Registered people whose place is in this unit. */
    people: z.number().int(),
    /** Wishes and petitions not yet finished whose place is in this unit. */
    openCases: z.number().int(),
    /** Set when the unit is retired (撤销): shown greyed, with the date. */
    retired: z.object({ at: isoDate, reason: z.string() }).nullable(),
    /** A building's 单元 count, address and point. */
    entrances: z.number().int().nullable(),
    address: z.string().nullable(),
    point: pointSchema.nullable(),
  });
export const orgNodeSchema = z.lazy(orgNode);

/** A unit as a change returns it: what was changed, without the counts (they did not move). */
export const orgUnitSchema = z.lazy(() => orgNode().omit({ people: true, openCases: true }));

export const orgTree = defineAction({
  name: 'org.tree',
  summary: '组织架构：不带 parentId 为我负责的顶层单元，带 parentId 为它的下级（含人数和未办结事项数）',
  input: () =>
    z
      .object({
        parentId: idSchema.optional(),
        includeRetired: z.boolean().default(false),
        offset: z.number().int().min(0).max(10_000).default(0),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
  output: () =>
    z.object({
      /** The unit whose children these are (without counts: those are its children's); null for the roots. */
      parent: orgUnitSchema.nullable(),
      items: z.array(orgNodeSchema),
      nextOffset: z.number().int().nullable(),
      /** Whether the caller may add, rename, move and retire here (an admin within reach). */
      canManage: z.boolean(),
    }),
  roles: ['grid_worker', 'staff', 'street_staff', 'admin'],
  mutates: false,
});

export const unitNameSchema = z.string().trim().min(1, '请填写名称').max(30, '名称最多 30 个字');

export const orgUpsertUnit = defineAction({
  name: 'org.upsertUnit',
  summary: '新建（不带 id，须带 parentId）、改名或移到另一个上级（带 id 和新的 parentId）社区/网格/楼栋',
  input: () =>
    z
      .object({
        id: idSchema.optional(),
        parentId: idSchema.optional(),
        name: unitNameSchema,
        /** 楼栋 only: 单元 count, address and map point. */
        entrances: z.number().int('单元数须为整数').min(1, '至少 1 个单元').max(30, '最多 30 个单元').optional(),
        address: z.string().trim().max(60, '地址最多 60 个字').optional(),
        point: pointSchema.nullable().optional(),
      })
      .strict()
      .refine((input) => input.id !== undefined || input.parentId !== undefined, { message: '新建单元须选择上级', path: ['parentId'] }),
  output: () => z.object({ unit: orgUnitSchema }),
  roles: ['admin'],
  mutates: true,
});

export const orgRetireUnit = defineAction({
  name: 'org.retireUnit',
  summary: '撤销一个单元（不删除：历史记录仍可查看）；须先撤销其下级',
  input: () =>
    z
      .object({
        id: idSchema,
        reason: z.string().trim().min(2, '请写明撤销原因（至少 2 个字）').max(100, '原因最多 100 个字'),
      })
      .strict(),
  output: () => z.object({ unit: orgUnitSchema }),
  roles: ['admin'],
  mutates: true,
});

export const buildingCodeSchema = z.object({
  buildingId: z.string(),
  name: z.string(),
  /** A short-lived link to the code's PNG. */
  url: z.string(),
});

export const orgBuildingCode = defineAction({
  name: 'org.buildingCode',
  summary: '楼栋码：扫码打开入驻页并带上楼栋',
  input: () => z.object({ buildingId: idSchema }).strict(),
  output: () => buildingCodeSchema.extend({ gridName: z.string(), communityName: z.string() }),
  roles: ['grid_worker', 'staff', 'admin'],
  mutates: false,
});

export const orgPrintCodes = defineAction({
  name: 'org.printCodes',
  summary: '一个网格全部楼栋的楼栋码，排成一页打印',
  input: () => z.object({ gridId: idSchema }).strict(),
  output: () => z.object({ gridName: z.string(), communityName: z.string(), items: z.array(buildingCodeSchema) }),
  roles: ['grid_worker', 'staff', 'admin'],
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const orgActions = [orgTree, orgUpsertUnit, orgRetireUnit, orgBuildingCode, orgPrintCodes] as const;
