import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { Emulator } from './emulator';
import { normalizeCloudPath } from './file-store';
import { decodePath, HttpError, mimeOf, readBody, sendBytes, sendJson } from './http-util';
import { parseMultipart } from './multipart';
import { COS_PATH, FILES_PATH, tempUrlOf } from './storage-actions';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp' };

/**
 * Stored files: the PUT target of the SDK's uploadFile, the GET behind temp URLs (and downloadFile), and the H5
 * app's own upload (it has no wx.cloud.uploadFile). Returns false when the path is not one of these.
 */
export async function handleFileRoutes(req: IncomingMessage, res: ServerResponse, emu: Emulator, url: URL): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (method === 'PUT' && url.pathname.startsWith(COS_PATH)) {
    emu.files.write(cloudPathOf(url.pathname.slice(COS_PATH.length)), await readBody(req));
    // COS answers a successful PUT with an empty body; the SDK parses any body as an XML error.
    res.writeHead(200, { 'content-length': 0 });
    res.end();
    return true;
  }
  if ((method === 'GET' || method === 'HEAD') && url.pathname.startsWith(FILES_PATH)) {
    const cloudPath = cloudPathOf(url.pathname.slice(FILES_PATH.length));
    const data = emu.files.read(cloudPath);
    if (!data) throw new HttpError(404, 'STORAGE_FILE_NONEXIST', `no file ${cloudPath}`);
    sendBytes(res, 200, mimeOf(cloudPath), method === 'HEAD' ? Buffer.alloc(0) : data);
    return true;
  }
  if (method === 'POST' && url.pathname === '/__emulator/upload') {
    const { cloudPath, data } = await uploaded(req, url);
    const fileID = emu.files.write(cloudPath, data);
    sendJson(res, 200, { fileID, tempFileURL: tempUrlOf(cloudPath, emu.url) });
    return true;
  }
  return false;
}

function cloudPathOf(encoded: string): string {
  try {
    return normalizeCloudPath(decodePath(encoded));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'INVALID_PARAM', (err as Error).message);
  }
}

/** Multipart (the first part with a filename; an optional `cloudPath` field) or a raw body with `?cloudPath=`. */
async function uploaded(req: IncomingMessage, url: URL): Promise<{ cloudPath: string; data: Buffer }> {
  const contentType = req.headers['content-type'] ?? '';
  const body = await readBody(req);
  let data = body;
  let cloudPath = url.searchParams.get('cloudPath');
  let ext = EXTENSIONS[contentType.split(';')[0].trim()] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const parts = parseMultipart(body, contentType);
    const file = parts.find((p) => p.filename !== undefined);
    if (!file) throw new HttpError(400, 'INVALID_PARAM', 'multipart upload without a file part');
    data = file.data;
    cloudPath = parts.find((p) => p.name === 'cloudPath')?.data.toString('utf8') ?? cloudPath;
    ext = extname(file.filename ?? '') || EXTENSIONS[file.contentType ?? ''] || '';
  }
  if (data.length === 0) throw new HttpError(400, 'INVALID_PARAM', 'empty upload');
  const path = cloudPath || `uploads/${randomBytes(8).toString('hex')}${ext}`;
  try {
    return { cloudPath: normalizeCloudPath(path), data };
  } catch (err) {
    throw new HttpError(400, 'INVALID_PARAM', (err as Error).message);
  }
}
