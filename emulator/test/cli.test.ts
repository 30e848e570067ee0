// The package's command line: flags laid over the LINLI_* variables, no seed of its own, and an app's seeds by name.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Seed } from '../src/app';
import { configOf, settingsOf, type CliOptions } from '../src/cli';

const defaults = { dataDir: '/d', functionsDir: '/f', indexesFile: '/i.json', contentRulesFile: '/rules.json' };

describe('settingsOf', () => {
  it('lays each flag over its environment variable', () => {
    const env = { LINLI_FUNCTIONS_DIR: '/from-env', PORT: '1', HOME: '/home/x' };
    expect(settingsOf(['--functions', '/from-flag', '--seed', 'none', '--port', '0'], env)).toEqual({
      LINLI_FUNCTIONS_DIR: '/from-flag',
      LINLI_SEED: 'none',
      PORT: '0',
      HOME: '/home/x',
    });
    expect(env.LINLI_FUNCTIONS_DIR).toBe('/from-env');
  });

  it('refuses an unknown flag and a flag without its value, with the usage', () => {
    expect(() => settingsOf(['--functoins', 'x'], {})).toThrow(/unknown flag.*--functoins[\s\S]*Usage/);
    expect(() => settingsOf(['--port'], {})).toThrow(/missing value: --port/);
  });
});

describe('configOf', () => {
  it('seeds nothing unless the app passed seeds, and resolves paths from its defaults', () => {
    const config = configOf({}, { defaults });
    expect(config).toMatchObject({ port: 10086, dataDir: '/d', functionsDir: '/f', indexesFile: '/i.json', env: 'linli-local' });
    expect(config.seed).toBeUndefined();
    expect(configOf({ LINLI_SEED: 'none' }, { defaults }).seed).toBeUndefined();
    expect(() => configOf({ LINLI_SEED: 'month' }, { defaults })).toThrow('LINLI_SEED must be one of "none", got "month"');
  });

  it("picks an app's seed by name, its default without one", () => {
    const bare: Seed = { data: () => ({ collections: { users: [{ _id: 'u1' }] }, files: [] }) };
    const month: Seed = { ...bare, history: { days: 33, play: async () => ({ calls: 0, steps: 0 }) } };
    const options: CliOptions = { defaults, seeds: { month, bare }, defaultSeed: 'month' };
    expect(configOf({}, options).seed).toBe(month);
    expect(configOf({ LINLI_SEED: 'bare' }, options).seed).toBe(bare);
    expect(configOf({ LINLI_SEED: 'none' }, options).seed).toBeUndefined();
    expect(() => configOf({ LINLI_SEED: 'year' }, options)).toThrow('LINLI_SEED must be one of "none", "month", "bare", got "year"');
  });

  it('refuses a port that is not a whole number', () => {
    expect(() => configOf({ PORT: 'eighty' }, { defaults })).toThrow('PORT must be a non-negative integer, got "eighty"');
  });
});

it('the built CLI answers --help with its flags (node emulator/dist/main.js)', () => {
  const main = resolve(__dirname, '../dist/main.js');
  const run = spawnSync(process.execPath, [main, '--help'], { cwd: join(__dirname, 'fixtures'), encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Usage: cloudbase-emulator');
  expect(run.stdout).toContain('--functions LINLI_FUNCTIONS_DIR');
});
