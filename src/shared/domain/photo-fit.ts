/**
 * What a photo must be for WeChat's image check (security.imgSecCheck), which every published photo goes through:
 * at most 1 MB ("图片大小限制：1M"; more answers 40006 invalid media size) and at most 750px × 1334px. Phones take
 * bigger pictures than that, so the app fits each photo before uploading it, and the functions refuse one that
 * still does not fit rather than asking WeChat about it.
 */
export const IMAGE_CHECK_MAX_BYTES = 1024 * 1024;

/** The pixel box, by long and short side: a landscape photo may be 1334 wide and 750 high. */
export const IMAGE_CHECK_BOX = { long: 1334, short: 750 } as const;

/**
 * The JPEG qualities tried in turn (0–1, as canvas.toBlob takes them; ×100 for wx.compressImage) until the photo
 * fits in 1 MB. A 750×1334 photo is a few hundred KB at the first; the last is still readable on a phone.
 */
export const PHOTO_QUALITY_STEPS = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3] as const;

export interface PixelSize {
  width: number;
  height: number;
}

/** Whether a width × height fits the box either way round. */
export function withinBox({ width, height }: PixelSize, box: { long: number; short: number } = IMAGE_CHECK_BOX): boolean {
  return Math.max(width, height) <= box.long && Math.min(width, height) <= box.short;
}

/**
 * The largest size with the photo's aspect that fits the box (its long side against the box's long side, short
 * against short), never larger than the photo itself; whole pixels, at least 1.
 */
export function fittedSize(size: PixelSize, box: { long: number; short: number } = IMAGE_CHECK_BOX): PixelSize {
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return { width: Math.max(1, Math.round(width) || 1), height: Math.max(1, Math.round(height) || 1) };
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale = Math.min(1, box.long / long, box.short / short);
  if (scale === 1) return { width, height };
  // Rounded, then held to the box: the side that sets the scale lands exactly on the box's edge.
  const side = (px: number, limit: number) => Math.max(1, Math.min(limit, Math.round(px * scale)));
  return width >= height
    ? { width: side(width, box.long), height: side(height, box.short) }
    : { width: side(width, box.short), height: side(height, box.long) };
}

/** Whether a photo can go to the image check as it is. */
export function photoFits(size: PixelSize, bytes: number): boolean {
  return bytes <= IMAGE_CHECK_MAX_BYTES && withinBox(size);
}
