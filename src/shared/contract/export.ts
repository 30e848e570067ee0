import { z } from 'zod';
import { defineAction } from './action';
import { idSchema } from './common';

/**
 * 数据导出 (issue 14): cases, postings, volunteer hours and the community bulletins (月通报) of a place the caller may see, as
 * XLSX or CSV, written by the report function into cloud storage page by page and handed back as a short-lived link.
 */

export const exportKinds = ['cases', 'postings', 'hours', 'bulletin'] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportKindLabels: Record<ExportKind, string> = {
  cases: '诉求与心愿',
  postings: '积分流水',
  hours: '志愿服务时长',
  bulletin: '社区月报',
};

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const day = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');

export const exportStartInput = () =>
  z
    .object({
      /** A grid, community or street the caller may see, or `district`; absent: the caller's own (as on 数据看板). */
      scope: idSchema.optional(),
      /** Inclusive China-time days; at most a year. */
      from: day(),
      to: day(),
      kinds: z.array(z.enum(exportKinds)).min(1, '请选择要导出的数据').max(exportKinds.length),
      format: z.enum(exportFormats),
    })
    .strict()
    .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
    .refine((v) => new Set(v.kinds).size === v.kinds.length, { message: '导出的数据有重复', path: ['kinds'] })
    // A CSV is one table: one kind per file (XLSX puts each kind on its own sheet).
    .refine((v) => v.format === 'xlsx' || v.kinds.length === 1, { message: 'CSV 一次只能导出一种数据，多种请选 Excel', path: ['kinds'] });

/** The export as the app shows it: how far it got, and when done the link to open (valid for a few minutes). */
export const exportView = () =>
  z.object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    format: z.enum(exportFormats),
    kinds: z.array(z.enum(exportKinds)),
    scopeName: z.string(),
    from: day(),
    to: day(),
    /** Rows written so far (all of them once done). */
    rows: z.number().int(),
    /** Kinds finished of `kinds.length`. */
    kindsDone: z.number().int(),
    fileName: z.string(),
    url: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
  });

export const reportExportStart = defineAction({
  name: 'report.exportStart',
  summary: '数据导出：开始导出诉求心愿、积分流水、志愿时长或社区月报（XLSX / CSV，后台分页写入云存储）',
  input: exportStartInput,
  output: () => z.object({ export: exportView() }),
  roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  mutates: true,
});

export const reportExportStatus = defineAction({
  name: 'report.exportStatus',
  summary: '数据导出：查看导出进度（并推进一页），完成后给出临时下载链接',
  input: () => z.object({}).strict(),
  output: () => z.object({ export: exportView().nullable() }),
  roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  mutates: false,
});

export const exportActions = [reportExportStart, reportExportStatus] as const;
