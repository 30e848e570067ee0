// Linli's entry to the emulator (scripts/emulator/linli.ts → dist/emulator/main.js): what it passes in on top of the
// package — the demo community as the seed a fresh store starts from and a reset goes back to, the personas and the
// API the dev surface lists. The package's own lifecycle (restart, reset, meter, H5) is emulator/test/lifecycle.test.ts.
// The functions are the emulator's probes (emulator/test/fixtures/functions: `counter` reads any collection).
import { join } from 'node:path';
import { actions } from '../../src/shared/contract';
import { demoSeed } from '../../scripts/emulator/seed';
import { repoRoot, startEmulator, type TestEmulator } from '../helpers/emulator';

jest.setTimeout(60_000);

const fixtures = join(repoRoot, 'emulator/test/fixtures');
const functionsDir = join(fixtures, 'functions');
const indexes = join(fixtures, 'indexes.json');

const gridWorkers = async (emu: TestEmulator) =>
  (await emu.invoke<{ _id: string }[]>('counter', { op: 'find', collection: 'users', query: { roles: 'grid_worker' } })).map((u) => u._id).sort();

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: indexes } });
});
afterAll(() => emu.stop());

describe("Linli's seed", () => {
  it('seeds an empty store with the demo community on first start', async () => {
    expect(await gridWorkers(emu)).toEqual(['demo-grid-liu', 'demo-grid-zhao']);
  });

  it('keeps the community across kill -9 and restart, and a reset goes back to it', async () => {
    await emu.invoke('counter', { id: 'gone' });
    await emu.kill('SIGKILL');
    await emu.restart();
    expect(await gridWorkers(emu)).toEqual(['demo-grid-liu', 'demo-grid-zhao']);
    await expect(emu.invoke('counter', { op: 'read', id: 'gone' })).resolves.toMatchObject({ value: 1 });

    await emu.reset();

    expect(await gridWorkers(emu)).toEqual(['demo-grid-liu', 'demo-grid-zhao']);
    await expect(emu.invoke('counter', { op: 'find', collection: 'counters', query: {} })).resolves.toEqual([]);
  });
});

describe("Linli's dev surface", () => {
  it('lists the seeded personas', async () => {
    const personas = (await (await emu.fetch('/__emulator/personas')).json()) as unknown[];
    expect(personas).toEqual(demoSeed().personas);
    expect(personas.length).toBeGreaterThanOrEqual(8);
  });

  it('publishes a JSON Schema for every action input and output', async () => {
    const api = (await (await emu.fetch('/__emulator/api')).json()) as Record<string, { input: { type?: string }; output: { type?: string } }>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(actions).sort());
    for (const spec of Object.values(api)) {
      expect(spec.input.type).toBe('object');
      expect(spec.output.type).toBe('object');
    }
  });
});
