// The 数据看板's charts are @antv/f2 (hundreds of KB): they must ship in the package-report subpackage, never in
// the main package every resident downloads, and each package must stay within WeChat's limits (2 MB each, 20 MB
// in all). This reads the BUILT dist/weapp (run `npm run build:weapp` first). A Taro page cannot be rendered by
// miniprogram-simulate (it loads components, not Taro's Page runtime): the page's own checks are the H5 e2e test
// (test/e2e/dashboard.test.ts); here the weapp bundle is checked for the canvas 2d surface F2 draws on.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const weapp = join(__dirname, '..', '..', 'dist', 'weapp');
const MB = 1024 * 1024;

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let app: AppJson;
let roots: string[];
beforeAll(() => {
  if (!existsSync(join(weapp, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp` before this test');
  app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as AppJson;
  roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
});

const packageOf = (file: string) => roots.find((root) => relative(weapp, file).startsWith(`${root}/`)) ?? 'main';
const sizes = () => {
  const out = new Map<string, number>();
  for (const file of files(weapp)) out.set(packageOf(file), (out.get(packageOf(file)) ?? 0) + statSync(file).size);
  return out;
};

test('the dashboard is a page of the package-report subpackage', () => {
  expect(app.pages).not.toContain('package-report/dashboard/index');
  expect(app.subPackages?.find((p) => p.root.startsWith('package-report'))?.pages).toContain('dashboard/index');
});

test('F2 ships with the dashboard only: no chart code in the main package or another subpackage', () => {
  // `px2hd` and the `dodge` adjust are F2's own names (no other library of the app has them).
  const withF2 = files(weapp).filter((f) => f.endsWith('.js') && /px2hd|"dodge"/.test(readFileSync(f, 'utf8')));
  expect(withF2.length).toBeGreaterThan(0);
  expect(withF2.map(packageOf)).toEqual(withF2.map(() => 'package-report'));
});

test('the dashboard draws on a canvas 2d node it finds with createSelectorQuery (WeChat’s canvas for F2)', () => {
  const page = readFileSync(join(weapp, 'package-report', 'dashboard', 'index.js'), 'utf8');
  expect(page).toMatch(/type:\s*"2d"/);
  expect(page).toContain('createSelectorQuery');
  expect(page).toMatch(/fields\(\{\s*node:\s*!0,\s*size:\s*!0\s*\}\)|fields\(\{node:!0,size:!0\}\)/);
  // Text is measured on an offscreen canvas: the mini-program has no document to make one from.
  expect(page).toContain('createOffscreenCanvas');
});

test('every package stays within WeChat’s limits: 2 MB each, 20 MB in all', () => {
  const all = sizes();
  for (const [name, bytes] of all) expect({ name, withinLimit: bytes <= 2 * MB }).toEqual({ name, withinLimit: true });
  expect([...all.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20 * MB);
});
