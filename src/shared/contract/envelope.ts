import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors';

/**
 * The reply of every cloud function action: data on success, a stable code and a human message otherwise.
 * `serverTime` is the server's clock when it answered, so the app shows every time on the server's clock.
 */
export type Reply<T> = ({ ok: true; data: T } | { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] }) & { serverTime?: string };

/** One invalid field of a BAD_INPUT reply, so a form can point at it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });

export const failureSchema = z.object({
  ok: z.literal(false),
  code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  serverTime: z.string().optional(),
});

export function replySchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data, serverTime: z.string().optional() }), failureSchema]);
}

/** The event a cloud function receives: `{action: "<area>.<verb>", payload, requestId?}`. */
export const eventSchema = z.object({
  action: z.string().regex(/^[a-z]+\.[a-zA-Z]+$/),
  payload: z.unknown().optional(),
  requestId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[\w-]+$/)
    .optional(),
});

export type ActionEvent = z.infer<typeof eventSchema>;
