// Bundles each cloud function (TypeScript, with the shared contract and domain inlined) into a
// deployable folder; builds the emulator package (emulator/dist) and Linli's entry to it, with the demo seed
// (dist/emulator/main.js). wx-server-sdk stays external: WeChat Cloud installs it from the folder's package.json,
// and locally it resolves from the repo.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildEmulator } from '../emulator/build.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const SDK_VERSION = '4.0.2';

/**
 * Packages a function loads at run time instead of carrying in its bundle (exceljs, for the roster's files and the
 * report function's exports, is ~1 MB minified): they go into the folder's package.json, and WeChat Cloud installs
 * them ("云端安装依赖").
 */
const cloudInstalled = { roster: { exceljs: '4.4.0' }, report: { exceljs: '4.4.0' } };

const functionNames = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(root, 'cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name);

/**
 * The contract imports `{ z } from 'zod'`, a namespace esbuild cannot tree-shake, and that namespace
 * re-exports every locale zod ships (~360 KiB). The contract configures zh-CN alone (zod-locale.ts), so
 * inside zod the locales index becomes just that one. Webpack already shakes it for the app.
 */
const zodChineseOnly = {
  name: 'zod-chinese-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, ({ importer, resolveDir }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: join(resolveDir, 'zh-CN-only'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as zhCN } from 'zod/v4/locales/zh-CN.js';",
      resolveDir: root,
    }));
    // The same namespace carries `z.fromJSONSchema` (~12 KiB), which builds schemas from JSON Schema documents: the
    // functions declare theirs in TypeScript and never call it, so it is left out (a call would say so).
    b.onResolve({ filter: /\/from-json-schema\.js$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: 'from-json-schema', namespace: 'zod-no-from-json-schema' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-no-from-json-schema' }, () => ({
      contents:
        "export function fromJSONSchema() { throw new Error('z.fromJSONSchema is not bundled in the cloud functions (scripts/build-cloud.mjs)'); }",
    }));
  },
};

/**
 * Contract modules only declare schemas, so a function need not build the ones it never uses: marked
 * side-effect free, the barrel and other areas' files drop out of its bundle, and the cold start with
 * them. zod-locale.ts is the one exception, loaded by cloudfunctions/_lib/platform/reply.ts.
 */
const contractDir = join(root, 'src/shared/contract');
const contractDeclaresOnly = {
  name: 'contract-declares-only',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async ({ path, importer, resolveDir, kind, pluginData }) => {
      if (pluginData === contractDir || !resolve(resolveDir, path).startsWith(contractDir) || path.endsWith('zod-locale')) return undefined;
      const resolved = await b.resolve(path, { importer, resolveDir, kind, pluginData: contractDir });
      return resolved.errors.length ? resolved : { ...resolved, sideEffects: false };
    });
  },
};

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
      external: ['wx-server-sdk', ...Object.keys(cloudInstalled[name] ?? {})],
      plugins: [zodChineseOnly, contractDeclaresOnly],
      // Small to upload and quick to load cold; the linked map still points stack traces at the .ts.
      minify: true,
      charset: 'utf8',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'warning',
    });
    writeFileSync(
      join(dest, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION, ...cloudInstalled[name] } },
        null,
        2,
      ) + '\n',
    );
    const config = join(src, 'config.json');
    if (existsSync(config)) cpSync(config, join(dest, 'config.json'));
    else writeFileSync(join(dest, 'config.json'), JSON.stringify({ permissions: { openapi: [] }, triggers: [] }, null, 2) + '\n');
  }),
  buildEmulator(),
  // Linli's entry: the package stays external (node_modules/@linli/cloudbase-emulator → emulator/dist/index.js).
  build({
    entryPoints: [join(root, 'scripts/emulator/linli.ts')],
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

console.log(
  `built ${functionNames.length} cloud functions (${functionNames.join(', ')}), the emulator (emulator/dist) and Linli's entry to it (dist/emulator)`,
);
