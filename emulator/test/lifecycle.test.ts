import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type TestEmulator } from '../src/testing';

// On the package's own CLI, with no seed: a fresh store holds only the index file's collections. What an app's entry
// adds — a seed to start from and reset to, personas, an API — is the app's to test (Linli's:
// test/functions/emulator-lifecycle.test.ts).

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');
const indexes = join(__dirname, 'fixtures/indexes.json');
const DAY = 24 * 3600 * 1000;

const bump = (emu: TestEmulator, id: string) => emu.invoke<{ value: number }>('counter', { id });
const notify = (emu: TestEmulator) =>
  emu.invoke('services', {
    op: 'notify',
    touser: 'demo-grid-liu',
    templateId: 'TPL',
    page: 'pages/index/index',
    data: { thing1: { value: '测试' } },
  });
const upload = (emu: TestEmulator, cloudPath: string) => emu.invoke<{ tempFileURL: string }>('services', { op: 'upload', cloudPath, text: 'kept' });

describe('state across reset and restart', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes } });
  });
  afterAll(() => emu.stop());

  it('starts with an empty store', async () => {
    await expect(emu.invoke('counter', { op: 'find', collection: 'counters', query: {} })).resolves.toEqual([]);
  });

  it('keeps data, outbox, files and clock across kill -9 and restart', async () => {
    for (let i = 0; i < 3; i++) await bump(emu, 'durable');
    await notify(emu);
    const { offsetMs } = await emu.clock({ advanceMs: 5 * DAY });
    // Issued at the new "now", the signed URL still works after the restart: the signing key is kept too.
    const { tempFileURL } = await upload(emu, 'keep/me.txt');

    await emu.kill('SIGKILL');
    await emu.restart();

    await expect(emu.invoke('counter', { op: 'read', id: 'durable' })).resolves.toMatchObject({ value: 3 });
    expect(await emu.outbox()).toHaveLength(1);
    expect(await (await fetch(encodeURI(tempFileURL))).text()).toBe('kept');
    expect((await emu.clock()).offsetMs).toBe(offsetMs);
    await expect(bump(emu, 'durable')).resolves.toEqual({ value: 4 });
  });

  it('resets data, outbox, files, meter and clock back to an empty store', async () => {
    await bump(emu, 'gone');
    await notify(emu);
    const { tempFileURL } = await upload(emu, 'gone/file.txt');
    await emu.clock({ advanceMs: DAY });
    const before = await emu.meter();
    expect(before.length).toBeGreaterThan(0);

    await emu.reset();

    expect(await emu.outbox()).toEqual([]);
    expect(await emu.meter()).toEqual([]);
    expect((await emu.clock()).offsetMs).toBe(0);
    expect((await fetch(encodeURI(tempFileURL))).status).toBe(404);
    await expect(emu.invoke('counter', { op: 'find', collection: 'counters', query: {} })).resolves.toEqual([]);
    await expect(bump(emu, 'gone')).resolves.toEqual({ value: 1 });
  });
});

describe('meter', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes } });
  });
  afterAll(() => emu.stop());

  it('counts database requests and documents per invocation, and names uncovered queries', async () => {
    await emu.invoke('whoami', { action: 'probe.run', tag: 'meter' }, 'demo-resident-li');
    await bump(emu, 'm1');
    await emu.invoke('counter', { op: 'scan', value: 1 });
    const [who, counter, scan] = await emu.meter(3);
    expect(who).toMatchObject({ function: 'whoami', action: 'probe.run', caller: { openid: 'demo-resident-li', source: 'wx_client' } });
    expect(who).toMatchObject({ dbRequests: 2, written: 1, uncovered: [] });
    // runTransaction: start, get, set, commit.
    expect(counter).toMatchObject({ function: 'counter', dbRequests: 4, written: 1, uncovered: [] });
    expect(scan).toMatchObject({ dbRequests: 1, read: 1, written: 0, uncovered: [{ collection: 'counters', query: { value: 1 } }] });
    expect(await emu.meter(1)).toEqual([scan]);
  });
});

describe('dev surface', () => {
  let emu: TestEmulator;
  let h5: string;

  beforeAll(async () => {
    h5 = mkdtempSync(join(tmpdir(), 'linli-h5-'));
    mkdirSync(join(h5, 'js'));
    writeFileSync(join(h5, 'index.html'), '<!doctype html><title>邻里</title>');
    writeFileSync(join(h5, 'js', 'app.js'), 'console.log(1)');
    emu = await startEmulator({ functionsDir, h5Dir: h5, env: { LINLI_INDEXES: indexes } });
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(h5, { recursive: true, force: true });
  });

  it('lists no personas and no API when the entry passes none in', async () => {
    expect(await (await emu.fetch('/__emulator/personas')).json()).toEqual([]);
    expect(await (await emu.fetch('/__emulator/api')).json()).toEqual({});
  });

  it('serves the H5 build, with index.html for app routes', async () => {
    const index = await emu.fetch('/');
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('邻里');
    expect(await (await emu.fetch('/pages/wish/index?id=1')).text()).toContain('邻里');
    const js = await emu.fetch('/js/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await emu.fetch('/js/missing.js')).status).toBe(404);
    expect((await emu.fetch('/__emulator/nothing')).status).toBe(404);
  });

  it('rejects a malformed clock change', async () => {
    const res = await emu.fetch('/__emulator/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ set: 'tomorrow' }),
    });
    expect(res.status).toBe(400);
  });
});
