import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorCallError, startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

/** Plain functions (no SDK), written to a scratch folder so the test can change them under the emulator. */
describe('function runner', () => {
  let emu: TestEmulator;
  let dir: string;

  const write = (name: string, source: string, mtime?: Date) => {
    mkdirSync(join(dir, name), { recursive: true });
    const file = join(dir, name, 'index.js');
    writeFileSync(file, source);
    if (mtime) utimesSync(file, mtime, mtime);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-fns-'));
    write('version', 'let calls = 0;\nexports.main = async () => ({ version: 1, calls: ++calls });', new Date('2030-01-01T00:00:00Z'));
    write('sleepy', 'exports.main = () => new Promise((r) => setTimeout(() => r("late"), 5000));');
    write(
      'leaky',
      'exports.main = async () => { Promise.reject(new Error("nobody handles me")); setTimeout(() => { throw new Error("thrown later"); }, 10); return "ok"; };',
    );
    emu = await startEmulator({
      functionsDir: dir,
      env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json'), LINLI_FUNCTION_TIMEOUT_MS: '500' },
    });
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a function warm between invocations and reloads it when its file changes', async () => {
    await expect(emu.invoke('version')).resolves.toEqual({ version: 1, calls: 1 });
    await expect(emu.invoke('version')).resolves.toEqual({ version: 1, calls: 2 });
    write('version', 'exports.main = async () => ({ version: 2 });', new Date('2030-01-02T00:00:00Z'));
    await expect(emu.invoke('version')).resolves.toEqual({ version: 2 });
  });

  it('finds functions added after it started', async () => {
    write('later', 'exports.main = async (event) => ({ echo: event.say });');
    await expect(emu.invoke('later', { say: '你好' })).resolves.toEqual({ echo: '你好' });
  });

  it('fails an invocation that runs past the timeout', async () => {
    const err: EmulatorCallError = await emu.invoke<never>('sleepy').catch((e: EmulatorCallError) => e);
    expect(err.status).toBe(500);
    expect(err.body.errMsg).toContain('timed out after 0.5 seconds');
  });

  it('survives a function that leaves errors unhandled', async () => {
    await expect(emu.invoke('leaky')).resolves.toBe('ok');
    await new Promise((r) => setTimeout(r, 50));
    await expect(emu.invoke('later', { say: 'still here' })).resolves.toEqual({ echo: 'still here' });
  });

  it("writes a function's console output to the emulator's stdout, in order, a long line whole", async () => {
    write(
      'chatty',
      'exports.main = async (event) => { for (let i = 0; i < 3; i++) console.log(`chatty ${event.n} line ${i}`); console.log("x".repeat(100000)); return event.n; };',
    );
    for (const n of [1, 2]) await expect(emu.invoke('chatty', { n })).resolves.toBe(n);
    // The emulator's stdout is a pipe of its own: read here on its own schedule, not the reply's.
    const chatter = () => emu.logs().filter((line) => line.startsWith('chatty ') || line.startsWith('xxx'));
    for (let waited = 0; chatter().length < 8 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const lines = chatter();
    expect(lines.map((line) => (line.startsWith('xxx') ? line.length : line))).toEqual([
      'chatty 1 line 0',
      'chatty 1 line 1',
      'chatty 1 line 2',
      100000,
      'chatty 2 line 0',
      'chatty 2 line 1',
      'chatty 2 line 2',
      100000,
    ]);
  });

  it('refuses function names that are not names', async () => {
    const err: EmulatorCallError = await emu.invoke<never>('..%2Fescape').catch((e: EmulatorCallError) => e);
    expect(err.status).toBe(404);
  });
});
