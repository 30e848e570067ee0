import { z } from 'zod';
import { appointableRoles } from '../domain/appointment';
import { roles } from '../domain/roles';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

const appointable = z.enum(appointableRoles, { error: '居民、党员和商家的身份由本人申请办理，不能在这里任免' });
const reason = z.string().trim().min(2, '请写明任免原因').max(100, '原因最多 100 字');

/**
 * 任命: the role and where. A grid worker is appointed to a grid, community staff to a community, street staff
 * and a street admin to a street (`unitId`); department staff to a department; district staff and a district
 * admin to no unit. A 督办员 (supervisor) is appointed to a street (`unitId`), or without one to the whole district.
 * 业委会委员 and 物业代表 (三方议事) are appointed to a community, and optionally to one 小区 of it (`estate`).
 */
export const roleGrantInput = z
  .object({
    openid: idSchema,
    role: appointable,
    unitId: idSchema.optional(),
    departmentId: idSchema.optional(),
    adminScope: z.enum(['street', 'district']).optional(),
    /** 业委会委员 / 物业代表 only: the 小区 of the community they sit for (none: the whole community). */
    estate: z.string().trim().min(2, '小区名称至少 2 个字').max(20, '小区名称最多 20 字').optional(),
    reason,
  })
  .strict()
  .superRefine((v, ctx) => {
    const council = v.role === 'owners_committee' || v.role === 'property_rep';
    const needsUnit =
      v.role === 'grid_worker' || v.role === 'staff' || v.role === 'street_staff' || council || (v.role === 'admin' && v.adminScope !== 'district');
    if (v.estate && !council) ctx.addIssue({ code: 'custom', path: ['estate'], message: '只有业委会委员和物业代表按小区任命' });
    if (needsUnit && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '请选择任职的网格、社区或街道' });
    if (v.role === 'department_staff' && !v.departmentId) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '请选择职能部门' });
    if (v.role === 'admin' && !v.adminScope) ctx.addIssue({ code: 'custom', path: ['adminScope'], message: '请选择管理范围' });
  });

/** A person as the admin sees them when appointing: full name, masked phone, roles and where they are. */
export const roleHolderSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().describe('masked: 138****1001'),
  roles: z.array(z.enum(roles)),
  /** 梧桐社区 · 第一网格: where they live or work, as far as known. */
  place: z.string(),
  /** The grids a grid worker works (empty for everyone else), to add or remove one. */
  workGrids: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const roleLogEntrySchema = z.lazy(() =>
  z.object({
    id: z.string(),
    change: z.enum(['grant', 'revoke']),
    role: z.enum([...appointableRoles, 'member']),
    targetId: z.string(),
    targetName: z.string(),
    /** Where: the unit's name, the department's, 全区 for district roles. */
    scope: z.string(),
    reason: z.string(),
    byName: z.string(),
    at: isoDate,
  }),
);

/** What a change answers: the person's roles as they now are (their place is as the picker showed it), and the entry. */
const changed = z.object({
  person: roleHolderSchema.omit({ place: true, workGrids: true }).extend({ workGridIds: z.array(z.string()) }),
  entry: roleLogEntrySchema,
});

export const roleGrant = defineAction({
  name: 'role.grant',
  summary:
    '管理员任命网格员、社区/街道/部门/区级工作人员、督办员、业委会委员、物业代表或管理员；社区工作人员任命本社区的业委会委员、物业代表（须写明原因，留有记录），须带 requestId',
  input: () => roleGrantInput,
  output: () => changed,
  roles: ['admin', 'staff'],
  mutates: true,
});

export const roleRevoke = defineAction({
  name: 'role.revoke',
  summary: '管理员免去上述角色（网格员可只免去一个网格）；社区工作人员免去本社区的业委会委员、物业代表（须写明原因，留有记录），须带 requestId',
  /** `unitId`: for a grid worker, the one grid to remove (the role goes with the last); without it, every grid. */
  input: () => z.object({ openid: idSchema, role: appointable, unitId: idSchema.optional(), reason }).strict(),
  output: () => changed,
  roles: ['admin', 'staff'],
  mutates: true,
});

export const roleLog = defineAction({
  name: 'role.log',
  summary: '任免记录（本街道；区级管理员看全区），最新的在前，可只看一个人',
  input: () => z.object({ openid: idSchema.optional(), ...pageInput }).strict(),
  output: () => pageOf(roleLogEntrySchema),
  roles: ['admin'],
  mutates: false,
});

export const rolePeople = defineAction({
  name: 'role.people',
  summary: '任免时选人：本街道（区级管理员：全区）登记的人，按姓名中的字或完整手机号查找',
  input: () => z.object({ query: z.string().trim().max(20).optional(), ...pageInput }).strict(),
  output: () => pageOf(roleHolderSchema),
  roles: ['admin'],
  mutates: false,
});

export const rolePlaceSchema = z.object({ id: z.string(), kind: z.enum(['street', 'community', 'grid']), name: z.string() });

export const rolePlaces = defineAction({
  name: 'role.places',
  summary: '任命到哪里：不带 parentId 为可管理的街道（区级管理员另有职能部门），带 parentId 为其下的社区或网格',
  input: () => z.object({ parentId: idSchema.optional() }).strict(),
  output: () =>
    z.object({
      /** The caller's own reach: a district admin also appoints department and district staff and district admins. */
      scope: z.enum(['street', 'district']),
      places: z.array(rolePlaceSchema),
      departments: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  roles: ['admin'],
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const roleActions = [roleGrant, roleRevoke, roleLog, rolePeople, rolePlaces] as const;
