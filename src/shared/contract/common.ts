import { z } from 'zod';

/** Document ids: ours are readable slugs or 32-hex cloud ids; either way short and plain. */
export const idSchema = z
  .string()
  .trim()
  .min(1, '缺少编号')
  .max(64)
  .regex(/^[\w-]+$/, '编号格式不对');

/** A stored file: `cloud://<env>.<bucket>/<path>` as returned by uploadFile. */
export const fileIdSchema = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[^\s]+$/, '图片地址无效，请重新上传');

export const pageInput = {
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(50).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextOffset: z.number().int().nullable() });
}

/** Dates cross the wire as ISO strings. */
export const isoDate = z.string().datetime({ offset: true });
