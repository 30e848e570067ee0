// Linli's tests start emulators through the emulator package's harness (@linli/cloudbase-emulator/testing), with
// Linli's defaults: its own entry (dist/emulator/main.js: its seeds, personas, API), its built functions, the
// community alone (LINLI_SEED=bare), and the repository as the working directory.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  startEmulator as startPackageEmulator,
  type StartOptions as PackageStartOptions,
  type TestEmulator,
} from '@linli/cloudbase-emulator/testing';

export {
  EmulatorCallError,
  GENERIC_MAIN,
  rawRequest,
  type ClockChange,
  type ClockState,
  type RawInit,
  type TestEmulator,
} from '@linli/cloudbase-emulator/testing';

export const repoRoot = resolve(__dirname, '../..');
/** Linli's emulator: the emulator package with Linli's seed (scripts/emulator/linli.ts). */
const MAIN = join(repoRoot, 'dist/emulator/main.js');

export interface StartOptions extends Omit<PackageStartOptions, 'functionsDir' | 'cwd'> {
  /** Defaults to the built functions, dist/cloudfunctions. */
  functionsDir?: string;
}

/**
 * Spawns the built emulator (Linli's, `node dist/emulator/main.js`, unless `main` says) on a free port with a fresh
 * data dir, and waits until it is listening. Build first with `node scripts/build-cloud.mjs`.
 */
export async function startEmulator(opts: StartOptions = {}): Promise<TestEmulator> {
  const main = opts.main ?? MAIN;
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`node scripts/build-cloud.mjs\` first`);
  const env = {
    // Linli's tests start from the community alone (no demo month) unless they ask for it with LINLI_SEED=month.
    ...(main === MAIN ? { LINLI_SEED: 'bare' } : {}),
    ...opts.env,
  };
  return startPackageEmulator({
    ...opts,
    main,
    functionsDir: opts.functionsDir ?? join(repoRoot, 'dist/cloudfunctions'),
    env,
    cwd: repoRoot,
    // Seeding the demo month plays a month of calls before the emulator listens.
    startLimitS: opts.startLimitS ?? (env.LINLI_SEED === 'month' ? 120 : undefined),
  });
}
