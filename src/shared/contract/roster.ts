import { z } from 'zod';
import { rosterKinds, rosterLimits } from '../domain/roster';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate } from './common';

/** One bad row of a file: its line in the sheet (the header is line 1) and what is wrong, in Chinese. */
export const rowErrorSchema = z.object({ line: z.number().int(), reason: z.string() });

/**
 * Where an import job stands. `invalid`: rows are bad (listed), nothing was written; `running`: rows are being
 * staged out of sight, call again to go on; `done`: the file is the community's roster (or its buildings).
 */
export const importStateSchema = z.lazy(() =>
  z.object({
    importId: z.string(),
    kind: z.enum(rosterKinds),
    status: z.enum(['invalid', 'running', 'done']),
    rows: z.number().int(),
    staged: z.number().int().describe('rows written out of sight so far'),
    errors: z.array(rowErrorSchema).describe(`the first ${rosterLimits.errorsShown} bad rows`),
    errorCount: z.number().int(),
    /** True when this file was already the community's roster: nothing changed. */
    unchanged: z.boolean(),
  }),
);

export const rosterImport = defineAction({
  name: 'roster.import',
  summary:
    '导入人口台账或楼栋表（XLSX/CSV，先上传到云存储）：逐行校验，有错行则一行也不写；大文件分批写入，未完成时再调用一次接着导入，全部写完才一次生效',
  input: () =>
    z
      .object({
        fileID: fileIdSchema,
        communityId: idSchema,
        kind: z.enum(rosterKinds),
      })
      .strict(),
  output: () => importStateSchema,
  roles: ['staff', 'admin'],
  mutates: true,
});

export const rosterEntrySchema = z.lazy(() =>
  z.object({
    id: z.string().describe('stable across imports: community + building + 单元 + room + name'),
    name: z.string(),
    phone: z.string().nullable().describe('full for admins, 138****1001 for community staff and grid workers'),
    gridId: z.string(),
    gridName: z.string(),
    buildingId: z.string(),
    buildingName: z.string(),
    unit: z.string(),
    room: z.string(),
    tags: z.array(z.string()),
    linked: z.boolean().describe('a registered user has claimed this entry (issue 13)'),
  }),
);

export const rosterList = defineAction({
  name: 'roster.list',
  summary: '人口台账：按楼栋、标签筛选，按姓名查找，分页（网格员看本网格，社区工作人员看本社区，管理员看辖区）',
  input: () =>
    z
      .object({
        communityId: idSchema.optional().describe('default: the caller’s own community'),
        buildingId: idSchema.optional(),
        tag: z.string().trim().min(1).max(10).optional(),
        name: z.string().trim().min(1).max(20).optional().describe('the full name'),
        after: z.string().max(200).optional().describe('nextAfter of the previous page'),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
  output: () =>
    z.object({
      communityId: z.string(),
      communityName: z.string(),
      gridName: z.string().nullable().describe('a grid worker’s grid: the list and the total are of it alone'),
      items: z.array(rosterEntrySchema),
      nextAfter: z.string().nullable(),
      /** Entries in the roster (a grid worker's: of their grid), not of the filtered view, as of its last import. */
      total: z.number().int(),
      importedAt: isoDate.nullable(),
      buildings: z.array(z.object({ id: z.string(), name: z.string() })).describe('the filter choices'),
    }),
  roles: ['grid_worker', 'staff', 'admin'],
  mutates: false,
});

export const rosterExport = defineAction({
  name: 'roster.export',
  summary: '导出社区的人口台账和组织架构为 XLSX（手机号仅管理员可见全号），返回临时下载链接',
  input: () => z.object({ communityId: idSchema.optional() }).strict(),
  output: () => z.object({ url: z.string(), fileName: z.string(), rows: z.number().int() }),
  roles: ['staff', 'admin'],
  mutates: false,
});

export const rosterActions = [rosterImport, rosterList, rosterExport] as const;
