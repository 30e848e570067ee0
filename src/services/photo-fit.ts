import Taro from '@tarojs/taro';
import { fittedSize, IMAGE_CHECK_MAX_BYTES, PHOTO_QUALITY_STEPS, photoFits, type PixelSize } from '../shared/domain/photo-fit';

/**
 * A chosen photo made small enough for WeChat's image check (≤ 750×1334 px, ≤ 1 MB, see shared/domain/photo-fit.ts),
 * by the platform's own means: on weapp a local file path, on H5 the image's bytes. `tooLarge` when no quality step
 * brought it under 1 MB (or it could not be read as a picture and is over 1 MB as it is): nothing should be uploaded.
 */
export type FittedPhoto = { kind: 'file'; path: string } | { kind: 'blob'; blob: Blob } | { kind: 'tooLarge' };

export function fitPhoto(localPath: string): Promise<FittedPhoto> {
  return process.env.TARO_ENV === 'weapp' ? fitOnWeapp(localPath) : fitInBrowser(localPath);
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({ filePath, success: (res) => resolve(res.size), fail: reject });
  });
}

/** EXIF orientations that turn the picture a quarter: getImageInfo's width and height are the unturned ones. */
const QUARTER_TURNS = new Set(['left', 'right', 'left-mirrored', 'right-mirrored']);

/**
 * wx.compressImage with compressedWidth / compressedHeight (base library 2.26.0; the project's is 3.4.0) scales
 * and re-encodes in one step; each quality step starts again from the original.
 */
async function fitOnWeapp(localPath: string): Promise<FittedPhoto> {
  const [info, bytes] = await Promise.all([Taro.getImageInfo({ src: localPath }), fileSize(localPath)]);
  if (photoFits(info, bytes)) return { kind: 'file', path: localPath };
  const target = fittedSize(info);
  // For a quarter-turned photo it is not documented whether the width given means before or after the turn: given
  // only the short side as the width, the result fits the box either way, with its aspect kept.
  const box = QUARTER_TURNS.has(info.orientation)
    ? { compressedWidth: Math.min(target.width, target.height) }
    : { compressedWidth: target.width, compressedHeight: target.height };
  for (const quality of PHOTO_QUALITY_STEPS) {
    const { tempFilePath } = await Taro.compressImage({ src: localPath, quality: Math.round(quality * 100), ...box });
    if ((await fileSize(tempFilePath)) <= IMAGE_CHECK_MAX_BYTES) return { kind: 'file', path: tempFilePath };
  }
  return { kind: 'tooLarge' };
}

function jpegOf(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** H5: the browser decodes the photo (turned by its EXIF orientation), a canvas scales it, toBlob re-encodes it. */
async function fitInBrowser(localPath: string): Promise<FittedPhoto> {
  const original = await (await fetch(localPath)).blob();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(original);
  } catch {
    // Not a picture this browser can read: the image check will say what it is, if it can take it at all.
    return original.size <= IMAGE_CHECK_MAX_BYTES ? { kind: 'blob', blob: original } : { kind: 'tooLarge' };
  }
  try {
    const size: PixelSize = { width: bitmap.width, height: bitmap.height };
    if (photoFits(size, original.size)) return { kind: 'blob', blob: original };
    const target = fittedSize(size);
    const canvas = document.createElement('canvas');
    canvas.width = target.width;
    canvas.height = target.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return { kind: 'tooLarge' };
    // JPEG has no transparency: a PNG's clear parts become white, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, target.width, target.height);
    ctx.drawImage(bitmap, 0, 0, target.width, target.height);
    for (const quality of PHOTO_QUALITY_STEPS) {
      const blob = await jpegOf(canvas, quality);
      if (blob && blob.size <= IMAGE_CHECK_MAX_BYTES) return { kind: 'blob', blob };
    }
    return { kind: 'tooLarge' };
  } finally {
    bitmap.close();
  }
}
