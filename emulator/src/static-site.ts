import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import sirv from 'sirv';
import { mimeOf } from './http-util';

/** Webpack's content-hashed names (`js/app.1a2b3c4d.js`, `css/1134.b5ca7f4eb411e98d1176.css`): never change. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
const YEAR_S = 365 * 24 * 3600;

const sites = new Map<string, ReturnType<typeof sirv>>();

/**
 * Serves the H5 build by sirv. A path that names no file and has no extension is an app route (Taro's H5
 * router in browser mode), so it gets index.html. Returns false when nothing fits, leaving the 404 to the caller.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, dir: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // sirv's per-request lookup serves dotfiles; a build has none worth serving (.env, .git).
  if (/\/(\.|%2e)/i.test((req.url ?? '/').split('?')[0])) return false;
  let site = sites.get(dir);
  if (!site) {
    site = sirv(dir, {
      // Looks each request up on disk rather than listing the folder at start: `npm start` starts the emulator
      // before the H5 build is written, and a rebuild renames the hashed bundles.
      dev: true,
      etag: true,
      single: true,
      // No index.html for a missing file with an extension anywhere in its last segment (sirv's own rule is ASCII names only).
      ignores: ['\\.[^/]*$'],
      setHeaders,
    });
    sites.set(dir, site);
  }
  let served = true;
  site(req, res, () => {
    served = false;
  });
  return served;
}

/** index.html names the hashed bundles, so it is revalidated every time (a 304 by its ETag); they last a year. */
function setHeaders(res: ServerResponse, pathname: string): void {
  const named = !pathname.endsWith('/') && extname(pathname) !== '';
  res.setHeader('cache-control', named && HASHED.test(pathname) ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
  // The emulator names media types by one table (mime-types), stored files and the app's alike.
  if (named) res.setHeader('content-type', mimeOf(pathname));
}
