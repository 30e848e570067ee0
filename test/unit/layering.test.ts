import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

describe('typed functions: no `any` in cloudfunctions', () => {
  const probe = 'export function f(x: any) {\n  return x;\n}\n';

  it('refuses an explicit any in a cloud function', () => {
    expect(lint('cloudfunctions/wish/probe.ts', probe, '@typescript-eslint/no-explicit-any')).toHaveLength(1);
  });

  it('leaves the rest of the repo to its own judgement', () => {
    expect(lint('test/unit/probe.ts', probe, '@typescript-eslint/no-explicit-any')).toEqual([]);
  });
});
