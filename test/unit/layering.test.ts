import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

// The layering rule lives in eslint.config.mjs; this proves it bites, so a config edit cannot silently drop it.
const root = join(__dirname, '../..');

/** Runs the real ESLint CLI (the same one `npm run lint` runs) on a probe text placed at `file`. */
function lint(file: string, code: string, rule = 'no-restricted-imports'): string[] {
  const bin = join(root, 'node_modules/eslint/bin/eslint.js');
  const run = spawnSync(process.execPath, [bin, '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('layering: src/shared/domain imports no SDK', () => {
  it.each(['@tarojs/taro', 'wx-server-sdk', '@cloudbase/node-sdk', 'react'])('refuses %s in the domain', (sdk) => {
    const messages = lint('src/shared/domain/probe.ts', `import x from '${sdk}';\nexport const y = x;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/shared is pure');
  });

  it('allows the same import outside src/shared', () => {
    expect(lint('src/pages/probe.ts', `import Taro from '@tarojs/taro';\nexport const y = Taro;\n`)).toEqual([]);
  });

  it('no file in src/shared imports an SDK today', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    const offenders = files(join(root, 'src/shared')).filter((f) =>
      /from '(@tarojs\/|wx-server-sdk|@cloudbase\/|react)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the emulator package imports nothing of Linli', () => {
  const pkg = join(root, 'emulator');
  const probe = (path: string) => `import x from '${path}';\nexport const y = x;\n`;

  it.each([
    ['emulator/src/probe.ts', '../../src/shared/contract'],
    ['emulator/src/probe.ts', '../../cloudfunctions/org/name-guard'],
    ['emulator/src/probe.ts', '../seed'],
    ['emulator/src/probe.ts', '../../scripts/emulator/seed'],
    ['emulator/src/probe.ts', '@/shared/domain/uploads'],
    ['emulator/test/probe.test.ts', '../../test/helpers/emulator'],
    ['emulator/test/probe.test.ts', '../../scripts/emulator/seed'],
    ['emulator/test/db/probe.test.ts', '../../../cloudfunctions/_lib/platform/transact'],
    ['emulator/test/db/probe.test.ts', '../../../src/shared/domain/errors'],
  ])('refuses in %s: %s', (file, path) => {
    expect(lint(file, probe(path))).toEqual(expect.arrayContaining([expect.stringContaining('imports nothing of Linli')]));
  });

  it.each([
    ['emulator/src/probe.ts', '../../package.json'],
    ['emulator/src/db/probe.ts', '../../../database/indexes.json'],
    ['emulator/test/probe.test.ts', '../../jest.config'],
    ['emulator/test/db/probe.test.ts', '../../../types/anything'],
  ])('refuses in %s a path out of emulator/: %s', (file, path) => {
    expect(lint(file, probe(path))).toEqual([expect.stringContaining('stands on its own')]);
  });

  it.each([
    ['emulator/src/db/probe.ts', '../meter'],
    ['emulator/test/probe.test.ts', '../src/testing'],
    ['emulator/test/db/probe.test.ts', '../../src/db'],
    ['emulator/test/db/probe.test.ts', './sdk-harness'],
  ])('allows in %s: %s', (file, path) => {
    expect(lint(file, probe(path))).toEqual([]);
  });

  it('every relative import, require and __dirname path in emulator/src and emulator/test stays inside emulator/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    const sources = [...files(join(pkg, 'src')), ...files(join(pkg, 'test'))].filter((f) => /\.(ts|js|mjs|cjs)$/.test(f));
    expect(sources.length).toBeGreaterThan(50);
    const outside = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import|import\(|require\(|__dirname,)\s*'(\.{1,2}\/[^']*)'/g)]
        .map((m) => m[1])
        .filter((path) => !resolve(dirname(file), path).startsWith(pkg + sep))
        .map((path) => `${file.slice(root.length + 1)}: ${path}`),
    );
    expect(outside).toEqual([]);
  });
});

describe('typed functions: no `any` in cloudfunctions', () => {
  const probe = 'export function f(x: any) {\n  return x;\n}\n';

  it('refuses an explicit any in a cloud function', () => {
    expect(lint('cloudfunctions/wish/probe.ts', probe, '@typescript-eslint/no-explicit-any')).toHaveLength(1);
  });

  it('leaves the rest of the repo to its own judgement', () => {
    expect(lint('test/unit/probe.ts', probe, '@typescript-eslint/no-explicit-any')).toEqual([]);
  });
});
