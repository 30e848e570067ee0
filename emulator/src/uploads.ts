/**
 * The storage rule the emulator enforces on a client's upload: every client upload goes to `uploads/<openid>/…`, the
 * way a CloudBase storage rule keys a file's owner on its path, so a function can tell from a fileID alone whether
 * the caller uploaded it. Linli's functions read the same convention from src/shared/domain/uploads.ts
 * (test/unit/uploads-rule.test.ts keeps the two in step).
 */
export function uploadFolderOf(openid: string): string {
  return `uploads/${openid}/`;
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
