import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DEV_PREFIX, handleDevRequest } from './dev-api';
import type { Emulator } from './emulator';
import { handleHttpAccess, httpAccessRoute } from './http-access';
import { HttpError, sendJson } from './http-util';
import { applyCors, guard, isLocalRequest } from './request-guard';
import { handleSdkRequest, SDK_PATH } from './sdk-gateway';
import { serveStatic } from './static-site';
import { COS_PATH } from './storage-actions';

/** One server for the SDK endpoint, the dev surface and the H5 app. */
export function createEmulatorServer(emu: Emulator): Server {
  const server = createServer((req, res) => {
    route(req, res, emu).catch((err: unknown) => fail(res, err));
  });
  // The SDK keeps connections alive; idle ones must not hold the process open at shutdown.
  server.keepAliveTimeout = 5_000;
  return server;
}

async function route(req: IncomingMessage, res: ServerResponse, emu: Emulator): Promise<void> {
  if (!isLocalRequest(req)) {
    res.writeHead(403, { connection: 'close' });
    res.end();
    req.socket.destroy();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const { pathname } = url;
  guard(req, pathname, emu.allowedOrigins);
  applyCors(req, res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (pathname === SDK_PATH && req.method === 'POST') return handleSdkRequest(req, res, url, emu.gatewayDeps);
  // The demo month is the functions' own traffic (the SDK, storage, and the signed files they read back), on a
  // clock a month back: nobody else may act in it.
  const functionsOwn = pathname.startsWith(COS_PATH) || pathname.startsWith(`${DEV_PREFIX}files/`);
  if (emu.seeding && !functionsOwn) throw new HttpError(503, 'SEEDING', '正在生成演示数据，请稍候几秒再试');
  const httpFunction = httpAccessRoute(pathname);
  if (httpFunction) return handleHttpAccess(req, res, emu, httpFunction);
  if (pathname.startsWith(DEV_PREFIX) || pathname.startsWith(COS_PATH)) {
    if (await handleDevRequest(req, res, emu, url)) return;
    throw new HttpError(404, 'NOT_FOUND', `no emulator route ${req.method} ${pathname}`);
  }
  if (emu.config.h5Dir && serveStatic(req, res, emu.config.h5Dir)) return;
  if (pathname === '/' && req.method === 'GET') {
    sendJson(res, 200, { name: 'Linli local CloudBase emulator', h5: emu.config.h5Dir ?? null, functions: emu.runner.list() });
    return;
  }
  throw new HttpError(404, 'NOT_FOUND', `nothing at ${pathname}`);
}

function fail(res: ServerResponse, err: unknown): void {
  const known = err instanceof HttpError;
  if (!known) console.error('[emulator]', err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = known ? err.status : 500;
  // A body over the limit is left unread on the socket (readBody stops reading): the client must not send its next
  // request on this connection, so it is closed after the answer.
  if (status === 413) res.setHeader('connection', 'close');
  sendJson(res, status, { error: known ? err.code : 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
}
