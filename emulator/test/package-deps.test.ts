import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

// The package stands on its own: every package its code, build and tests import is declared in its own package.json
// (found hoisted in a workspace's node_modules, an undeclared one would break an install of the package alone).
const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(join(dir, d.name));
    return /\.(ts|js|mjs)$/.test(d.name) ? [join(dir, d.name)] : [];
  });

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath; undefined for relative paths. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What a file imports from packages: `from '…'`, `import('…')`, `require('…')` outside comments. */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [...code.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'([^']+)'/g)].map((m) => packageOf(m[1]));
  return found.filter((p): p is string => p !== undefined && !builtinModules.includes(p));
}

test('every package the emulator imports (source, build, tests) is declared in emulator/package.json', () => {
  // Fixtures are function folders an app brings (with their own package.json, as on the cloud): not the package's.
  // (This file's own samples below are not imports.)
  const tests = sources(join(root, 'test')).filter((f) => !f.includes('/fixtures/') && f !== __filename);
  const files = [...sources(join(root, 'src')), ...tests, join(root, 'build.mjs')];
  const types = (p: string) => `@types/${p.replace(/^@/, '').replace('/', '__')}`;
  // The SDK's own parts, reached through wx-server-sdk (ejson.test compares with the bson copy the SDK speaks).
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies), '@cloudbase/database']);
  const missing = [...new Set(files.flatMap((f) => importsOf(readFileSync(f, 'utf8'))))].filter((p) => !declared.has(p) && !declared.has(types(p)));
  expect(missing).toEqual([]);
});

test('the check sees imports of each form', () => {
  expect(importsOf(`import a from 'mingo';\nconst b = require('busboy/lib');\nawait import('@turf/boolean-within');\nimport 'node:fs';`)).toEqual([
    'mingo',
    'busboy',
    '@turf/boolean-within',
  ]);
  expect(importsOf(`import { x } from './local';\nimport y from 'fs';\n// as the SDK does: require('not-imported')\n/** from 'nor-this' */`)).toEqual(
    [],
  );
});
