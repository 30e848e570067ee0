// `npm run bench`: builds the cloud functions and runs scripts/bench.ts (bundled by esbuild, so it can
// share the tests' emulator helper). Prints figures; asserts nothing.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (spawnSync(process.execPath, [join(root, 'scripts/build-cloud.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const outfile = join(root, 'dist/bench/bench.js');
await build({
  entryPoints: [join(root, 'scripts/bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
