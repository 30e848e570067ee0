// The store on disk: data survives reopening, and a kill -9 in the middle of a stream of commits leaves only
// whole transactions (and keeps every commit that was acknowledged).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { CloudDatabase } from '../../src/db';

/** The node_modules this test resolves better-sqlite3 from (the workspace's hoisted one, or the package's own). */
const nodeModules = path.resolve(createRequire(__filename).resolve('better-sqlite3/package.json'), '../..');
let dir: string;
let worker: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'linli-db-'));
  worker = path.join(dir, 'worker.cjs');
  // The child runs plain node; better-sqlite3 stays external (native) and resolves through NODE_PATH.
  buildSync({
    entryPoints: [path.join(__dirname, 'durability-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: worker,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const indexesFile = path.join(__dirname, 'fixtures', 'durability-indexes.json');
const open = (file: string) => new CloudDatabase({ file, now: () => Date.now(), indexesFile });

/** A count answered from index entries alone (equality on an indexed field): stale or missing entries show. */
const counted = (db: CloudDatabase, collectionName: string, query: object) =>
  (db.handle('database.calculateDocument', { collectionName, query: JSON.stringify(query) }) as { data: { total: number } }).data.total;

test('documents, Dates and order survive close and reopen', () => {
  const file = path.join(dir, 'reopen.db');
  const first = open(file);
  first.load({
    wishes: [
      { _id: 'b', at: new Date(5) },
      { _id: 'a', at: new Date(7) },
    ],
  });
  first.handle('database.insertDocument', { collectionName: 'wishes', data: ['{"_id":"c","n":{"$numberInt":"1"}}'] });
  first.close();
  const second = open(file);
  expect(second.isEmpty()).toBe(false);
  expect(second.find('wishes')).toEqual([
    { _id: 'b', at: new Date(5) },
    { _id: 'a', at: new Date(7) },
    { _id: 'c', n: 1 },
  ]);
  second.close();
});

/** Runs the worker until it has acknowledged `until` commits in total, then SIGKILLs it mid-stream. */
function runAndKill(file: string, until: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, file, indexesFile], {
      env: { ...process.env, NODE_PATH: nodeModules },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let killing = false;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
      // Not at once: right after an acknowledgement the worker is always at the start of its next
      // transaction. A random delay of a few milliseconds (several transactions) lands anywhere.
      if (acknowledged >= until && !killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 8);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`worker exited with ${code}: ${stderr}`));
    });
  });
}

test('kill -9 during a stream of commits leaves only whole transactions', async () => {
  const file = path.join(dir, 'kill.db');
  const seed = open(file);
  seed.load({
    accounts: Array.from({ length: 10 }, (_, i) => ({ _id: `acc${i}`, v: 100 })),
    meta: [{ _id: 'commits', n: 0 }],
    markers: [],
  });
  seed.close();

  let target = 0;
  for (let round = 0; round < 12; round += 1) {
    target += 5 + Math.floor(Math.random() * 40);
    const acknowledged = await runAndKill(file, target);
    const db = open(file);
    const commits = db.find('meta')[0].n as number;
    const perCommit = new Map<number, number>();
    for (const m of db.find('markers')) perCommit.set(m.seq as number, (perCommit.get(m.seq as number) ?? 0) + 1);
    const accounts = db.find('accounts');
    const total = accounts.reduce((sum, a) => sum + (a.v as number), 0);
    // The index entries were committed with their documents: each value counts what the documents hold.
    db.resetStats();
    for (const { v } of accounts) expect(counted(db, 'accounts', { v })).toBe(accounts.filter((a) => a.v === v).length);
    expect(counted(db, 'markers', { seq: commits })).toBe(commits > 0 ? 10 : 0);
    expect(counted(db, 'markers', { seq: commits + 1 })).toBe(0);
    expect(db.parsed).toBe(0);
    db.close();
    expect(total).toBe(1000);
    expect([...perCommit.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: commits }, (_, i) => i + 1));
    expect([...perCommit.values()].every((n) => n === 10)).toBe(true);
    expect(commits).toBeGreaterThanOrEqual(acknowledged);
    expect(acknowledged).toBeGreaterThanOrEqual(target);
  }
}, 60_000);
