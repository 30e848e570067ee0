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

  it.each(['../../src/shared/contract', '../../cloudfunctions/org/name-guard', '../seed', '../../scripts/emulator/seed', '@/shared/domain/uploads'])(
    'refuses %s in emulator/src',
    (path) => {
      const messages = lint('emulator/src/probe.ts', `import x from '${path}';\nexport const y = x;\n`);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('imports nothing of Linli');
    },
  );

  it('every relative import in emulator/src stays inside emulator/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    const outside = files(join(pkg, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*'(\.{1,2}\/[^']*)'/g)]
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
