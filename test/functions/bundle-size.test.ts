import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/emulator';

/** What one deployable function may weigh (issue 10): the cold start on WeChat Cloud grows with it. */
const limit = 300 * 1024;

describe('built function bundles', () => {
  const dir = join(repoRoot, 'dist/cloudfunctions');
  const names = readdirSync(dir);

  it('are all there (run `node scripts/build-cloud.mjs` first)', () => {
    expect(names).toEqual(expect.arrayContaining(['mall', 'merchant', 'notify', 'petition', 'points', 'roster', 'shop', 'user', 'wish']));
  });

  it.each(names)('%s/index.js is at most 300 KiB', (name) => {
    expect(statSync(join(dir, name, 'index.js')).size).toBeLessThanOrEqual(limit);
  });
});

describe('a function cold start', () => {
  // In a fresh node, as the cloud loads it: what `require` of the bundle pulled in besides the SDK.
  const loadedBy = (name: string): string[] => {
    const script = `require(${JSON.stringify(join(repoRoot, 'dist/cloudfunctions', name, 'index.js'))});
      process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
    return JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TENCENTCLOUD: 'true' } }),
    );
  };

  it('of roster does not load exceljs (only the calls that read or write a workbook do)', () => {
    const loaded = loadedBy('roster');
    expect(loaded.some((path) => path.includes('/wx-server-sdk/'))).toBe(true);
    expect(loaded.filter((path) => path.includes('/exceljs/'))).toEqual([]);
  });
});
