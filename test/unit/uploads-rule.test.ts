// Client uploads go to `uploads/<openid>/…`: Linli's functions read that convention (src/shared/domain/uploads.ts) and
// the emulator enforces it on the H5 app's uploads (emulator/src/uploads.ts), which imports nothing of Linli's. The two
// must agree, or the emulator would accept an upload that a function then refuses as not the caller's (or the reverse).
import * as emulator from '../../emulator/src/uploads';
import * as linli from '../../src/shared/domain/uploads';

describe('the upload folder rule, in Linli and in the emulator', () => {
  it('names the same folder', () => {
    for (const openid of ['demo-resident-li', 'o_AbC-123', 'x']) expect(emulator.uploadFolderOf(openid)).toBe(linli.uploadFolderOf(openid));
  });

  it.each([
    ['uploads/u1/a.png', 'u1'],
    ['uploads/u1/deep/a.png', 'u1'],
    ['uploads/u1/', 'u1'],
    ['uploads/u1/../u2/a.png', 'u1'],
    ['uploads/u1/./a.png', 'u1'],
    ['uploads/u1//a.png', 'u1'],
    ['uploads/u1/a\\b.png', 'u1'],
    ['uploads/u2/a.png', 'u1'],
    ['uploads/u1x/a.png', 'u1'],
    ['seed/mall/a.png', 'u1'],
    ['uploads/../a.png', '..'],
    ['uploads/a b/c.png', 'a b'],
  ])('judges %s for %s alike', (cloudPath, openid) => {
    expect(emulator.isInUploadFolder(cloudPath, openid)).toBe(linli.isInUploadFolder(cloudPath, openid));
  });
});
