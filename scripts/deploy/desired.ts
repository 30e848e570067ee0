import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CODE_HASH, type Desired, type FunctionSpec, type IndexSpec, type TriggerSpec } from './model';

/** The cloud's default function timeout (seconds), used when a function's config.json names none. */
export const CLOUD_DEFAULT_TIMEOUT = 3;

interface FunctionConfig {
  timeout?: number;
  triggers?: TriggerSpec[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function hashFiles(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every collection of database/indexes.json and its indexes, as the deploy creates them. */
export function desiredCollections(root: string): Desired['collections'] {
  const file = readJson<{ collections: Record<string, { indexes?: { name: string; keys: IndexSpec['keys']; unique?: boolean }[] }> }>(
    join(root, 'database/indexes.json'),
  );
  return Object.entries(file.collections).map(([name, c]) => ({
    name,
    indexes: (c.indexes ?? []).map((i) => ({ name: i.name, keys: i.keys, ...(i.unique ? { unique: true } : {}) })),
  }));
}

/** Every built function folder (dist/cloudfunctions/<name>): its code hash, timeout, timers and variables. */
export function desiredFunctions(root: string, env: Record<string, string>): FunctionSpec[] {
  const built = join(root, 'dist/cloudfunctions');
  if (!existsSync(built)) throw new Error('dist/cloudfunctions 不存在: 先运行 npm run build:cloud (npm run deploy 会自动构建)');
  return readdirSync(built)
    .filter((name) => existsSync(join(built, name, 'index.js')))
    .sort()
    .map((name) => {
      const dir = join(built, name);
      const config = existsSync(join(dir, 'config.json')) ? readJson<FunctionConfig>(join(dir, 'config.json')) : {};
      const codeHash = hashFiles(dir, [join(dir, 'index.js'), join(dir, 'package.json')].filter(existsSync));
      return {
        name,
        dir,
        timeout: config.timeout ?? CLOUD_DEFAULT_TIMEOUT,
        env: { ...env, [CODE_HASH]: codeHash },
        triggers: (config.triggers ?? []).map((t) => ({ name: t.name, type: 'timer' as const, config: t.config })),
        codeHash,
      };
    });
}

/** The built mini-program (dist/weapp), its version from package.json and a description from the last commit. */
export function desiredApp(root: string, desc: string): Desired['app'] {
  const dir = join(root, 'dist/weapp');
  if (!existsSync(dir)) throw new Error('dist/weapp 不存在: 先运行 npm run build:weapp (npm run deploy 会自动构建)');
  const { version } = readJson<{ version: string }>(join(root, 'package.json'));
  return { dir: root, version, desc, hash: hashFiles(dir, filesUnder(dir)) };
}
