import Taro from '@tarojs/taro';
import { uploadFolderOf } from '../shared/domain/uploads';
import { call } from './api';
import { currentPersona } from './persona';
import { fitPhoto } from './photo-fit';
import { newRequestId } from './request-id';

/** `tooLarge`: the photo cannot be made small enough, so trying it again is no use — the user picks another. */
export type UploadResult = { ok: true; fileID: string } | { ok: false; message: string; tooLarge?: true };

export const PHOTO_TOO_LARGE_MESSAGE = '照片太大，请换一张或裁剪后再试';

/**
 * The uploader's openid, which names their upload folder: the functions accept as someone's photo only a file in
 * that folder. On H5 it is the chosen persona; on WeChat the client is never told its openid, so user.me is asked
 * (the answer kept for the session, see session-cache.ts).
 */
async function uploaderOpenid(): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') {
    const openid = currentPersona()?.openid;
    if (!openid) throw new Error('no demo persona chosen');
    return openid;
  }
  const reply = await call('user.me', {});
  if (!reply.ok) throw new Error(`user.me: ${reply.code}`);
  return reply.data.openid;
}

/** Where a photo goes in storage: the uploader's own folder, under a random name so photos never collide. */
function cloudPathFor(openid: string, typeHint: string): string {
  const ext = /[./](jpe?g|png|gif|webp)$/i.exec(typeHint)?.[1]?.toLowerCase() ?? 'jpg';
  return `${uploadFolderOf(openid)}${newRequestId()}.${ext}`;
}

/**
 * Uploads one chosen photo, first fitted for WeChat's image check (photo-fit.ts; every published photo goes
 * through it, and it takes nothing over 1 MB); weapp to cloud storage, H5 to the emulator's storage.
 */
export async function uploadPhoto(localPath: string): Promise<UploadResult> {
  try {
    const openid = await uploaderOpenid();
    const fitted = await fitPhoto(localPath);
    if (fitted.kind === 'tooLarge') return { ok: false, message: PHOTO_TOO_LARGE_MESSAGE, tooLarge: true };
    if (fitted.kind === 'file') {
      const res = await Taro.cloud.uploadFile({ cloudPath: cloudPathFor(openid, fitted.path), filePath: fitted.path });
      return { ok: true, fileID: res.fileID };
    }
    // On H5 a photo is a blob with no name; its MIME type names the format.
    const blob = fitted.blob;
    const res = await fetch(`/__emulator/upload?cloudPath=${encodeURIComponent(cloudPathFor(openid, blob.type))}`, {
      method: 'POST',
      body: blob,
      headers: { 'Content-Type': blob.type || 'application/octet-stream', 'X-Linli-OpenId': openid },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { fileID } = (await res.json()) as { fileID: string };
    return { ok: true, fileID };
  } catch (err) {
    console.warn('[upload] failed', err);
    return { ok: false, message: '图片上传失败，请检查网络后重试' };
  }
}

/** A document the user picked (a roster sheet): its name, and on weapp its local path, on H5 the file itself. */
export interface PickedDocument {
  name: string;
  size: number;
  source: string | Blob;
}

/**
 * Uploads a picked document into the uploader's own folder, keeping its extension (the roster function reads the
 * bytes, not the name, to tell XLSX from CSV); weapp to cloud storage, H5 to the emulator's storage.
 */
export async function uploadDocument(doc: PickedDocument): Promise<UploadResult> {
  try {
    const openid = await uploaderOpenid();
    const ext = /\.(xlsx|csv)$/i.exec(doc.name)?.[1]?.toLowerCase() ?? 'bin';
    const cloudPath = `${uploadFolderOf(openid)}${newRequestId()}.${ext}`;
    if (typeof doc.source === 'string') {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: doc.source });
      return { ok: true, fileID: res.fileID };
    }
    const res = await fetch(`/__emulator/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      body: doc.source,
      headers: { 'Content-Type': 'application/octet-stream', 'X-Linli-OpenId': openid },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { fileID } = (await res.json()) as { fileID: string };
    return { ok: true, fileID };
  } catch (err) {
    console.warn('[upload] document failed', err);
    return { ok: false, message: '文件上传失败，请检查网络后重试' };
  }
}
