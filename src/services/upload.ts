import Taro from '@tarojs/taro';
import { newRequestId } from './request-id';

export type UploadResult = { ok: true; fileID: string } | { ok: false; message: string };

/** Where a resident's wish photo goes in storage; the name is random so photos never collide. */
function cloudPathFor(typeHint: string): string {
  const ext = /[./](jpe?g|png|gif|webp)$/i.exec(typeHint)?.[1]?.toLowerCase() ?? 'jpg';
  return `wish-photos/${newRequestId()}.${ext}`;
}

/** Uploads one chosen photo; weapp to cloud storage, H5 to the emulator's storage. */
export async function uploadPhoto(localPath: string): Promise<UploadResult> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.uploadFile({ cloudPath: cloudPathFor(localPath), filePath: localPath });
      return { ok: true, fileID: res.fileID };
    }
    // On H5 a chosen photo is a blob: URL with no extension; its MIME type names the format.
    const blob = await (await fetch(localPath)).blob();
    const cloudPath = cloudPathFor(blob.type);
    const res = await fetch(`/__emulator/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      body: blob,
      headers: { 'Content-Type': blob.type || 'application/octet-stream' },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { fileID } = (await res.json()) as { fileID: string };
    return { ok: true, fileID };
  } catch (err) {
    console.warn('[upload] failed', err);
    return { ok: false, message: '图片上传失败，请检查网络后重试' };
  }
}
