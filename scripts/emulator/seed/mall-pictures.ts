// Pictures of the demo 积分超市's goods, drawn at seed time into the emulator's file storage. The 理发券
// has none on purpose: the shelf then shows how an item without a picture looks.
import { box, ellipse, picture, ring, toPng, type Picture } from './pictures';

const SIZE = 192;

const drawings: Record<string, Picture> = {
  // A sack of rice with a red label.
  'mall-rice': picture('#f6efe1', [
    box('#d9bf8a', 40, 16, 60, 30, 4),
    box('#ead7ad', 26, 26, 74, 88, 12),
    box('#d8483c', 34, 48, 66, 70, 4),
    ellipse('#ffffff', 42, 59, 3, 5),
    ellipse('#ffffff', 50, 59, 3, 5),
    ellipse('#ffffff', 58, 59, 3, 5),
  ]),
  // A bottle of peanut oil.
  'mall-oil': picture('#fbf6dc', [
    box('#2e7d32', 42, 10, 58, 20, 3),
    box('#f2c230', 44, 18, 56, 36),
    box('#f2c230', 32, 32, 68, 90, 10),
    box('#ffffff', 32, 54, 68, 72),
    box('#2e7d32', 32, 60, 68, 66),
  ]),
  // Three eggs in a carton.
  'mall-eggs': picture('#f3ebe0', [
    ellipse('#fffaf0', 30, 48, 12, 16),
    ellipse('#f5e3c8', 50, 44, 12, 16),
    ellipse('#fffaf0', 70, 48, 12, 16),
    box('#c9a57a', 12, 56, 88, 84, 6),
    box('#b58f62', 12, 56, 88, 62),
  ]),
  // A jug of detergent with its handle.
  'mall-detergent': picture('#e6f1fb', [
    ring('#2b7de9', 64, 30, 13, 6),
    box('#ffffff', 34, 14, 48, 28, 3),
    box('#2b7de9', 26, 26, 74, 90, 10),
    ellipse('#ffffff', 50, 60, 13),
    ellipse('#8fc1ff', 50, 60, 7),
  ]),
  // A pack of tissues with one pulled up.
  'mall-tissue': picture('#eef6f0', [
    ellipse('#ffffff', 50, 38, 12, 16),
    box('#7cc59a', 16, 44, 84, 86, 8),
    ellipse('#4f9d72', 50, 50, 16, 4),
    box('#ffffff', 16, 70, 84, 74),
  ]),
};

export const mallPicturePath = (itemId: string) => `seed/mall/${itemId}.png`;

let drawn: Map<string, Buffer> | null = null;

/** The drawn pictures by item id, made once per process (the seed runs on every reset). */
export function mallPictures(): Map<string, Buffer> {
  drawn ??= new Map(Object.entries(drawings).map(([id, p]) => [id, toPng(p, SIZE)]));
  return drawn;
}
