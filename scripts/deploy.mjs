// `npm run deploy`: bundles scripts/deploy/main.ts with esbuild (the official tools stay external) and runs it.
// See README「部署」; scripts/deploy/plan.ts is what is planned, test/unit/deploy-*.test.ts what is tested.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'dist/deploy/deploy.js');
await build({
  entryPoints: [join(root, 'scripts/deploy/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
