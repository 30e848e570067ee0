// Builds the emulator package into its dist/: main.js (the CLI), index.js (what an app's entry imports),
// function-worker.js and testing.js (the process harness for tests, @linli/cloudbase-emulator/testing). Its dependencies stay external, resolved from node_modules at run time. Linli's scripts/build-cloud.mjs calls this.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = new URL('.', import.meta.url).pathname;

export async function buildEmulator() {
  await build({
    // function-worker.js: the worker each cloud function runs in (src/function-runner.ts starts it from here).
    entryPoints: {
      main: join(here, 'src/main.ts'),
      index: join(here, 'src/index.ts'),
      'function-worker': join(here, 'src/function-worker.ts'),
      testing: join(here, 'src/testing.ts'),
    },
    outdir: join(here, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildEmulator();
