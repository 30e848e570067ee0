import { z } from 'zod';
import { normalUnit, splitTags } from '../domain/roster';

// One row of a roster file, as its cells read (text; an empty cell is ''), checked and shaped. The messages
// go into the answer's row errors, so they say what to fix in the sheet.

const cell = z.string().trim();

export const residentRowSchema = z.lazy(() =>
  z.object({
    姓名: cell.min(1, '姓名不能为空').max(20, '姓名最多 20 个字'),
    手机号: cell
      .transform((s) => s.replace(/[\s-]/g, ''))
      .refine((s) => s === '' || /^1\d{10}$/.test(s), '手机号应为 11 位数字')
      .transform((s) => s || null),
    楼栋: cell.min(1, '楼栋不能为空').max(20, '楼栋名最多 20 个字'),
    单元: cell.max(10, '单元最多 10 个字').transform(normalUnit),
    房号: cell.min(1, '房号不能为空').max(20, '房号最多 20 个字'),
    标签: cell
      .transform(splitTags)
      .refine((tags) => tags.length <= 10, '标签最多 10 个')
      .refine((tags) => tags.every((t) => t.length <= 10), '每个标签最多 10 个字'),
  }),
);

export const buildingRowSchema = z.object({
  网格: cell.min(1, '网格不能为空').max(20),
  楼栋: cell.min(1, '楼栋不能为空').max(20, '楼栋名最多 20 个字'),
  单元数: cell
    .refine((s) => s === '' || /^\d{1,2}$/.test(s), '单元数应为 1–99 的整数')
    .transform((s) => (s === '' ? null : Number(s)))
    .refine((n) => n === null || n >= 1, '单元数应为 1–99 的整数'),
  地址: cell.max(100, '地址最多 100 个字'),
});

export type ResidentRow = z.output<typeof residentRowSchema>;
export type BuildingRow = z.output<typeof buildingRowSchema>;
