import type { TestEmulator } from '../helpers/emulator';
import { ok } from './call';
import { liu, wang } from './personas';

type Call = (openid: string | undefined, action: string, payload?: unknown, requestId?: string) => Promise<any>;

/** The issue's scenario: a broken accessibility ramp at 王秀英's building (2号楼, 第一网格). */
export const ramp = {
  categoryId: 'accessibility',
  description: '2号楼门口的无障碍坡道塌了一块，轮椅推不上去',
  location: { kind: 'building', buildingId: 'building-2', detail: '1单元门口' },
};

/** Files a petition (王秀英's ramp unless told otherwise) and returns its id. */
export async function file(call: Call, who = wang, payload: Record<string, unknown> = {}): Promise<string> {
  return ok(await call(who, 'petition.create', { ...ramp, ...payload })).petition.id;
}

/** Stores a "photo" as `openid` the way the H5 app uploads one; marker bytes drive the emulator's image check. */
export async function upload(emu: TestEmulator, openid: string, name: string, marker = ''): Promise<string> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${name} ${marker}`)]);
  return (await emu.upload(openid, png, name)).fileID;
}

/** Lets `openid` receive `times` progress notices (one per one-time consent, as WeChat does). */
export async function consent(call: Call, openid: string, times: number): Promise<void> {
  const { templates } = ok(await call(openid, 'notify.templates'));
  for (let i = 0; i < times; i += 1) ok(await call(openid, 'notify.subscribe', { accepted: [templates.petitionProgress] }));
}

export const HOUR = 3600 * 1000;

/** The subscribe messages sent so far with `template`, as [touser, data] pairs. */
export async function sent(emu: TestEmulator, template: string): Promise<{ touser: string; data: Record<string, { value: string }> }[]> {
  // 周反馈 (the notify weekly timer, which the emulator fires when a test's clock passes Monday 09:00) is left out:
  // notify-weekly.test.ts tests it; here only the notices of the steps themselves count.
  return ((await emu.outbox()) as any[]).filter((m) => m.templateId === template && m.data?.phrase2?.value !== '本周进展');
}

/**
 * 现场验证 已解决: the grid worker of 第一网格 (刘芳) checks a resolution on site with a photo, and the case passes on
 * to 待评价 — the step between every resolution and its rating.
 */
export async function verified(call: Call, emu: TestEmulator, petitionId: string, who = liu): Promise<any> {
  const photos = [await upload(emu, who, 'site.png')];
  return ok(await call(who, 'petition.verify', { petitionId, result: 'resolved', note: '到现场看过，已经修好', photos })).petition;
}
