// WeChat Cloud runs functions in UTC; so does the emulator, whatever this machine's zone. Set before any Date use.
process.env.TZ = 'UTC';

import { resolve } from 'node:path';
import { Emulator, type EmulatorConfig } from './emulator';

/** dist/emulator/main.js → the repository root. */
const repo = resolve(__dirname, '../..');

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function seedKind(raw: string | undefined): EmulatorConfig['seed'] {
  if (raw === undefined || raw === '' || raw === 'month') return 'month';
  if (raw === 'bare' || raw === 'none') return raw;
  throw new Error(`LINLI_SEED must be "month", "bare" or "none", got "${raw}"`);
}

function configFromEnv(): EmulatorConfig {
  const env = process.env;
  return {
    port: number('PORT', 10086),
    dataDir: resolve(env.LINLI_DATA_DIR || resolve(repo, '.linli-data')),
    functionsDir: resolve(env.LINLI_FUNCTIONS_DIR || resolve(repo, 'dist/cloudfunctions')),
    h5Dir: env.LINLI_H5_DIR ? resolve(env.LINLI_H5_DIR) : undefined,
    indexesFile: resolve(env.LINLI_INDEXES || resolve(repo, 'database/indexes.json')),
    contentRulesFile: resolve(repo, 'emulator/content-rules.json'),
    contentRulesOverride: env.LINLI_CONTENT_RULES || undefined,
    devOrigins: (env.LINLI_DEV_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    env: env.LINLI_ENV || 'linli-local',
    appid: env.LINLI_APPID || 'wx0000000000linli',
    triggerTickMs: number('LINLI_TRIGGER_TICK_MS', 2000) || 2000,
    // Unset: each function's config.json `timeout` (the cloud's 3 s without one).
    functionTimeoutMs: number('LINLI_FUNCTION_TIMEOUT_MS', 0) || undefined,
    idleFunctionMs: number('LINLI_IDLE_FUNCTION_MS', 0) || undefined,
    warmFunctions: number('LINLI_WARM_FUNCTIONS', 0) || undefined,
    functionInstances: number('LINLI_FUNCTION_INSTANCES', 0) || undefined,
    seed: seedKind(env.LINLI_SEED),
  };
}

async function main(): Promise<void> {
  const emulator = new Emulator(configFromEnv());
  const url = await emulator.start();
  // Tests and scripts wait for exactly this line.
  console.log(`Linli emulator listening on ${url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Functions run in their own workers (which log their own strays); these catch the emulator's. The store stays
  // whole: each database action is synchronous.
  process.on('unhandledRejection', (err) => console.error('[emulator] unhandled rejection:', err));
  process.on('uncaughtException', (err) => console.error('[emulator] uncaught exception:', err));
}

main().catch((err: unknown) => {
  console.error('[emulator] failed to start:', err);
  process.exit(1);
});
