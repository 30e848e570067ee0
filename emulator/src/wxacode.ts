// The stand-in for wxacode.getUnlimited: WeChat draws a round mini-program code only its own scanner reads; the
// emulator draws an ordinary QR code of the same request instead, so a local flow gets a real, scannable PNG.
import { PNG } from 'pngjs';
import qrcode from 'qrcode-generator';

/** What the stand-in's QR code says: the page and the scene, as the join page will receive them (getUnlimited). */
export function wxacodeText(page: string, scene: string): string {
  return `linli-wxacode:${page}?scene=${encodeURIComponent(scene)}`;
}

/** What the stand-in's QR code says for wxacode.get / createQRCode: the path (page and query) as given. */
export function wxacodePathText(path: string): string {
  return `linli-wxacode:${path}`;
}

/** The module matrix of `text` (true = dark), at error level M, the smallest version that holds it. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** Light modules around the code, as the QR standard asks. */
export const QUIET_MODULES = 4;

/** A black-on-white PNG of `modules`, about `width` pixels wide (whole pixels per module). */
export function qrPng(modules: boolean[][], width: number): Buffer {
  const span = modules.length + 2 * QUIET_MODULES;
  const scale = Math.max(1, Math.floor(width / span));
  const side = span * scale;
  const png = new PNG({ width: side, height: side, colorType: 2 });
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QUIET_MODULES;
      const col = Math.floor(x / scale) - QUIET_MODULES;
      const dark = modules[row]?.[col] === true;
      const i = (y * side + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

export type WxacodeAnswer = { errcode: number; errmsg: string } | { contentType: 'image/png'; buffer: Buffer };

/** WeChat's scene: at most 32 visible characters of the set it names. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** wxacode.getUnlimited: errors as WeChat words them, else the image (the SDK hands it over as `buffer`). */
export function getUnlimited(params: Record<string, unknown>): WxacodeAnswer {
  const scene = params.scene;
  const page = params.page ?? 'pages/index/index';
  if (typeof scene !== 'string' || !SCENE.test(scene)) return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
  if (typeof page !== 'string' || page.startsWith('/') || page === '')
    return { errcode: 41030, errmsg: 'invalid page rid: page must not start with /' };
  const width = Math.min(1280, Math.max(280, Number(params.width) || 430));
  return { contentType: 'image/png', buffer: qrPng(qrModules(wxacodeText(page, scene)), width) };
}

/**
 * wxacode.get and wxacode.createQRCode: a code for `path` (a page with its query). WeChat limits the path to
 * 1024 characters for get and 128 bytes for createQRCode, and answers 40159 for an empty or longer one.
 */
export function getByPath(params: Record<string, unknown>, api: 'get' | 'createQRCode'): WxacodeAnswer {
  const path = params.path;
  const tooLong = (p: string) => (api === 'get' ? p.length > 1024 : Buffer.byteLength(p) > 128);
  if (typeof path !== 'string' || path === '' || tooLong(path))
    return { errcode: 40159, errmsg: 'invalid length for path, or the data is not json string' };
  const width = Math.min(1280, Math.max(280, Number(params.width) || 430));
  return { contentType: 'image/png', buffer: qrPng(qrModules(wxacodePathText(path)), width) };
}
