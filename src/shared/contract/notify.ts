import { z } from 'zod';
import { defineAction } from './action';
import { isoDate, pageInput, pageOf } from './common';

export const templateKeys = [
  'wishSubmitted',
  'wishProgress',
  'wishDispatched',
  'wishUnclaimed',
  'petitionAssigned',
  'petitionProgress',
  'pointsHold',
  'joinSubmitted',
  'reportSubmitted',
] as const;

export const notifyTemplates = defineAction({
  name: 'notify.templates',
  summary: '订阅消息模板 id（用于 requestSubscribeMessage）',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      templates: z.record(z.enum(templateKeys), z.string()),
      /**
       * 长期订阅: the account may ask staff for long-term consent to their work notices (`staffKeys`), given once;
       * false: staff consent one notice at a time, like residents. The district admin sets it (notify.setSubscribeMode).
       */
      staffLongTerm: z.boolean(),
      staffKeys: z.array(z.enum(templateKeys)),
    }),
  // Public: the app loads them as it starts, and a newcomer who joins asks consent on their first wish.
  roles: 'public',
  mutates: false,
});

export const notifySubscribe = defineAction({
  name: 'notify.subscribe',
  summary: '记录用户在 requestSubscribeMessage 中同意的模板：每次同意可发送一条',
  input: () => z.object({ accepted: z.array(z.string().trim().min(1).max(64)).max(10) }).strict(),
  output: () => z.object({ granted: z.number().int() }),
  roles: 'registered',
  mutates: true,
});

export const notifySetSubscribeMode = defineAction({
  name: 'notify.setSubscribeMode',
  summary: '区级管理员设置员工工作通知的订阅方式：长期订阅（政务民生类目可用）或一次性订阅',
  input: () => z.object({ staffLongTerm: z.boolean() }).strict(),
  output: () => z.object({ staffLongTerm: z.boolean() }),
  roles: ['admin'],
  mutates: true,
});

/** 消息 ids: `<retry record>-<n>` or 24 hex; plain characters, short. */
const messageId = z
  .string()
  .trim()
  .min(1, '缺少消息编号')
  .max(64)
  .regex(/^[\w-]+$/, '消息编号格式不对');

export const messageView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** The page of the case it is about (opened on tap). */
  page: z.string(),
  createdAt: isoDate,
  read: z.boolean(),
});
export type MessageView = z.infer<typeof messageView>;

export const notifyMessages = defineAction({
  name: 'notify.messages',
  summary: '我的消息：最新在前，分页；第一页附带未读数',
  input: () => z.object({ ...pageInput }).strict(),
  output: () => pageOf(messageView).extend({ unread: z.number().int().nullable() }),
  roles: 'registered',
  mutates: false,
});

export const notifyRead = defineAction({
  name: 'notify.read',
  summary: '标记消息已读：给 id 标记一条，不给则全部已读（重复调用无副作用）；返回剩余未读数',
  input: () => z.object({ id: messageId.optional() }).strict(),
  output: () => z.object({ unread: z.number().int() }),
  roles: 'registered',
  mutates: true,
});

export const notifyUnread = defineAction({
  name: 'notify.unread',
  summary: '未读消息数（我的页角标）',
  input: () => z.object({}).strict(),
  output: () => z.object({ unread: z.number().int() }),
  roles: 'registered',
  mutates: false,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const notifyActions = [notifyTemplates, notifySubscribe, notifySetSubscribeMode, notifyMessages, notifyRead, notifyUnread] as const;
