import { IMG_SEC_CHECK_MAX_BYTES } from '../../emulator/src/openapi';
import { fittedSize, IMAGE_CHECK_MAX_BYTES, PHOTO_QUALITY_STEPS, photoFits, withinBox } from '../../src/shared/domain/photo-fit';

describe('fitting a photo for WeChat’s image check', () => {
  it('scales a phone photo down into 750×1334, keeping its aspect, whichever way round it is', () => {
    expect(fittedSize({ width: 3000, height: 4000 })).toEqual({ width: 750, height: 1000 });
    expect(fittedSize({ width: 4000, height: 3000 })).toEqual({ width: 1000, height: 750 });
    // A tall screenshot is held by its long side.
    expect(fittedSize({ width: 1170, height: 2532 })).toEqual({ width: 616, height: 1334 });
    expect(fittedSize({ width: 2532, height: 1170 })).toEqual({ width: 1334, height: 616 });
    // A panorama: 1334 long, the short side scaled with it.
    expect(fittedSize({ width: 8000, height: 1000 })).toEqual({ width: 1334, height: 167 });
  });

  it('never enlarges a photo that already fits, and fits every result in the box', () => {
    expect(fittedSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
    expect(fittedSize({ width: 750, height: 1334 })).toEqual({ width: 750, height: 1334 });
    for (const [w, h] of [
      [2999, 4001],
      [751, 1335],
      [1334, 751],
      [7, 10000],
      [3024, 4032],
    ]) {
      const fitted = fittedSize({ width: w, height: h });
      expect([w, h, withinBox(fitted)]).toEqual([w, h, true]);
      expect(fitted.width).toBeGreaterThanOrEqual(1);
      // The aspect is kept within a pixel's rounding.
      expect(Math.abs(fitted.width / fitted.height - w / h)).toBeLessThan(w / h / Math.min(fitted.width, fitted.height) + 1e-9);
    }
  });

  it('an 800×600 photo fits as it is, but not at 1334×751 or over 1 MB', () => {
    expect(photoFits({ width: 800, height: 600 }, 500_000)).toBe(true);
    expect(photoFits({ width: 1334, height: 750 }, IMAGE_CHECK_MAX_BYTES)).toBe(true);
    expect(photoFits({ width: 1334, height: 751 }, 500_000)).toBe(false);
    expect(photoFits({ width: 800, height: 600 }, IMAGE_CHECK_MAX_BYTES + 1)).toBe(false);
    expect(IMAGE_CHECK_MAX_BYTES).toBe(1024 * 1024);
  });

  it('steps the JPEG quality down, from good to still readable', () => {
    expect([...PHOTO_QUALITY_STEPS].sort((a, b) => b - a)).toEqual([...PHOTO_QUALITY_STEPS]);
    expect(PHOTO_QUALITY_STEPS[0]).toBeLessThanOrEqual(0.9);
    expect(PHOTO_QUALITY_STEPS[PHOTO_QUALITY_STEPS.length - 1]).toBeGreaterThanOrEqual(0.3);
  });
});

// The emulator's imgSecCheck stands in for WeChat's and imports nothing of Linli's: the two limits must agree, or a
// photo the app fits would be refused locally (or one the cloud refuses would pass here).
test('the limit the app fits photos to is the one the emulator’s image check applies', () => {
  expect(IMAGE_CHECK_MAX_BYTES).toBe(IMG_SEC_CHECK_MAX_BYTES);
});
