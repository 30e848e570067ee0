import type { IncomingMessage, ServerResponse } from 'node:http';
import { UPLOAD_PATH } from './file-routes';
import { HttpError, mediaTypeOf } from './http-util';
import { SDK_PATH } from './sdk-gateway';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Dev surface and SDK endpoint are for this machine only: the peer must be loopback, and the Host header must
 * name a loopback host so that a web page elsewhere cannot reach us through DNS rebinding.
 */
export function isLocalRequest(req: IncomingMessage): boolean {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return false;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return LOCAL_HOSTS.has(host);
}

/** Our own origins (the H5 app we serve) and the H5 dev server's (`npm run dev` names it in LINLI_DEV_ORIGINS). */
export function allowedOrigins(ownUrl: string, devOrigins: readonly string[]): ReadonlySet<string> {
  const { port } = new URL(ownUrl);
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...devOrigins]);
}

/** What each POST must carry: a type a page cannot send without the browser asking us first (a preflight). */
function acceptsBody(pathname: string, type: string, fromPage: boolean): boolean {
  if (pathname === UPLOAD_PATH) return type.startsWith('image/') || type === 'application/octet-stream';
  // The SDK's open API calls are multipart (form-data); only a process, never a page, may send one.
  if (pathname === SDK_PATH && type === 'multipart/form-data') return !fromPage;
  // Open311's own body type (GeoReport v2 posts forms): from processes (partner systems), never from a page.
  if (pathname.startsWith('/open311/v2/') && type === 'application/x-www-form-urlencoded') return !fromPage;
  return type === 'application/json';
}

/**
 * Any web page the developer visits can make the browser send requests to 127.0.0.1, and "simple" ones (a
 * form-like POST, `fetch(…, {mode: 'no-cors'})`) go out without asking, blind. So a request naming any origin
 * but ours is refused, the SDK endpoint is refused to every page, and a POST must carry a content type that makes
 * the browser ask first — and the asking (OPTIONS, with its Origin) is refused too. Tests, curl and the SDK send
 * no Origin: they are processes on this machine, not pages.
 */
export function guard(req: IncomingMessage, pathname: string, allowed: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  const fromPage = origin !== undefined;
  if (fromPage && (!allowed.has(origin) || pathname === SDK_PATH)) {
    throw new HttpError(403, 'FORBIDDEN_ORIGIN', `requests from ${origin} are not served`);
  }
  if (req.method === 'POST' && !acceptsBody(pathname, mediaTypeOf(req), fromPage)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `POST ${pathname} does not take ${mediaTypeOf(req) || 'a body without a content type'}`);
  }
}

/** Lets the H5 dev server's page call us directly, were it not proxied; our own pages need no CORS. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type, x-linli-openid, x-linli-unionid');
}
