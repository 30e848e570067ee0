import { newWish, useEmulator } from './call';
import { liu, wang, zhang } from './personas';

const env = useEmulator();
const { call } = env;

/** Stores a "photo" the way the H5 app uploads one; the marker bytes drive the emulator's image check. */
async function upload(name: string, marker = ''): Promise<string> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${name} ${marker}`)]);
  const res = await env.emu.fetch(`/__emulator/upload?cloudPath=wishes/${name}.png`, { method: 'POST', body: png });
  expect(res.status).toBe(200);
  return ((await res.json()) as { fileID: string }).fileID;
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
    const bad = await call(zhang, 'wish.complete', { wishId: wish.id, proof: '灯泡已换好', photos: [await upload('proof', 'LINLI-RISKY')] });
    expect(bad).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    const good = await call(zhang, 'wish.complete', { wishId: wish.id, proof: '灯泡已换好', photos: [await upload('proof2')] });
    expect(good.data.wish).toMatchObject({ status: 'done', proof: { text: '灯泡已换好' } });
    expect(good.data.wish.proof.photos[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('refuses a photo reference that is not a cloud file id', async () => {
    const reply = await call(wang, 'wish.create', { ...newWish, photos: ['http://evil.example/x.png'] });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: 'photos.0', message: '图片地址无效，请重新上传' }] });
  });
});
