import { asTarget } from './fakes';

/** A fake weapp: each path's pixel size and byte size, and what compressImage makes of a quality. */
const images = new Map<string, { width: number; height: number; orientation?: string; size: number }>();
let compressedSize: (quality: number) => number = () => 0;
const compressImage = jest.fn(async ({ quality }: { src: string; quality: number }) => {
  const tempFilePath = `wxfile://tmp/q${quality}.jpg`;
  images.set(tempFilePath, { width: 0, height: 0, size: compressedSize(quality) });
  return { tempFilePath };
});
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getImageInfo: async ({ src }: { src: string }) => ({ orientation: 'up', type: 'jpeg', ...images.get(src)! }),
    compressImage: (option: { src: string; quality: number }) => compressImage(option),
    getFileSystemManager: () => ({
      getFileInfo: ({ filePath, success }: { filePath: string; success: (res: { size: number }) => void }) =>
        success({ size: images.get(filePath)!.size }),
    }),
  },
}));

import { fitPhoto } from '../../../src/services/photo-fit';

const MB = 1024 * 1024;

describe('fitting a photo on weapp', () => {
  beforeEach(() => {
    asTarget('weapp');
    images.clear();
    compressImage.mockClear();
  });

  it('keeps a photo that already fits as it is', async () => {
    images.set('wxfile://tmp/small.jpg', { width: 720, height: 960, size: 300_000 });
    expect(await fitPhoto('wxfile://tmp/small.jpg')).toEqual({ kind: 'file', path: 'wxfile://tmp/small.jpg' });
    expect(compressImage).not.toHaveBeenCalled();
  });

  it('scales a big photo into 750×1334 and steps the quality down until it is at most 1 MB', async () => {
    images.set('wxfile://tmp/big.jpg', { width: 3000, height: 4000, size: 4 * MB });
    compressedSize = (quality) => (quality >= 80 ? 1.2 * MB : quality >= 70 ? 1.01 * MB : 0.8 * MB);
    expect(await fitPhoto('wxfile://tmp/big.jpg')).toEqual({ kind: 'file', path: 'wxfile://tmp/q60.jpg' });
    expect(compressImage.mock.calls.map(([option]) => option)).toEqual(
      [80, 70, 60].map((quality) => ({ src: 'wxfile://tmp/big.jpg', quality, compressedWidth: 750, compressedHeight: 1000 })),
    );
  });

  it('a small file with too many pixels is scaled too', async () => {
    images.set('wxfile://tmp/wide.png', { width: 2000, height: 500, size: 200_000 });
    compressedSize = () => 100_000;
    expect(await fitPhoto('wxfile://tmp/wide.png')).toEqual({ kind: 'file', path: 'wxfile://tmp/q80.jpg' });
    expect(compressImage).toHaveBeenCalledWith(expect.objectContaining({ compressedWidth: 1334, compressedHeight: 334 }));
  });

  it('a quarter-turned photo is given only its short side as the width, so it fits whichever way it is turned', async () => {
    images.set('wxfile://tmp/turned.jpg', { width: 4000, height: 3000, orientation: 'right', size: 3 * MB });
    compressedSize = () => 0.5 * MB;
    await fitPhoto('wxfile://tmp/turned.jpg');
    expect(compressImage.mock.calls[0][0]).toEqual({ src: 'wxfile://tmp/turned.jpg', quality: 80, compressedWidth: 750 });
  });

  it('says tooLarge when even the lowest quality is over 1 MB', async () => {
    images.set('wxfile://tmp/noise.jpg', { width: 3000, height: 4000, size: 9 * MB });
    compressedSize = () => 1.5 * MB;
    expect(await fitPhoto('wxfile://tmp/noise.jpg')).toEqual({ kind: 'tooLarge' });
    expect(compressImage.mock.calls.map(([option]) => option.quality)).toEqual([80, 70, 60, 50, 40, 30]);
  });
});
