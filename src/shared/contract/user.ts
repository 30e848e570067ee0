import { z } from 'zod';
import { roles } from '../domain/roles';
import { defineAction } from './action';

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
});

export const userMe = defineAction({
  name: 'user.me',
  summary: '我是谁：姓名、角色和所在社区/网格/楼栋',
  input: z.object({}).strict(),
  output: meSchema,
  roles: 'registered',
  mutates: false,
});
