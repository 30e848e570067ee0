import { DomainError } from '../../../src/shared/domain/errors';
import { isUploadOf } from '../../../src/shared/domain/uploads';
import { cloud } from './runtime';

/** How long a photo link handed to a viewer works: long enough to look, short enough not to keep. */
const PHOTO_URL_SECONDS = 3600;

interface TempFile {
  fileID: string;
  status: number;
  tempFileURL: string;
}

async function tempFiles(fileIDs: readonly string[], maxAge: number): Promise<TempFile[]> {
  // The SDK types this call as maybe answering nothing (its callback form); awaited, it answers the list.
  const res = (await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge })) })) as { fileList: TempFile[] };
  return res.fileList;
}

/**
 * Temporary download URLs for stored photos, in one call; a missing file maps to null. Only views that already
 * decided the viewer may see the record call this: the URL is the only way to the bytes.
 */
export async function photoUrls(fileIDs: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(fileIDs)];
  if (unique.length === 0) return new Map();
  const files = await tempFiles(unique, PHOTO_URL_SECONDS);
  return new Map(files.map((f) => [f.fileID, f.tempFileURL || null]));
}

/**
 * A photo someone attaches must be one they uploaded (its path is in their own folder), so nobody can pass off
 * another person's file — a merchant's licence, say — as theirs and be handed a link to it; and it must still
 * exist, so that a stale id is the user's to fix rather than our failure.
 */
export async function assertOwnPhotos(openid: string, fileIDs: readonly string[]): Promise<void> {
  if (fileIDs.some((fileID) => !isUploadOf(fileID, openid))) throw new DomainError('BAD_INPUT', '只能使用你自己上传的照片，请重新上传');
  if (fileIDs.length === 0) return;
  const files = await tempFiles([...new Set(fileIDs)], 60);
  if (files.some((f) => f.status !== 0 || !f.tempFileURL)) throw new DomainError('BAD_INPUT', '照片不存在或已过期，请重新上传');
}
