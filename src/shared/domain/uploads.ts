/**
 * Who uploaded a stored file is written in its path: every client upload goes to `uploads/<openid>/…`, the way
 * CloudBase's storage rules key a file's owner on its path. A fileID contains the path, so a function can tell
 * from the fileID alone whether the caller uploaded it, on the real cloud as in the emulator.
 */
export function uploadFolderOf(openid: string): string {
  return `uploads/${openid}/`;
}

/** The path inside `cloud://<env>.<bucket>/<path>`, or null when it is not a file id. */
export function cloudPathOf(fileID: string): string | null {
  return /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1] ?? null;
}

/** OpenIDs are short plain tokens; anything else must never become a folder name. */
const OPENID = /^[\w-]{1,64}$/;

/** Whether a cloud path lies in `openid`'s upload folder, by plain segments (no `..` climbing out of it). */
export function isInUploadFolder(cloudPath: string, openid: string): boolean {
  if (!OPENID.test(openid)) return false;
  const folder = uploadFolderOf(openid);
  if (!cloudPath.startsWith(folder)) return false;
  return cloudPath
    .slice(folder.length)
    .split('/')
    .every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\\0]/.test(s));
}

/** Whether `fileID` names a file `openid` uploaded. */
export function isUploadOf(fileID: string, openid: string): boolean {
  const path = cloudPathOf(fileID);
  return path !== null && isInUploadFolder(path, openid);
}
