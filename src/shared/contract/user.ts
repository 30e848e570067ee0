import { z } from 'zod';
import { roles } from '../domain/roles';
import { defineAction } from './action';
import { pageInput, pageOf } from './common';

/** 关怀模式: the person's own choice (null until they make one) and what it is without one (care-mode.ts). */
export const careModeSchema = z.object({ choice: z.boolean().nullable(), byDefault: z.boolean() });

export const meSchema = z.object({
  openid: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  phone: z.string().describe('masked: 138****1001'),
  /** An admin's reach (their street, or the whole district); null for everyone else. */
  adminScope: z.enum(['street', 'district']).nullable(),
  careMode: careModeSchema,
});

export const userMe = defineAction({
  name: 'user.me',
  summary: '我是谁：姓名、角色和所在社区/网格/楼栋',
  input: z.object({}).strict(),
  output: meSchema,
  roles: 'registered',
  mutates: false,
});

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  gridName: z.string().nullable(),
  activeTasks: z.number().int(),
  /** What the member offers to do, so the dispatcher can match the wish (empty when they named none). */
  skills: z.array(z.string()),
});

export const userListMembers = defineAction({
  name: 'user.listMembers',
  summary: '本社区的党员/志愿者（派单时选择）',
  input: z.object({ ...pageInput }).strict(),
  output: pageOf(memberSchema),
  roles: ['grid_worker', 'staff'],
  mutates: false,
});

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  gridName: z.string().nullable(),
  buildingName: z.string().nullable(),
  phone: z.string().describe('masked: 138****1001'),
});

export const userListPeople = defineAction({
  name: 'user.listPeople',
  summary: '本社区登记的居民/党员（社区工作人员发放积分时选择）；可按姓名搜索',
  input: z.object({ query: z.string().trim().max(20).optional(), role: z.enum(roles).optional(), ...pageInput }).strict(),
  output: pageOf(personSchema),
  roles: ['staff'],
  mutates: false,
});

export const userSetPrefs = defineAction({
  name: 'user.setPrefs',
  summary: '我的设置：关怀模式（大字、大按钮）开或关，跟随本人',
  input: z.object({ careMode: z.boolean() }).strict(),
  output: z.object({ careMode: careModeSchema }),
  roles: 'registered',
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const userActions = [userMe, userListMembers, userListPeople, userSetPrefs] as const;
