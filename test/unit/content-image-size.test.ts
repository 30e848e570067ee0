// How the content gate answers WeChat's image check about size, with the cloud SDK faked: the emulator's own
// imgSecCheck is never asked about an image over 1 MB (the gate refuses it first), so WeChat's 40006 for one it
// judges too big all the same is shown here.
const imgSecCheck = jest.fn();
const downloadFile = jest.fn();
jest.mock('../../cloudfunctions/_lib/platform/runtime', () => ({
  cloud: { downloadFile: (...a: unknown[]) => downloadFile(...a), openapi: { security: { imgSecCheck: (...a: unknown[]) => imgSecCheck(...a) } } },
}));
jest.mock('../../cloudfunctions/_lib/platform/files', () => ({ assertOwnPhotos: async () => undefined }));

import { assertPublishable } from '../../cloudfunctions/_lib/platform/content';
import { IMAGE_CHECK_MAX_BYTES } from '../../src/shared/domain/photo-fit';

const photo = 'cloud://linli-local.bucket/uploads/demo-resident-wang/a.jpg';

beforeEach(() => {
  imgSecCheck.mockReset();
  downloadFile.mockReset();
});

describe('photos and the size WeChat’s image check takes', () => {
  it('a photo over 1 MB is refused as PHOTO_TOO_LARGE without asking WeChat', async () => {
    downloadFile.mockResolvedValue({ fileContent: Buffer.alloc(IMAGE_CHECK_MAX_BYTES + 1) });
    await expect(assertPublishable('demo-resident-wang', undefined, [photo])).rejects.toMatchObject({ code: 'PHOTO_TOO_LARGE' });
    expect(imgSecCheck).not.toHaveBeenCalled();
  });

  it('WeChat’s 40006 invalid media size is the same refusal; 87014 is risky; other failures stay failures', async () => {
    downloadFile.mockResolvedValue({ fileContent: Buffer.alloc(1000) });
    imgSecCheck.mockRejectedValueOnce(Object.assign(new Error('errCode: 40006 invalid media size'), { errCode: 40006 }));
    await expect(assertPublishable('demo-resident-wang', undefined, [photo])).rejects.toMatchObject({ code: 'PHOTO_TOO_LARGE' });
    imgSecCheck.mockRejectedValueOnce(Object.assign(new Error('errCode: 87014 risky content'), { errCode: 87014 }));
    await expect(assertPublishable('demo-resident-wang', undefined, [photo])).rejects.toMatchObject({ code: 'CONTENT_RISKY' });
    imgSecCheck.mockRejectedValueOnce(Object.assign(new Error('errCode: -1 system error'), { errCode: -1 }));
    await expect(assertPublishable('demo-resident-wang', undefined, [photo])).rejects.not.toHaveProperty('code', 'PHOTO_TOO_LARGE');
  });

  it('a photo of 1 MB goes to the check with its bytes', async () => {
    const bytes = Buffer.alloc(IMAGE_CHECK_MAX_BYTES, 7);
    downloadFile.mockResolvedValue({ fileContent: bytes });
    imgSecCheck.mockResolvedValue({ errCode: 0 });
    await expect(assertPublishable('demo-resident-wang', undefined, [photo])).resolves.toBe('pass');
    expect(imgSecCheck.mock.calls[0][0].media.value).toBe(bytes);
  });
});
