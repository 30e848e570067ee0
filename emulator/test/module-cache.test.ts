import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');
const indexes = join(__dirname, 'fixtures/indexes.json');

/**
 * LINLI_MODULE_CACHE (module-cache.ts): the emulators of a test run share where their function instances' modules
 * resolved to and V8's compiled code of them. Each instance still loads every module in its own realm.
 */
describe('the module cache shared by emulator processes', () => {
  let dir: string;
  let emu: TestEmulator | undefined;
  const start = async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes, LINLI_MODULE_CACHE: dir } });
    return emu;
  };
  /** What the fixtures answer, whatever the cache holds: the SDK, import(), and modules not shared between functions. */
  const answersAsAlways = async (e: TestEmulator) => {
    await expect(e.invoke('importer')).resolves.toEqual({ sep, sdk: 'function' });
    await expect(e.invoke('whoami', { tag: 'cache' }, 'demo-resident-li')).resolves.toMatchObject({ before: { OPENID: 'demo-resident-li' } });
    await expect(e.invoke('leaker')).resolves.toEqual({ shared: 1, sees: 'string' });
    await expect(e.invoke('peeker')).resolves.toEqual({ global: 'undefined', prototype: 'undefined', shared: 1 });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'module-cache-test-'));
  });
  afterEach(async () => {
    await emu?.stop();
    emu = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("is filled by one emulator's instances and loaded from by the next", async () => {
    await answersAsAlways(await start());
    await emu!.stop();
    const resolved = JSON.parse(readFileSync(join(dir, 'resolved.json'), 'utf8')) as Record<string, string>;
    // The SDK's own requires, each to a file under node_modules; a function's own folder is never remembered.
    expect(Object.values(resolved).length).toBeGreaterThan(100);
    expect(Object.values(resolved).every((file) => file.includes(`${sep}node_modules${sep}`))).toBe(true);
    expect(Object.keys(resolved).some((key) => key.startsWith(functionsDir))).toBe(false);
    const code = readdirSync(join(dir, 'code'));
    expect(code.length).toBeGreaterThan(100);

    await answersAsAlways(await start());
    // Nothing new to keep: every module was found in the cache.
    expect(readdirSync(join(dir, 'code')).sort()).toEqual(code.sort());
  });

  it('loads as before from a cache it cannot use', async () => {
    await answersAsAlways(await start());
    await emu!.stop();
    writeFileSync(join(dir, 'resolved.json'), '{"half": ');
    for (const name of readdirSync(join(dir, 'code'))) writeFileSync(join(dir, 'code', name), 'not V8 code');
    await answersAsAlways(await start());
  });
});
