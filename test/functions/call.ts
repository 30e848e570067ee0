import { areaOf } from '../../src/shared/contract/action';
import { DAY_MS, startOfDayCst } from '../../src/shared/domain/time';
import { startEmulator, type StartOptions, type TestEmulator } from '../helpers/emulator';

/** A user's call as the app makes it: the area's function, the event, the caller's openid. */
export function caller(emu: () => TestEmulator) {
  return async function call(openid: string | undefined, action: string, payload: unknown = {}, requestId?: string): Promise<any> {
    return emu().invoke(areaOf(action), { action, payload, ...(requestId ? { requestId } : {}) }, openid);
  };
}

/**
 * One emulator process per test file, back at the seed before every test. `env.emu` is the emulator,
 * `env.call` acts as a persona.
 */
/**
 * For the tests that race real calls: on the cloud each concurrent call gets an instance of its own; the emulator runs
 * one per core unless told (each starts its own SDK), which would let only two of a crowd into their transactions at
 * once. Eight, for these files only: every other test pays for each cold instance it starts.
 */
export const RACING: StartOptions = { env: { LINLI_FUNCTION_INSTANCES: '8' } };

export function useEmulator(opts: StartOptions = {}) {
  let emu: TestEmulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator(opts);
  });
  afterAll(() => emu?.stop());
  beforeEach(() => emu!.reset());
  return {
    get emu(): TestEmulator {
      return emu!;
    },
    call: caller(() => emu!),
  };
}

/**
 * For the tests that read "today" (a China-time day: a shop's totals, its 今日 history) after moving the clock by
 * minutes: within `marginMs` of midnight in China the clock is moved to just after it, so the test's day cannot turn
 * under it. (A crash test started at 23:59 CST found its charge gone from 今日 two minutes later.)
 */
export async function clearOfMidnight(emu: TestEmulator, marginMs = 60 * 60 * 1000): Promise<void> {
  const now = new Date((await emu.clock()).now);
  const midnight = startOfDayCst(now).getTime() + DAY_MS;
  if (midnight - now.getTime() < marginMs) await emu.clock({ set: new Date(midnight + 5 * 60 * 1000).toISOString() });
}

/** The data of a successful reply; fails the test with the reply otherwise. */
export function ok(reply: any): any {
  expect(reply).toMatchObject({ ok: true });
  return reply.data;
}

export const newWish = { title: '帮忙换灯泡', description: '厨房灯泡坏了，够不着，想请人帮忙换一下', categoryId: 'repair' };
