// `npm run deploy`: bundles scripts/deploy/main.ts with esbuild (the official tools stay external) and runs it.
// See README「部署」; scripts/deploy/plan.ts is what is planned, test/unit/deploy-*.test.ts what is tested.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// miniprogram-ci and @cloudbase/manager-node are scripts/deploy's own dependencies (~300 MB the app never needs).
const tools = join(root, 'scripts/deploy');
if (!existsSync(join(tools, 'node_modules'))) {
  console.log('首次部署: 安装 miniprogram-ci 与 @cloudbase/manager-node (scripts/deploy/package.json) …');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: tools, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
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
