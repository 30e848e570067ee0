import { normalizeCloudPath, type FileStore } from './file-store';
import type { UrlSigner } from './url-signer';

export const COS_PATH = '/__cos/';
export const FILES_PATH = '/__emulator/files/';

/** How long the PUT URL of cloud.uploadFile works: the SDK uses it at once. */
const UPLOAD_URL_SECONDS = 600;
/** getTempFileURL's default when the caller names no maxAge. */
const DEFAULT_MAX_AGE = 86400;

export interface StorageDeps {
  files: FileStore;
  signer: UrlSigner;
  baseUrl: string;
}

type Reply = { data: Record<string, unknown> } | { code: string; message: string };

/**
 * The storage actions behind cloud.uploadFile (getUploadMetadata, then a PUT of the bytes to the returned URL,
 * which is this server's COS_PATH), getTempFileURL and downloadFile (batchGetDownloadUrl, then a GET of the URL)
 * and deleteFile (batchDeleteFile). Both URLs are signed and expire: they are the only way to the bytes.
 */
export function storageAction(action: string, params: Record<string, unknown>, deps: StorageDeps): Reply {
  switch (action) {
    case 'storage.getUploadMetadata':
      return uploadMetadata(params, deps);
    case 'storage.batchGetDownloadUrl':
      return downloadUrls(params, deps);
    case 'storage.batchDeleteFile':
      return deleteFiles(params, deps.files);
    default:
      return { code: 'INVALID_PARAM', message: `the local emulator does not implement action ${action}` };
  }
}

function uploadMetadata(params: Record<string, unknown>, { files, signer, baseUrl }: StorageDeps): Reply {
  let cloudPath: string;
  try {
    cloudPath = normalizeCloudPath(String(params.path ?? ''));
  } catch (err) {
    return { code: 'INVALID_PARAM', message: (err as Error).message };
  }
  const encoded = cloudPath.split('/').map(encodeURIComponent).join('/');
  return {
    data: {
      url: `${baseUrl}${COS_PATH}${encoded}?${signer.sign('put', cloudPath, UPLOAD_URL_SECONDS)}`,
      token: 'local-emulator',
      authorization: 'local-emulator',
      fileId: files.fileIdOf(cloudPath),
      cosFileId: 'local-emulator',
    },
  };
}

/**
 * The temp URL's path is left unencoded (`…/files/图片/a.png?sign=…&t=…`) because the node SDK `encodeURI`s it
 * before fetching, as it does with the cloud's URLs.
 */
export function tempUrlOf(cloudPath: string, { signer, baseUrl }: Omit<StorageDeps, 'files'>, maxAgeSeconds: number): string {
  return `${baseUrl}${FILES_PATH}${cloudPath}?${signer.sign('get', cloudPath, maxAgeSeconds)}`;
}

function downloadUrls(params: Record<string, unknown>, deps: StorageDeps): Reply {
  const list = Array.isArray(params.file_list) ? (params.file_list as { fileid?: unknown; max_age?: unknown }[]) : [];
  const download_list = list.map((item) => {
    const fileID = String(item?.fileid ?? '');
    const cloudPath = deps.files.cloudPathOf(fileID);
    const maxAge = typeof item?.max_age === 'number' && item.max_age > 0 ? item.max_age : DEFAULT_MAX_AGE;
    if (cloudPath === null) return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: 'invalid fileID', maxAge };
    if (!deps.files.has(cloudPath)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist', maxAge };
    return { fileID, tempFileURL: tempUrlOf(cloudPath, deps, maxAge), code: 'SUCCESS', maxAge };
  });
  return { data: { download_list } };
}

function deleteFiles(params: Record<string, unknown>, files: FileStore): Reply {
  const list = Array.isArray(params.fileid_list) ? params.fileid_list.map(String) : [];
  const delete_list = list.map((fileID) => {
    const cloudPath = files.cloudPathOf(fileID);
    if (cloudPath === null) return { fileID, code: 'INVALID_PARAM', message: 'invalid fileID' };
    return files.remove(cloudPath) ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist' };
  });
  return { data: { delete_list } };
}
