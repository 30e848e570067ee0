// Small PNG pictures drawn by code (no image files in the repo, no dependency): flat shapes on a tinted
// square, enough for the demo 积分超市 to show what each item is. PNG because the weapp's Image takes no SVG.
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
/** A filled region in a 100 × 100 picture space; later shapes paint over earlier ones. */
type Shape = { color: Rgb; inside: (x: number, y: number) => boolean };
export interface Picture {
  background: Rgb;
  shapes: Shape[];
}

const hex = (h: string): Rgb => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

export const ellipse = (color: string, cx: number, cy: number, rx: number, ry = rx): Shape => ({
  color: hex(color),
  inside: (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1,
});

export const ring = (color: string, cx: number, cy: number, outer: number, inner: number): Shape => ({
  color: hex(color),
  inside: (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= outer && d >= inner;
  },
});

/** A rectangle from (x0, y0) to (x1, y1) with corners rounded by r. */
export const box = (color: string, x0: number, y0: number, x1: number, y1: number, r = 0): Shape => ({
  color: hex(color),
  inside: (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  },
});

export function picture(background: string, shapes: Shape[]): Picture {
  return { background: hex(background), shapes };
}

/** 3 × 3 samples a pixel, so curved edges come out smooth. */
const SAMPLES = [1 / 6, 1 / 2, 5 / 6];

function pixel(p: Picture, scale: number, px: number, py: number): Rgb {
  const sum = [0, 0, 0];
  for (const sy of SAMPLES) {
    for (const sx of SAMPLES) {
      const x = (px + sx) * scale;
      const y = (py + sy) * scale;
      let color = p.background;
      for (const s of p.shapes) if (s.inside(x, y)) color = s.color;
      for (let c = 0; c < 3; c++) sum[c] += color[c];
    }
  }
  const n = SAMPLES.length ** 2;
  return [Math.round(sum[0] / n), Math.round(sum[1] / n), Math.round(sum[2] / n)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The picture as a size × size RGB PNG. */
export function toPng(p: Picture, size: number): Buffer {
  const scale = 100 / size;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0: the row as is
    for (let x = 0; x < size; x++) Buffer.from(pixel(p, scale, x, y)).copy(row, 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
