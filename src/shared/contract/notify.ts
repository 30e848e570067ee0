import { z } from 'zod';
import { defineAction } from './action';

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
  output: () => z.object({ templates: z.record(z.enum(templateKeys), z.string()) }),
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

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const notifyActions = [notifyTemplates, notifySubscribe] as const;
