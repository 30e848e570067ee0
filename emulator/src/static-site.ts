import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { decodePath, mimeOf, sendBytes } from './http-util';

/**
 * Serves the H5 build. A path that names no file and has no extension is an app route (Taro's H5 router in
 * browser mode), so it gets index.html. Returns false when nothing fits, leaving the 404 to the caller.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, dir: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const root = resolve(dir);
  const pathname = decodePath(new URL(req.url ?? '/', 'http://localhost').pathname);
  const candidate = resolve(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) return false;
  let file = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, 'index.html') : candidate;
  if (!existsSync(file)) {
    if (extname(pathname) !== '') return false;
    file = join(root, 'index.html');
    if (!existsSync(file)) return false;
  }
  const body = req.method === 'HEAD' ? Buffer.alloc(0) : readFileSync(file);
  // index.html must not be cached (it names the hashed bundles); the bundles may be.
  res.setHeader('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=300');
  sendBytes(res, 200, mimeOf(file), body);
  return true;
}
