import { z } from 'zod';
import { defineAction } from './action';
import { idSchema, isoDate } from './common';

/** 代办人: an adult child bound, with the parent's consent, as the helper who files for an elderly parent. */

export const helperStatuses = ['requested', 'active', 'ended'] as const;
export const helperConsentLabels = { parent: '本人确认', grid_worker: '网格员代为确认', staff: '社区工作人员代为确认' } as const;

export const helperBindingSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    parentName: z.string(),
    helper: z.object({ name: z.string(), phone: z.string().nullable() }),
    relation: z.string(),
    status: z.enum(helperStatuses),
    consent: z
      .object({ byName: z.string(), as: z.enum(['parent', 'grid_worker', 'staff']), at: isoDate })
      .nullable()
      .describe('who consented and when: the parent, or the grid worker / staff for them'),
    requestedAt: isoDate,
    endedAt: isoDate.nullable(),
    endedByName: z.string().nullable(),
    /** Who the caller is to this binding, so the app offers the right buttons (the server still decides). */
    viewer: z.enum(['parent', 'helper', 'organiser']),
  }),
);
export type HelperBindingView = z.infer<typeof helperBindingSchema>;

const one = z.object({ binding: helperBindingSchema });
const ref = { bindingId: idSchema };

export const helperRequest = defineAction({
  name: 'helper.request',
  summary: '子女申请成为老人的代办人（老人的姓名和登记手机号），等老人或其网格员确认',
  input: () =>
    z
      .object({
        parentName: z.string().trim().min(1, '请填写老人的姓名').max(20, '姓名最多 20 字'),
        parentPhone: z
          .string()
          .trim()
          .regex(/^1\d{10}$/, '请填写老人登记的 11 位手机号'),
        relation: z.string().trim().min(1, '请填写与老人的关系').max(10, '关系最多 10 字'),
      })
      .strict(),
  output: () => one,
  roles: 'registered',
  mutates: true,
});

export const helperConsent = defineAction({
  name: 'helper.consent',
  summary: '老人本人（或其网格员、社区工作人员代为）同意代办人绑定，记录时间和确认人',
  input: () => z.object(ref).strict(),
  output: () => one,
  roles: 'registered',
  mutates: true,
});

export const helperEnd = defineAction({
  name: 'helper.end',
  summary: '解除代办人绑定（老人、代办人或其网格员都可以）',
  input: () => z.object(ref).strict(),
  output: () => one,
  roles: 'registered',
  mutates: true,
});

export const helperList = defineAction({
  name: 'helper.list',
  summary: '我的代办人、我代办的老人，以及（网格员、社区工作人员）辖区内等待确认的申请',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      asParent: z.array(helperBindingSchema),
      asHelper: z.array(helperBindingSchema),
      toConsent: z.array(helperBindingSchema),
    }),
  roles: 'registered',
  mutates: false,
});

export const helperActions = [helperRequest, helperConsent, helperEnd, helperList] as const;
