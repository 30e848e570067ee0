import { contentType } from 'mime-types';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';

/** Thrown by handlers to answer with a status and a JSON `{error, message}` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 20 * 1024 * 1024;

/**
 * The whole body. Events rather than `for await`: every SDK request reads one, and the async iterator costs more.
 * Over the limit it stops reading and leaves the socket open, so that the 413 can still be answered on it.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${MAX_BODY} bytes`));
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'request body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body === undefined ? null : body));
}

/** A body already serialised as JSON. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, contentType: string, body: Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
}

/** The media type of a request's body, without parameters: `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** A file's media type by its extension (mime-types, with a charset for text), or bytes when unknown. */
export function mimeOf(path: string): string {
  return contentType(extname(path).toLowerCase()) || 'application/octet-stream';
}

/** `/a/%E5%9B%BE.png` → `a/图.png`; a malformed escape is a 400. */
export function decodePath(encoded: string): string {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new HttpError(400, 'INVALID_PATH', 'malformed percent-encoding in path');
  }
}
