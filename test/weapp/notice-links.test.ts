// Subscribe messages open a page of the mini-program by path; a path the build does not contain opens
// nothing on the user's phone. This checks every path the built functions send against dist/weapp/app.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const weapp = join(root, 'dist', 'weapp');
const functions = join(root, 'dist', 'cloudfunctions');

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

function builtPages(): Set<string> {
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as AppJson;
  return new Set([...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]);
}

/** `page:` targets in the functions' bundles, e.g. `pages/wish-detail/index?id=${w._id}` → pages/wish-detail/index. */
function linkedPages(): Map<string, string> {
  const links = new Map<string, string>();
  for (const fn of readdirSync(functions)) {
    const bundle = join(functions, fn, 'index.js');
    if (!existsSync(bundle)) continue;
    for (const m of readFileSync(bundle, 'utf8').matchAll(/page:\s*[`'"]((?:pages|package-[\w-]+)\/[\w-]+\/index)/g)) links.set(m[1], fn);
  }
  return links;
}

beforeAll(() => {
  if (!existsSync(join(weapp, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp` first');
  if (!existsSync(functions)) throw new Error('dist/cloudfunctions is missing: run `npm run build:cloud` first');
});

/**
 * Functions whose pages are still to be built (none today: the petition screens exist). A function listed
 * here must still lack a page: the last test fails once all its links resolve.
 */
const pagesPending = new Set<string>();

const missingPages = () => {
  const pages = builtPages();
  return [...linkedPages()].filter(([page]) => !pages.has(page));
};

test('every page a notice links to is a page of the weapp build', () => {
  expect([...linkedPages().keys()]).toEqual(
    expect.arrayContaining(['pages/wish-detail/index', 'package-grid/queue/index', 'pages/petition-detail/index', 'package-petition/handle/index']),
  );
  const missing = missingPages().filter(([, fn]) => !pagesPending.has(fn));
  expect(missing.map(([page, fn]) => `${page} (from ${fn})`)).toEqual([]);
});

test('the pages behind the links were compiled, not only listed', () => {
  const pages = builtPages();
  for (const page of [...linkedPages().keys()].filter((p) => pages.has(p))) {
    for (const ext of ['js', 'json', 'wxml']) expect(existsSync(join(weapp, `${page}.${ext}`))).toBe(true);
  }
});

test('functions listed as pending still link to pages the build lacks (else drop them from the list)', () => {
  const stillMissing = new Set(missingPages().map(([, fn]) => fn));
  const present = new Set(linkedPages().values());
  expect([...pagesPending].filter((fn) => present.has(fn) && !stillMissing.has(fn))).toEqual([]);
});
