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
