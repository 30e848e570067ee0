import { resolve } from 'node:path';
import type { DevExtras, Seed } from './app';
import { Emulator, type EmulatorConfig } from './emulator';

/** Where an entry looks by default; each can be set by its flag or environment variable. */
export interface CliDefaults {
  dataDir: string;
  functionsDir: string;
  indexesFile: string;
  contentRulesFile: string;
}

export interface CliOptions {
  defaults: CliDefaults;
  /** The seeds `--seed` / LINLI_SEED may name besides `none` (no data). */
  seeds?: Record<string, Seed>;
  /** The seed without a choice (default `none`). */
  defaultSeed?: string;
  dev?: DevExtras;
  /** What the ready line names (tests and scripts wait for "… emulator listening on <url>"). */
  name?: string;
  argv?: string[];
}

/** Environment variables, or the same names set by flags. */
export type Settings = Record<string, string | undefined>;

/** Flag → the environment variable it stands for (a flag wins over the variable). */
const FLAGS: Record<string, string> = {
  '--port': 'PORT',
  '--functions': 'LINLI_FUNCTIONS_DIR',
  '--data': 'LINLI_DATA_DIR',
  '--indexes': 'LINLI_INDEXES',
  '--seed': 'LINLI_SEED',
  '--h5': 'LINLI_H5_DIR',
  '--env': 'LINLI_ENV',
  '--appid': 'LINLI_APPID',
  '--content-rules': 'LINLI_CONTENT_RULES',
};

export const USAGE = `Usage: cloudbase-emulator [--functions DIR] [--indexes FILE] [--data DIR] [--port N] [--seed NAME|none] [--h5 DIR]
                          [--env ID] [--appid ID] [--content-rules FILE|JSON]
Each flag can also be set by its environment variable: ${Object.entries(FLAGS)
  .map(([flag, env]) => `${flag} ${env}`)
  .join(
    ', ',
  )}; besides LINLI_DEV_ORIGINS, LINLI_TRIGGER_TICK_MS, LINLI_FUNCTION_TIMEOUT_MS, LINLI_IDLE_FUNCTION_MS, LINLI_WARM_FUNCTIONS, LINLI_FUNCTION_INSTANCES, LINLI_MODULE_CACHE.`;

/** The environment with the command line's flags laid over it. */
export function settingsOf(argv: string[], env: Settings): Settings {
  const settings = { ...env };
  for (let i = 0; i < argv.length; i += 1) {
    const name = FLAGS[argv[i]];
    const value = argv[i + 1];
    if (!name || value === undefined) throw new Error(`unknown flag or missing value: ${argv[i]}\n${USAGE}`);
    settings[name] = value;
    i += 1;
  }
  return settings;
}

function number(env: Settings, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function seedOf(raw: string | undefined, options: CliOptions): Seed | undefined {
  const name = raw || options.defaultSeed || 'none';
  if (name === 'none') return undefined;
  const seed = options.seeds?.[name];
  if (!seed)
    throw new Error(`LINLI_SEED must be one of ${['none', ...Object.keys(options.seeds ?? {})].map((s) => `"${s}"`).join(', ')}, got "${name}"`);
  return seed;
}

export function configOf(env: Settings, options: CliOptions): EmulatorConfig {
  const { defaults } = options;
  return {
    port: number(env, 'PORT', 10086),
    dataDir: resolve(env.LINLI_DATA_DIR || defaults.dataDir),
    functionsDir: resolve(env.LINLI_FUNCTIONS_DIR || defaults.functionsDir),
    h5Dir: env.LINLI_H5_DIR ? resolve(env.LINLI_H5_DIR) : undefined,
    indexesFile: resolve(env.LINLI_INDEXES || defaults.indexesFile),
    contentRulesFile: defaults.contentRulesFile,
    contentRulesOverride: env.LINLI_CONTENT_RULES || undefined,
    devOrigins: (env.LINLI_DEV_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    env: env.LINLI_ENV || 'linli-local',
    appid: env.LINLI_APPID || 'wx0000000000linli',
    triggerTickMs: number(env, 'LINLI_TRIGGER_TICK_MS', 2000) || 2000,
    // Unset: each function's config.json `timeout` (the cloud's 3 s without one).
    functionTimeoutMs: number(env, 'LINLI_FUNCTION_TIMEOUT_MS', 0) || undefined,
    idleFunctionMs: number(env, 'LINLI_IDLE_FUNCTION_MS', 0) || undefined,
    warmFunctions: number(env, 'LINLI_WARM_FUNCTIONS', 0) || undefined,
    functionInstances: number(env, 'LINLI_FUNCTION_INSTANCES', 0) || undefined,
    seed: seedOf(env.LINLI_SEED, options),
    dev: options.dev,
  };
}

/** Runs an emulator as this process until SIGINT / SIGTERM: the generic CLI (main.ts) and an app's own entry. */
export function runCli(options: CliOptions): void {
  // WeChat Cloud runs functions in UTC; so does the emulator, whatever this machine's zone.
  process.env.TZ = 'UTC';
  const argv = options.argv ?? process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  start(options, argv).catch((err: unknown) => {
    console.error('[emulator] failed to start:', err);
    process.exit(1);
  });
}

async function start(options: CliOptions, argv: string[]): Promise<void> {
  const emulator = new Emulator(configOf(settingsOf(argv, process.env), options));
  const url = await emulator.start();
  // Tests and scripts wait for exactly this line.
  console.log(`${options.name ?? 'CloudBase'} emulator listening on ${url}`);
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
