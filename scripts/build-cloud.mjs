// Bundles each cloud function (TypeScript, with the shared contract and domain inlined) into a
// deployable folder, and the local emulator into one file. wx-server-sdk stays external: WeChat
// Cloud installs it from the folder's package.json, and locally it resolves from the repo.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const SDK_VERSION = '4.0.2';

const functionNames = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(root, 'cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name);

// Build beside the live folder and swap at the end, so a running emulator never sees it half-built.
const staging = join(out, `cloudfunctions.building-${process.pid}`);
rmSync(staging, { recursive: true, force: true });

await Promise.all([
  ...functionNames.map(async (name) => {
    const src = join(root, 'cloudfunctions', name);
    const dest = join(staging, name);
    mkdirSync(dest, { recursive: true });
    await build({
      entryPoints: [join(src, 'index.ts')],
      outfile: join(dest, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      external: ['wx-server-sdk'],
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'warning',
    });
    writeFileSync(
      join(dest, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } }, null, 2) + '\n',
    );
    const config = join(src, 'config.json');
    if (existsSync(config)) cpSync(config, join(dest, 'config.json'));
    else writeFileSync(join(dest, 'config.json'), JSON.stringify({ permissions: { openapi: [] }, triggers: [] }, null, 2) + '\n');
  }),
  build({
    entryPoints: [join(root, 'emulator/src/main.ts')],
    outfile: join(out, 'emulator/main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  }),
]);

rmSync(join(out, 'cloudfunctions'), { recursive: true, force: true });
renameSync(staging, join(out, 'cloudfunctions'));

console.log(`built ${functionNames.length} cloud functions (${functionNames.join(', ')}) and the emulator into dist/`);
