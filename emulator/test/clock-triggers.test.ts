import { join } from 'node:path';
import { startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');
const DAY = 24 * 3600 * 1000;

interface Times {
  now: number;
  date: string;
  dayjs: number;
  isDate: boolean;
}

interface Tick {
  event: { Type: string; TriggerName: string; Time: string };
  context: Record<string, unknown>;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('clock and timer triggers', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_TRIGGER_TICK_MS: '100', LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') } });
  });
  afterAll(() => emu.stop());

  it('moves what functions see as now: Date.now(), new Date() and dayjs()', async () => {
    const real = await emu.invoke<Times>('counter', { op: 'time' });
    const { offsetMs } = await emu.clock({ advanceMs: 10 * DAY });
    expect(offsetMs).toBe(10 * DAY);
    const shifted = await emu.invoke<Times>('counter', { op: 'time' });
    expect(shifted.now - real.now).toBeGreaterThanOrEqual(10 * DAY);
    expect(shifted.now - real.now).toBeLessThan(11 * DAY);
    expect(Math.abs(shifted.dayjs - shifted.now)).toBeLessThan(DAY);
    expect(Math.abs(Date.parse(shifted.date) - shifted.now)).toBeLessThan(DAY);
    expect(shifted.isDate).toBe(true);

    await emu.clock({ set: '2040-02-29T12:00:00Z' });
    const set = await emu.invoke<Times>('counter', { op: 'time' });
    expect(set.date.slice(0, 13)).toBe('2040-02-29T12');
    const state = await emu.clock({ reset: true });
    expect(state.offsetMs).toBe(0);
  });

  it('stamps serverDate() with the emulator clock', async () => {
    await emu.clock({ set: '2033-07-01T00:00:00Z' });
    await emu.invoke('counter', { id: 'stamp' });
    const doc = await emu.invoke<{ at: unknown }>('counter', { op: 'read', id: 'stamp' });
    expect(String(doc.at).slice(0, 10)).toBe('2033-07-01');
  });

  it('fires a trigger on demand with a timer event and no OPENID', async () => {
    await emu.clock({ set: '2031-01-01T00:00:00Z' });
    const [firing] = await emu.fireTrigger('ticker');
    expect(firing).toMatchObject({ function: 'ticker', trigger: 'nightly', ok: true });
    const result = firing.result as Tick;
    expect(result.event).toEqual({ Type: 'timer', TriggerName: 'nightly', Time: firing.time });
    expect(firing.time).toMatch(/^2031-01-01T00:00:\d\dZ$/);
    expect(result.context.OPENID).toBeUndefined();
    expect(result.context.SOURCE).toBe('wx_trigger');
    await expect(emu.fireTrigger('ticker', 'no-such-trigger')).resolves.toEqual([]);
  });

  it('fires on schedule against the emulator clock (03:00 Beijing = 19:00 UTC)', async () => {
    // Setting the clock back forgets missed firings, so the only one due is the next 03:00 Beijing.
    await emu.clock({ set: '2020-05-01T18:59:58Z' });
    const [meterRecord] = await until(async () => {
      const fired = (await emu.meter()).filter((m) => m.trigger === 'nightly' && m.startedAt.startsWith('2020-05-01T19:00') && m.ok !== null);
      return fired.length ? fired : undefined;
    }, 'the nightly trigger');
    expect(meterRecord).toMatchObject({ function: 'ticker', ok: true, caller: { openid: null, source: 'wx_trigger' } });
  });

  it('fires triggers that a clock jump passes over, once, and reports them', async () => {
    await emu.clock({ set: '2025-03-01T00:00:00Z' });
    const { fired } = await emu.clock({ advanceMs: 3 * DAY });
    expect(fired).toEqual([expect.objectContaining({ function: 'ticker', trigger: 'nightly', ok: true, time: '2025-03-01T19:00:00Z' })]);
  });
});
