// Every cloud function says how long it may run (config.json `timeout`, in seconds): without one the cloud ends
// it at 3 s, before a contended transaction gives up (transact.ts, 15 s) or a timer's run (≤ 20–40 s) ends.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../cloudfunctions');
const functions = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name);

/** The longest a timer of the function works in one run (their RUN_MS), in seconds. */
const timerRuns: Record<string, number> = { report: 20, user: 20, notify: 40 };

test.each(functions)('%s declares a timeout past a transaction giving up (15 s), within the cloud maximum (60 s)', (name) => {
  const file = join(root, name, 'config.json');
  expect(existsSync(file)).toBe(true);
  const { timeout } = JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown };
  expect(typeof timeout).toBe('number');
  expect(timeout).toBeGreaterThan(15);
  expect(timeout).toBeLessThanOrEqual(60);
  expect(timeout).toBeGreaterThan(timerRuns[name] ?? 0);
});
