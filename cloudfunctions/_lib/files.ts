import { cloud, type Loose } from './runtime';

/** Temporary download URLs for stored photos, in one call; a missing file maps to null. */
export async function photoUrls(fileIDs: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(fileIDs)];
  if (unique.length === 0) return new Map();
  const res: Loose = await cloud.getTempFileURL({ fileList: unique });
  return new Map((res.fileList as { fileID: string; tempFileURL?: string }[]).map((f) => [f.fileID, f.tempFileURL || null]));
}
