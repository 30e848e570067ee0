import * as cloud from 'wx-server-sdk';
import type { TestEmulator } from '../helpers/emulator';

type Call = (openid: string | undefined, action: string, payload?: unknown, requestId?: string) => Promise<any>;

/**
 * Test set-up only: writes documents straight into the emulator's database through the real SDK, for what no
 * action makes yet (people beyond the seed: the crowd of a race, the staff of a second community).
 */
export async function insertDocs(emu: TestEmulator, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  Object.assign(process.env, {
    TENCENTCLOUD_SECRETID: 'local-test',
    TENCENTCLOUD_SECRETKEY: 'local-test',
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${emu.url}/__tcb` }),
    SILENCE: 'true',
  });
  cloud.init({ env: 'linli-local' });
  const db = cloud.database();
  for (const { _id, ...data } of docs) await db.collection(collection).doc(String(_id)).set({ data });
}

/** `n` more party members of 梧桐社区, grid-1, shaped like 张建国. */
export async function moreMembers(env: { emu: TestEmulator; call: Call }, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `test-member-${i}`);
  await insertDocs(
    env.emu,
    'users',
    ids.map((_id, i) => ({
      _id,
      name: `志愿者${i}`,
      phone: `1390000${String(i).padStart(4, '0')}`,
      roles: ['resident', 'member'],
      streetId: 'street-qingshi',
      communityId: 'community-wutong',
      gridId: 'grid-1',
      buildingId: 'building-1',
      room: '1单元101',
      birthYear: 1980,
    })),
  );
  return ids;
}

/** Mon 2026-12-07, China time: a duty day of `schedule`. */
export const monday = (hhmm: string) => `2026-12-07T${hhmm}:00+08:00`;
export const schedule = { days: [1, 2, 3, 4, 5], start: '08:00', end: '12:00', maxHours: 3 };
export const newPost = {
  placeId: 'grid-1',
  type: 'elder_helper',
  title: '助老服务岗',
  description: '每周一到周五上午陪伴独居老人',
  slots: 3,
  schedule,
  pointsPerHour: 10,
};
