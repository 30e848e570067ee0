import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isInUploadFolder, uploadFolderOf } from './uploads';
import type { Emulator } from './emulator';
import { normalizeCloudPath } from './file-store';
import { decodePath, HttpError, mediaTypeOf, mimeOf, readBody, sendBytes, sendJson } from './http-util';
import { COS_PATH, FILES_PATH, tempUrlOf } from './storage-actions';

export const UPLOAD_PATH = '/__emulator/upload';
/** The link an uploader gets back to their own photo. */
const UPLOADER_URL_SECONDS = 600;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp' };

/**
 * Stored files: the PUT target of the SDK's uploadFile, the GET behind temp URLs (and downloadFile), and the H5
 * app's own upload (it has no wx.cloud.uploadFile). Returns false when the path is not one of these.
 */
export async function handleFileRoutes(req: IncomingMessage, res: ServerResponse, emu: Emulator, url: URL): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (method === 'PUT' && url.pathname.startsWith(COS_PATH)) {
    await putObject(req, res, emu, url);
  } else if ((method === 'GET' || method === 'HEAD') && url.pathname.startsWith(FILES_PATH)) {
    serveFile(res, emu, url, method === 'HEAD');
  } else if (method === 'POST' && url.pathname === UPLOAD_PATH) {
    await upload(req, res, emu, url);
  } else return false;
  return true;
}

/** The SDK's PUT of the bytes, at the signed URL getUploadMetadata issued. Errors are COS's XML, which the SDK reads. */
async function putObject(req: IncomingMessage, res: ServerResponse, emu: Emulator, url: URL): Promise<void> {
  const cloudPath = cloudPathOf(url.pathname.slice(COS_PATH.length));
  let data: Buffer;
  try {
    data = await readUpload(req, res);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 413) throw err;
    // COS's answer to an object over its limit (the emulator's is smaller: it keeps files in its store).
    return cosError(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed object size (${err.message})`);
  }
  const signed = emu.signer.verify('put', cloudPath, url.searchParams) === 'ok';
  if (!signed) return cosError(res, 403, 'AccessDenied', 'upload URL missing, forged or expired');
  if (emu.files.create(cloudPath, data) === null) return cosError(res, 409, 'PathConflict', `${cloudPath} already exists and is never overwritten`);
  // COS answers a successful PUT with an empty body; the SDK parses any body as an XML error.
  res.writeHead(200, { 'content-length': 0 });
  res.end();
}

/**
 * The uploaded bytes. Over readBody's limit it stops with the rest of the body unread on the socket, so the
 * answer closes the connection: the client must not send its next request on it.
 */
async function readUpload(req: IncomingMessage, res: ServerResponse): Promise<Buffer> {
  try {
    return await readBody(req);
  } catch (err) {
    if (err instanceof HttpError && err.status === 413) res.setHeader('connection', 'close');
    throw err;
  }
}

function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`;
  sendBytes(res, status, 'application/xml', Buffer.from(xml));
}

/** The bytes only behind a signed, unexpired URL: nobody reads a file by guessing its path. */
function serveFile(res: ServerResponse, emu: Emulator, url: URL, headOnly: boolean): void {
  const cloudPath = cloudPathOf(url.pathname.slice(FILES_PATH.length));
  const verdict = emu.signer.verify('get', cloudPath, url.searchParams);
  if (verdict === 'expired') throw new HttpError(403, 'URL_EXPIRED', 'this temporary file URL has expired; ask for a new one');
  if (verdict !== 'ok') throw new HttpError(403, 'URL_NOT_SIGNED', 'files are served only at the signed URLs getTempFileURL issues');
  const data = emu.files.read(cloudPath);
  if (!data) throw new HttpError(404, 'STORAGE_FILE_NONEXIST', `no file ${cloudPath}`);
  // Served from our own origin: a stored SVG or HTML must not run script here, where it could call the dev surface.
  res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  res.setHeader('x-content-type-options', 'nosniff');
  sendBytes(res, 200, mimeOf(cloudPath), headOnly ? Buffer.alloc(0) : data);
}

/**
 * The H5 app's upload, as `X-Linli-OpenId`, of a raw image body: only into the caller's own folder (the path is
 * the record of who uploaded it), and never over a stored file. `?cloudPath=` names it; else a random name.
 */
async function upload(req: IncomingMessage, res: ServerResponse, emu: Emulator, url: URL): Promise<void> {
  const openid = req.headers['x-linli-openid'];
  if (typeof openid !== 'string' || openid === '') throw new HttpError(401, 'UNAUTHENTICATED', 'an upload needs X-Linli-OpenId: the uploader');
  const data = await readUpload(req, res);
  if (data.length === 0) throw new HttpError(400, 'INVALID_PARAM', 'empty upload');
  const named = url.searchParams.get('cloudPath');
  const cloudPath = normalized(named || `${uploadFolderOf(openid)}${randomBytes(8).toString('hex')}${EXTENSIONS[mediaTypeOf(req)] ?? ''}`);
  if (!isInUploadFolder(cloudPath, openid)) throw new HttpError(403, 'STORAGE_PATH_FORBIDDEN', `uploads go under ${uploadFolderOf(openid)}`);
  const fileID = emu.files.create(cloudPath, data);
  if (fileID === null) throw new HttpError(409, 'STORAGE_FILE_EXISTS', `${cloudPath} already exists and is never overwritten`);
  sendJson(res, 200, { fileID, tempFileURL: tempUrlOf(cloudPath, { signer: emu.signer, baseUrl: emu.url }, UPLOADER_URL_SECONDS) });
}

/** The cloud path in a URL's (percent-encoded) path. */
function cloudPathOf(encoded: string): string {
  return normalized(decodePath(encoded));
}

function normalized(path: string): string {
  try {
    return normalizeCloudPath(path);
  } catch (err) {
    throw new HttpError(400, 'INVALID_PARAM', (err as Error).message);
  }
}
