import { z } from 'zod';
import { defineAction } from './action';
import { idSchema, isoDate } from './common';

// 热线对接 (issue 15): the systems that file cases through Open311 (the 12345 hotline, another case system), managed
// by the district admin. Served by the org function (action.ts `servedBy`): the open311 function answers HTTP only.

export const open311ChangeKinds = ['created', 'changed', 'disabled', 'enabled', 'key'] as const;

export const open311PartnerSchema = () =>
  z.object({
    id: z.string(),
    name: z.string(),
    communityId: z.string(),
    /** “青石街道 梧桐社区”: where its cases without a building that can be found land. */
    placeName: z.string(),
    active: z.boolean(),
    /** The key in force: its last four characters and when it was issued; null before one is issued. */
    key: z.object({ tail: z.string(), issuedAt: isoDate }).nullable(),
    /** The latest changes, newest first: who, when, what. */
    log: z.array(z.object({ at: isoDate, byName: z.string(), what: z.enum(open311ChangeKinds) })),
  });

export const hotlinePartners = defineAction({
  name: 'hotline.partners',
  summary: '热线对接方（12345 热线等）列表，以及可作为兜底受理社区的社区（区级管理员）',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      partners: z.array(open311PartnerSchema()),
      /** The communities a partner's cases without a place may land at (not retired), with their street. */
      communities: z.array(z.object({ id: z.string(), name: z.string(), streetName: z.string() })),
    }),
  roles: ['admin'],
  mutates: false,
});

export const hotlineSavePartner = defineAction({
  name: 'hotline.savePartner',
  summary: '新增（不带 partnerId）或修改热线对接方：名称、兜底受理社区、启用或停用（区级管理员）',
  input: () =>
    z
      .object({
        partnerId: idSchema.optional(),
        name: z.string().trim().min(2, '名称至少 2 个字').max(30, '名称最多 30 个字'),
        communityId: idSchema,
        active: z.boolean().default(true),
      })
      .strict(),
  output: () => z.object({ partner: open311PartnerSchema() }),
  roles: ['admin'],
  mutates: true,
});

export const hotlineRotateKey = defineAction({
  name: 'hotline.rotateKey',
  summary: '为热线对接方发放新的接口密钥（旧密钥一分钟内失效）；密钥只在这次回复中出现一次，只保存其摘要（区级管理员）',
  input: () => z.object({ partnerId: idSchema }).strict(),
  output: () =>
    z.object({
      partner: open311PartnerSchema(),
      /** The new key, this once; null on a retry of a call that already issued it (it is never shown twice). */
      key: z.string().nullable(),
    }),
  roles: ['admin'],
  mutates: true,
});

export const hotlineActions = [hotlinePartners, hotlineSavePartner, hotlineRotateKey] as const;
