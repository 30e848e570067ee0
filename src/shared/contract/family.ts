import { z } from 'zod';
import { FAMILY_CODE_LENGTH } from '../domain/family';
import { defineAction } from './action';
import { isoDate } from './common';

/** 家庭邀请码 (issue 13): a resident invites the people of their household, who join at their home at once. */

export const familyCodeSchema = z.lazy(() =>
  z.object({
    code: z.string(),
    expiresAt: isoDate,
    uses: z.number().int(),
    maxUses: z.number().int(),
    inviterName: z.string(),
  }),
);
export type FamilyCodeView = z.infer<typeof familyCodeSchema>;

const codeInput = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().length(FAMILY_CODE_LENGTH, `邀请码是 ${FAMILY_CODE_LENGTH} 位字母和数字`));

const codes = z.object({ codes: z.array(familyCodeSchema) });

export const familyInvite = defineAction({
  name: 'family.invite',
  summary: '邀请家人：为我登记的家（楼栋+门牌）生成 24 小时有效的家庭邀请码，家人用它加入即落户我家',
  input: () => z.object({}).strict(),
  output: () => codes.extend({ code: familyCodeSchema }),
  roles: ['resident'],
  mutates: true,
});

export const familyCodes = defineAction({
  name: 'family.codes',
  summary: '我家仍有效的家庭邀请码',
  input: () => z.object({}).strict(),
  output: () => codes,
  roles: ['resident'],
  mutates: false,
});

export const familyRevoke = defineAction({
  name: 'family.revoke',
  summary: '作废我家的一个家庭邀请码',
  input: () => z.object({ code: codeInput }).strict(),
  output: () => codes,
  roles: ['resident'],
  mutates: true,
});

export const familyMembers = defineAction({
  name: 'family.members',
  summary: '我家（同一楼栋、单元、门牌）登记的家人：姓名，手机号打码',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      items: z.array(z.object({ name: z.string(), phone: z.string().nullable(), me: z.boolean(), invitedByName: z.string().nullable() })),
    }),
  roles: 'registered',
  mutates: false,
});

export const familyJoin = defineAction({
  name: 'family.join',
  summary: '用家庭邀请码加入社区：落户邀请人的家，即刻成为居民（无需网格员审核），记录为其邀请',
  input: () =>
    z
      .object({
        code: codeInput,
        name: z.string().trim().min(2, '请填写真实姓名').max(20, '姓名最多 20 字'),
        phone: z
          .string()
          .trim()
          .regex(/^1\d{10}$/, '手机号格式不对，请填写 11 位手机号')
          .optional(),
        phoneCode: z.string().trim().min(1).max(128).optional(),
        privacyVersion: z.string().min(1).max(20),
      })
      .strict()
      .refine((v) => Boolean(v.phone || v.phoneCode), { message: '请填写手机号', path: ['phone'] }),
  output: () => z.object({ status: z.literal('verified'), buildingName: z.string(), room: z.string(), inviterName: z.string() }),
  roles: 'public',
  mutates: true,
});

export const familyActions = [familyInvite, familyCodes, familyRevoke, familyMembers, familyJoin] as const;
