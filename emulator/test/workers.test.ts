import { join } from 'node:path';
import { EmulatorCallError, startEmulator, type TestEmulator } from '../../test/helpers/emulator';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');
const indexes = join(__dirname, 'fixtures/indexes.json');
const DAY = 24 * 3600 * 1000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Seen {
  openid: string | null;
  seq: string;
  mark: string | null;
  now: number;
}
interface Waited {
  calls: number;
  before: Seen;
  after: Seen;
  tag: string;
}

const failure = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('the call was expected to fail');
    },
    (err: EmulatorCallError) => err,
  );

/** Issue 17, isolation: each function runs in its own worker thread, as the cloud runs it in its own container. */
describe('a worker per function', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes } });
  });
  afterAll(() => emu.stop());

  it("does not show one function's globals, prototype changes or module state to another", async () => {
    await expect(emu.invoke('leaker')).resolves.toEqual({ shared: 1, sees: 'string' });
    await expect(emu.invoke('leaker')).resolves.toEqual({ shared: 2, sees: 'string' });
    // The same file on disk, required by another function: its own copy, loaded afresh.
    await expect(emu.invoke('peeker')).resolves.toEqual({ global: 'undefined', prototype: 'undefined', shared: 1 });
  });

  it('moves the clock for a function while it runs', async () => {
    await emu.clock({ reset: true });
    await emu.invoke('waiter', { tag: 'warm' });
    const running = emu.invoke<Waited>('waiter', { tag: 'clock', waitMs: 1200 });
    await pause(400);
    await emu.clock({ advanceMs: 10 * DAY });
    const { before, after } = await running;
    expect(after.now - before.now).toBeGreaterThanOrEqual(10 * DAY);
    expect(after.now - before.now).toBeLessThan(11 * DAY);
    await emu.clock({ reset: true });
  });

  it("keeps each concurrent invocation's process.env (WX_*, TCB_SEQID) its own, even what it writes", async () => {
    const calls = Array.from({ length: 30 }, (_, i) => emu.invoke<Waited>('waiter', { tag: String(i), waitMs: (i * 7) % 40 }, `demo-user-${i}`));
    const replies = await Promise.all(calls);
    replies.forEach((r, i) => {
      expect(r.before.openid).toBe(`demo-user-${i}`);
      expect(r.after.openid).toBe(`demo-user-${i}`);
      expect(r.before.mark).toBeNull();
      expect(r.after.mark).toBe(`mark-${i}`);
      expect(r.after.seq).toBe(r.before.seq);
    });
    expect(new Set(replies.map((r) => r.before.seq)).size).toBe(30);
    // One warm container ran them all, as the counter of its module says.
    expect(new Set(replies.map((r) => r.calls)).size).toBe(30);
  });

  it('times out a function stuck in a loop, keeps serving meanwhile, and runs the next call in a fresh container', async () => {
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 1 });
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 2 });
    const stuck = failure(emu.invoke('spinner', { spin: true }));
    await pause(100);
    // The loop holds its own thread only.
    await expect(emu.invoke('peeker')).resolves.toMatchObject({ global: 'undefined' });
    const err = await stuck;
    expect(err.status).toBe(500);
    expect(err.body.errMsg).toContain('timed out after 1 seconds');
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 1 });
  });

  it('ends a timed-out container only once its other invocations have answered', async () => {
    const first = await emu.invoke<Waited>('waiter', { tag: 'first' });
    const hung = failure(emu.invoke('waiter', { tag: 'hung', hang: true }));
    await pause(1000);
    // Still running when the hung one times out (at 2 s), and answered from the same container after it.
    const other = emu.invoke<Waited>('waiter', { tag: 'other', waitMs: 1500 });
    expect((await hung).body.errMsg).toContain('timed out after 2 seconds');
    const fresh = await emu.invoke<Waited>('waiter', { tag: 'fresh' });
    expect(fresh.calls).toBe(1);
    await expect(other).resolves.toMatchObject({ tag: 'other', calls: first.calls + 2 });
  });

  it('fails the invocation of a function that exits its container, and starts the next one afresh', async () => {
    await emu.invoke('spinner');
    const err = await failure(emu.invoke('spinner', { exit: true }));
    expect(err.status).toBe(500);
    expect(err.body.errMsg).toContain('exited (code 3)');
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 1 });
  });
});

describe('idle workers', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes, LINLI_IDLE_FUNCTION_MS: '1500', LINLI_WARM_FUNCTIONS: '2' } });
  });
  afterAll(() => emu.stop());

  it('are ended after a while with nothing to run, and the next call starts cold', async () => {
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 1 });
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 2 });
    await pause(3000);
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 1 });
  });

  it('make room for another function: beyond the warm limit the least recently used one is ended', async () => {
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 2 });
    await expect(emu.invoke('leaker')).resolves.toMatchObject({ shared: 1 });
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 3 });
    // Two warm (leaker, spinner): a third ends leaker, the one called longest ago.
    await expect(emu.invoke('peeker')).resolves.toMatchObject({ shared: 1 });
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 4 });
    await expect(emu.invoke('leaker')).resolves.toMatchObject({ shared: 1 });
  });
});
