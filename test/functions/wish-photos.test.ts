import { newWish, useEmulator } from './call';
import { li, liu, wang, zhang } from './personas';

const env = useEmulator();
const { call } = env;

/** Stores a "photo" as `openid` the way the H5 app uploads one; the marker bytes drive the emulator's image check. */
async function upload(name: string, marker = '', openid = wang): Promise<string> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${name} ${marker}`)]);
  return (await env.emu.upload(openid, png, name)).fileID;
}

describe('photos on wishes', () => {
  it('a clean photo is stored and served back through a temporary URL', async () => {
    const fileID = await upload('kitchen');
    const reply = await call(wang, 'wish.create', { ...newWish, photos: [fileID] });
    expect(reply).toMatchObject({ ok: true });
    const [photo] = reply.data.wish.photos;
    expect(photo.fileID).toBe(fileID);
    const served = await fetch(photo.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).toString()).toContain('photo kitchen');
  });

  it('a risky photo refuses the whole wish and writes nothing', async () => {
    const photos = [await upload('ok'), await upload('bad', 'LINLI-RISKY')];
    expect(await call(wang, 'wish.create', { ...newWish, photos })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    expect((await call(wang, 'wish.listMine')).data.items).toEqual([]);
  });

  it('a photo that needs review holds the wish for moderation', async () => {
    const reply = await call(wang, 'wish.create', { ...newWish, photos: [await upload('hmm', 'LINLI-REVIEW')] });
    expect(reply.data.wish).toMatchObject({ status: 'submitted', heldForReview: true });
  });

  it('proof photos are checked too, and a risky one leaves the service unfinished', async () => {
    const wish = (await call(wang, 'wish.create', newWish)).data.wish;
    await call(liu, 'wish.approve', { wishId: wish.id, points: 10 });
    await call(zhang, 'wish.claim', { wishId: wish.id });
    await call(zhang, 'wish.checkIn', { wishId: wish.id });
    const bad = await call(zhang, 'wish.complete', { wishId: wish.id, proof: '灯泡已换好', photos: [await upload('proof', 'LINLI-RISKY', zhang)] });
    expect(bad).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    const good = await call(zhang, 'wish.complete', { wishId: wish.id, proof: '灯泡已换好', photos: [await upload('proof2', '', zhang)] });
    expect(good.data.wish).toMatchObject({ status: 'done', proof: { text: '灯泡已换好' } });
    expect(good.data.wish.proof.photos[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('a photo over 1 MB, more than WeChat’s image check takes, is refused with what to do, and nothing is stored', async () => {
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1024 * 1024)]);
    const fileID = (await env.emu.upload(wang, big, 'big.png')).fileID;
    const reply = await call(wang, 'wish.create', { ...newWish, photos: [await upload('small'), fileID] });
    expect(reply).toMatchObject({ ok: false, code: 'PHOTO_TOO_LARGE', message: '照片太大，无法检查，请删掉这张照片，换一张或裁剪后重新上传' });
    expect((await call(wang, 'wish.listMine')).data.items).toEqual([]);
    // Exactly 1 MB is still taken.
    const fits = (await env.emu.upload(wang, big.subarray(0, 1024 * 1024), 'fits.png')).fileID;
    expect(await call(wang, 'wish.create', { ...newWish, photos: [fits] })).toMatchObject({ ok: true });
  });

  it('a photo that was never uploaded (or is gone) is bad input, not a failure of ours', async () => {
    const fileID = await upload('kitchen');
    const missing = fileID.replace(/kitchen-[0-9a-f]+\.png$/, 'never-uploaded.png');
    const reply = await call(wang, 'wish.create', { ...newWish, photos: [missing] });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '照片不存在或已过期，请重新上传' });
    expect((await call(wang, 'wish.listMine')).data.items).toEqual([]);
  });

  it('accepts only the caller’s own uploads: another person’s photo is refused and no link to it is handed out', async () => {
    const theirs = await upload('li-private', '', li);
    const reply = await call(wang, 'wish.create', { ...newWish, photos: [theirs] });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '只能使用你自己上传的照片，请重新上传' });
    expect((await call(wang, 'wish.listMine')).data.items).toEqual([]);

    const wish = (await call(wang, 'wish.create', newWish)).data.wish;
    await call(liu, 'wish.approve', { wishId: wish.id, points: 10 });
    await call(zhang, 'wish.claim', { wishId: wish.id });
    await call(zhang, 'wish.checkIn', { wishId: wish.id });
    const proof = await call(zhang, 'wish.complete', { wishId: wish.id, proof: '灯泡已换好', photos: [await upload('kitchen')] });
    expect(proof).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('refuses a photo reference that is not a cloud file id', async () => {
    const reply = await call(wang, 'wish.create', { ...newWish, photos: ['http://evil.example/x.png'] });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: 'photos.0', message: '图片地址无效，请重新上传' }] });
  });
});
