import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorCallError, startEmulator, type TestEmulator } from '../src/testing';

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
  instance: string;
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
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes, LINLI_FUNCTION_INSTANCES: '4' } });
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
    // Instances ran them one at a time each, no more instances than the limit (4): each one's counter counted
    // its own calls, none twice.
    const byInstance = new Map<string, Waited[]>();
    for (const r of replies) byInstance.set(r.instance, [...(byInstance.get(r.instance) ?? []), r]);
    expect(byInstance.size).toBeLessThanOrEqual(4);
    for (const calls of byInstance.values()) expect(new Set(calls.map((r) => r.calls)).size).toBe(calls.length);
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

  it('fails the invocation of a function that exits its container, and starts the next one afresh', async () => {
    await emu.invoke('spinner');
    const err = await failure(emu.invoke('spinner', { exit: true }));
    expect(err.status).toBe(500);
    expect(err.body.errMsg).toContain('exited (code 3)');
    await expect(emu.invoke('spinner')).resolves.toEqual({ calls: 1 });
  });
});

interface Held {
  instance: string;
  calls: number;
  tag: string | null;
}

/** Issue 17: instances as on the cloud — one invocation each at a time, more of them under concurrent calls. */
describe('instances of a function', () => {
  let emu: TestEmulator;
  let dir: string;

  /** A call of `holder` that starts, then holds until go(tag). */
  const hold = (tag: string, extra: Record<string, unknown> = {}) => emu.invoke<Held>('holder', { dir, tag, ...extra });
  const go = (tag: string) => writeFileSync(join(dir, `go-${tag}`), '');
  const started = (tag: string) => existsSync(join(dir, `started-${tag}`));
  const whenStarted = async (tag: string) => {
    while (!started(tag)) await pause(10);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-instances-'));
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes, LINLI_FUNCTION_INSTANCES: '2' } });
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs two concurrent calls of one function in two instances that share no module state', async () => {
    const warm = await emu.invoke<Held>('holder');
    expect(warm.calls).toBe(1);
    const a = hold('two-a');
    const b = hold('two-b');
    // Both hold at once: in one instance, one after the other, the second would never start.
    await whenStarted('two-a');
    await whenStarted('two-b');
    go('two-a');
    go('two-b');
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.instance).not.toBe(rb.instance);
    // One of them ran in the warm instance (its second call), the other in a new one with its own module state.
    expect([ra, rb].map((r) => r.calls).sort()).toEqual([1, 2]);
    expect([ra.instance, rb.instance]).toContain(warm.instance);
  });

  it('reuses one warm instance for calls made one after another', async () => {
    const replies: Held[] = [];
    for (let i = 0; i < 5; i++) replies.push(await emu.invoke<Held>('holder'));
    expect(new Set(replies.map((r) => r.instance)).size).toBe(1);
    replies.slice(1).forEach((r, i) => expect(r.calls).toBe(replies[i].calls + 1));
  });

  it('queues calls beyond the limit of instances, and counts their timeout from when an instance takes them', async () => {
    const a = hold('cap-a');
    const b = hold('cap-b');
    await whenStarted('cap-a');
    await whenStarted('cap-b');
    const c = hold('cap-c');
    // Both instances busy: c waits for one.
    await pause(1500);
    expect(started('cap-c')).toBe(false);
    go('cap-a');
    go('cap-b');
    const [ra, rb] = await Promise.all([a, b]);
    await whenStarted('cap-c');
    // Held past 3 s since it was called, within 3 s since an instance took it: it answers.
    await pause(1800);
    go('cap-c');
    const rc = await c;
    // It ran in one of the two instances a and b freed, its next call there.
    const host = [ra, rb].find((r) => r.instance === rc.instance);
    expect(rc.calls).toBe(host!.calls + 1);
  });

  it('gives a call a function makes to itself an instance of its own even when the limit is reached', async () => {
    // Two calls hold both instances and each calls the function again: waiting for one of them would never end.
    const a = emu.invoke<{ instance: string; nested: string }>('nester', { dir, tag: 'nest-a', other: 'nest-b' });
    const b = emu.invoke<{ instance: string; nested: string }>('nester', { dir, tag: 'nest-b', other: 'nest-a' });
    const replies = await Promise.all([a, b]);
    const outer = new Set(replies.map((r) => r.instance));
    expect(outer.size).toBe(2);
    for (const r of replies) expect(outer.has(r.nested)).toBe(false);
  });

  it('ends only the instance whose call timed out', async () => {
    const hung = failure(hold('to-hung', { hang: true }));
    await whenStarted('to-hung');
    // a starts a second later, so that it is still well within its own 3 s when hung's run out.
    await pause(1000);
    const a = hold('to-a');
    await whenStarted('to-a');
    expect((await hung).body.errMsg).toContain('timed out after 3 seconds');
    // a's instance still runs it, and answers.
    go('to-a');
    const ra = await a;
    // Calls made one after another go on in a's warm instance; the hung one's is gone.
    const next = await emu.invoke<Held>('holder');
    expect(next).toMatchObject({ instance: ra.instance, calls: ra.calls + 1 });
    const c = hold('to-c');
    const d = hold('to-d');
    await whenStarted('to-c');
    await whenStarted('to-d');
    go('to-c');
    go('to-d');
    const fresh = [await c, await d].find((r) => r.instance !== ra.instance)!;
    expect(fresh.calls).toBe(1);
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
