// The H5 build as the emulator serves it (static-site.ts, by sirv): media types, ETag revalidation, cache
// lifetimes, the app-route fallback to index.html, and no way out of the build folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../src/static-site';

let root: string;
let h5: string;
let server: Server;
let port: number;

const INDEX = '<!doctype html><title>邻里</title>';
const SECRET = 'secret beside the build';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'linli-static-'));
  h5 = join(root, 'h5');
  for (const dir of ['js', 'css', 'static', 'sub']) mkdirSync(join(h5, dir), { recursive: true });
  writeFileSync(join(h5, 'index.html'), INDEX);
  writeFileSync(join(h5, 'js', 'app.1a2b3c4d.js'), 'console.log(1)');
  writeFileSync(join(h5, 'js', 'plain.js'), 'console.log(2)');
  writeFileSync(join(h5, 'css', '1134.b5ca7f4eb411e98d1176.css'), 'a{}');
  writeFileSync(join(h5, 'static', 'logo.svg'), '<svg/>');
  writeFileSync(join(h5, 'static', 'font.woff2'), 'w');
  writeFileSync(join(h5, 'static', 'data.linli'), 'x');
  writeFileSync(join(h5, 'sub', 'index.html'), 'sub page');
  writeFileSync(join(h5, '.env'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  mkdirSync(join(root, 'h5-other'));
  writeFileSync(join(root, 'h5-other', 'secret.txt'), SECRET);
  server = createServer((req, res) => {
    if (!serveStatic(req, res, h5)) res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request whose path goes out exactly as written: fetch and URL would resolve `..` before sending. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the H5 build', () => {
  it('names each file’s media type', async () => {
    const types: Record<string, string> = {
      '/': 'text/html;charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
      '/js/app.1a2b3c4d.js': 'application/javascript; charset=utf-8',
      '/css/1134.b5ca7f4eb411e98d1176.css': 'text/css; charset=utf-8',
      '/static/logo.svg': 'image/svg+xml',
      '/static/font.woff2': 'font/woff2',
      '/static/data.linli': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, type]);
    }
    expect((await get('/js/app.1a2b3c4d.js')).body).toBe('console.log(1)');
  });

  it('answers a request that still holds the ETag with 304, and a changed file with 200 and a new ETag', async () => {
    writeFileSync(join(h5, 'js', 'changing.js'), 'v1');
    const first = await get('/js/changing.js');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/js/changing.js', { 'if-none-match': etag });
    expect([again.status, again.body]).toEqual([304, '']);
    const index = await get('/');
    expect((await get('/', { 'if-none-match': String(index.headers.etag) })).status).toBe(304);

    writeFileSync(join(h5, 'js', 'changing.js'), 'version 2');
    const changed = await get('/js/changing.js', { 'if-none-match': etag });
    expect([changed.status, changed.body]).toEqual([200, 'version 2']);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('lets hashed bundles be cached for a year and revalidates index.html and unhashed files', async () => {
    const year = 'public, max-age=31536000, immutable';
    expect((await get('/js/app.1a2b3c4d.js')).headers['cache-control']).toBe(year);
    expect((await get('/css/1134.b5ca7f4eb411e98d1176.css')).headers['cache-control']).toBe(year);
    for (const path of ['/', '/index.html', '/pages/wish/index', '/js/plain.js', '/static/logo.svg']) {
      expect([path, (await get(path)).headers['cache-control']]).toEqual([path, 'no-cache']);
    }
  });

  it('answers an app route with index.html, a folder with its index.html, and a missing file with 404', async () => {
    for (const path of ['/pages/wish/index', '/pages/wish/index?id=1', '/pages/我的/index']) {
      const res = await get(encodeURI(path));
      expect([path, res.status, res.body, res.headers['content-type']]).toEqual([path, 200, INDEX, 'text/html;charset=utf-8']);
    }
    expect((await get('/sub/')).body).toBe('sub page');
    for (const path of ['/js/missing.js', '/static/图片.png', '/favicon.ico'])
      expect([path, (await get(encodeURI(path))).status]).toEqual([path, 404]);
  });

  it('serves a file written after it started (the build lands after the emulator starts)', async () => {
    expect((await get('/js/late.2b3c4d5e.js')).status).toBe(404);
    writeFileSync(join(h5, 'js', 'late.2b3c4d5e.js'), 'late');
    expect((await get('/js/late.2b3c4d5e.js')).body).toBe('late');
  });

  it('answers HEAD with the headers only, and leaves other methods to the caller', async () => {
    const head = await get('/js/app.1a2b3c4d.js', {}, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '14', '']);
    expect((await get('/js/app.1a2b3c4d.js', {}, 'POST')).status).toBe(404);
    expect((await get('/', {}, 'DELETE')).status).toBe(404);
  });

  it('never serves a file outside the build folder, however the path is written, nor a dotfile', async () => {
    const paths = [
      '/../secret.txt',
      '/js/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/js/%2e%2e/%2e%2e/secret.txt',
      '/js/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/../h5-other/secret.txt',
      '/..',
      '/.env',
      '/%2eenv',
      '/sub/../.env',
    ];
    for (const path of paths) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body).not.toContain(SECRET);
    }
  });
});
