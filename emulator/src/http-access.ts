import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from './emulator';
import { readBody } from './http-util';
import { InvokeError } from './invocation';

/**
 * CloudBase HTTP access (云接入 / HTTP 访问服务): a path routed to a cloud function, which gets the request as an
 * event (path, httpMethod, headers, queryStringParameters, body, isBase64Encoded) and answers
 * {statusCode, headers, body, isBase64Encoded}. Deployed, the same path is configured in the console.
 */
export const HTTP_ACCESS_ROUTES: readonly { prefix: string; fn: string }[] = [{ prefix: '/open311/v2/', fn: 'open311' }];

export function httpAccessRoute(pathname: string): string | null {
  return HTTP_ACCESS_ROUTES.find((r) => pathname.startsWith(r.prefix))?.fn ?? null;
}

interface HttpReply {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export async function handleHttpAccess(req: IncomingMessage, res: ServerResponse, emu: Emulator, fn: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = await readBody(req);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const event = {
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    // As HTTP access does for a body it will not pass as text, the emulator always sends it base64.
    body: body.length > 0 ? body.toString('base64') : null,
    isBase64Encoded: body.length > 0,
  };
  let reply: HttpReply;
  try {
    reply = ((await emu.runner.invoke({ name: fn, event, caller: { source: 'http' } })).result ?? {}) as HttpReply;
  } catch (err) {
    if (!(err instanceof InvokeError)) throw err;
    res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: err.code, message: err.message }));
    return;
  }
  const out = reply.body ?? '';
  res.writeHead(reply.statusCode ?? 200, reply.headers ?? {});
  res.end(reply.isBase64Encoded ? Buffer.from(out, 'base64') : out);
}
