// The emulator runs any folder of cloud functions, as the README shows: a tiny app that is not Linli
// (fixtures/sample-app), with its own index file and no seed. On it, what the cloud does and the emulator
// used to let through: collections that were never created, a made-up environment id, a function past its
// timeout (config.json `timeout`, else 3 s).
import { join } from 'node:path';
import { EmulatorCallError, GENERIC_MAIN, startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const app = join(__dirname, 'fixtures/sample-app');

describe('a function folder that is not Linli', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    // The package's own CLI, as the README runs it: nothing of Linli's is in it.
    emu = await startEmulator({
      main: GENERIC_MAIN,
      functionsDir: join(app, 'cloudfunctions'),
      env: { LINLI_INDEXES: join(app, 'database/indexes.json'), LINLI_SEED: 'none' },
    });
  });
  afterAll(() => emu.stop());

  const failure = (p: Promise<unknown>) => p.then(() => null).catch((e: EmulatorCallError) => e);

  it('starts with no data, only the collections of its index file, and runs its functions', async () => {
    expect(await emu.invoke('todos', { op: 'list' }, 'user-a')).toEqual([]);
    await emu.invoke('todos', { op: 'add', title: '买菜' }, 'user-a');
    await emu.invoke('todos', { op: 'add', title: '取快递' }, 'user-a');
    await emu.invoke('todos', { op: 'add', title: '别人的' }, 'user-b');
    const mine = await emu.invoke<{ title: string }[]>('todos', { op: 'list' }, 'user-a');
    expect(mine.map((t) => t.title)).toEqual(['买菜', '取快递']);
    // Nothing of Linli's demo community was seeded.
    expect(await failure(emu.invoke('todos', { op: 'read', collection: 'users' }))).toMatchObject({
      body: { errMsg: expect.stringContaining('-502005 database collection not exists') },
    });
  });

  it('creates a collection with db.createCollection, and only then reads it', async () => {
    expect(await failure(emu.invoke('todos', { op: 'read', collection: 'notes' }))).toMatchObject({ status: 500 });
    await expect(emu.invoke('todos', { op: 'create', collection: 'notes' })).resolves.toMatchObject({ errMsg: 'createCollection:ok' });
    await expect(emu.invoke('todos', { op: 'read', collection: 'notes' })).resolves.toEqual([]);
  });

  it("refuses an SDK call naming another environment; the emulator's own id passes", async () => {
    const err = await failure(emu.invoke('todos', { op: 'env', env: 'placeholder-env-0a1b2c' }));
    expect(err?.body.errMsg).toContain('INVALID_ENV');
    expect(err?.body.errMsg).toContain('placeholder-env-0a1b2c');
    await expect(emu.invoke('todos', { op: 'env', env: 'linli-local' })).resolves.toHaveLength(1);
  });

  it('ends an invocation at the cloud default of 3 s, or at the timeout its config.json sets', async () => {
    const late = await failure(emu.invoke('slow', { ms: 3_300 }));
    expect(late?.body.errMsg).toContain('timed out after 3 seconds');
    await expect(emu.invoke('patient', { ms: 3_300 })).resolves.toBe('done');
  });
});
