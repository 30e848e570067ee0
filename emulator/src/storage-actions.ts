import { normalizeCloudPath, type FileStore } from './file-store';

export const COS_PATH = '/__cos/';
export const FILES_PATH = '/__emulator/files/';

type Reply = { data: Record<string, unknown> } | { code: string; message: string };

/**
 * The storage actions behind cloud.uploadFile (getUploadMetadata, then a PUT of the bytes to the returned URL,
 * which is this server's COS_PATH), getTempFileURL and downloadFile (batchGetDownloadUrl, then a GET of the URL)
 * and deleteFile (batchDeleteFile).
 */
export function storageAction(action: string, params: Record<string, unknown>, files: FileStore, baseUrl: string): Reply {
  switch (action) {
    case 'storage.getUploadMetadata':
      return uploadMetadata(params, files, baseUrl);
    case 'storage.batchGetDownloadUrl':
      return downloadUrls(params, files, baseUrl);
    case 'storage.batchDeleteFile':
      return deleteFiles(params, files);
    default:
      return { code: 'INVALID_PARAM', message: `the local emulator does not implement action ${action}` };
  }
}

function uploadMetadata(params: Record<string, unknown>, files: FileStore, baseUrl: string): Reply {
  let cloudPath: string;
  try {
    cloudPath = normalizeCloudPath(String(params.path ?? ''));
  } catch (err) {
    return { code: 'INVALID_PARAM', message: (err as Error).message };
  }
  return {
    data: {
      url: `${baseUrl}${COS_PATH}${cloudPath.split('/').map(encodeURIComponent).join('/')}`,
      token: 'local-emulator',
      authorization: 'local-emulator',
      fileId: files.fileIdOf(cloudPath),
      cosFileId: 'local-emulator',
    },
  };
}

/**
 * The temp URL is left unencoded (`…/files/图片/a.png`) because the node SDK `encodeURI`s it before fetching,
 * as it does with the cloud's URLs.
 */
export function tempUrlOf(cloudPath: string, baseUrl: string): string {
  return `${baseUrl}${FILES_PATH}${cloudPath}`;
}

function downloadUrls(params: Record<string, unknown>, files: FileStore, baseUrl: string): Reply {
  const list = Array.isArray(params.file_list) ? (params.file_list as { fileid?: unknown; max_age?: unknown }[]) : [];
  const download_list = list.map((item) => {
    const fileID = String(item?.fileid ?? '');
    const cloudPath = files.cloudPathOf(fileID);
    const maxAge = typeof item?.max_age === 'number' ? item.max_age : 86400;
    if (cloudPath === null) return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: 'invalid fileID', maxAge };
    if (!files.has(cloudPath)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist', maxAge };
    return { fileID, tempFileURL: tempUrlOf(cloudPath, baseUrl), code: 'SUCCESS', maxAge };
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
