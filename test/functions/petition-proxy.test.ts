import { ok, useEmulator } from './call';
import { ramp, upload, verified } from './petition-fixtures';
import { liu, sun, wang, zhang, zhao } from './personas';

const env = useEmulator();
const { call } = env;

const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const virtue = async (who: string) => ok(await call(who, 'points.balance')).balances.find((b: any) => b.asset === 'virtue')?.balance ?? 0;
const wangContacts = /王秀英|13800001001|1单元302/;

/** 刘芳 takes a case of her grid and closes it on the spot, with the photos that needs. */
async function acceptAndResolve(id: string): Promise<void> {
  ok(await call(liu, 'petition.accept', { petitionId: id }));
  const [before, after] = [await upload(env.emu, liu, `before-${id}`), await upload(env.emu, liu, `after-${id}`)];
  ok(await call(liu, 'petition.resolve', { petitionId: id, feedback: '已当场修补坡道', beforePhotos: [before], afterPhotos: [after] }));
  // She cannot verify her own work: the community checks it on site.
  await verified(call, env.emu, id, sun);
}

describe('红色代办 stays within the filer’s grid (security issue 9.1)', () => {
  it('赵强 (第二网格) cannot file for 王秀英 (第一网格): refused, nothing written, nothing of her shown', async () => {
    const attack = await call(zhao, 'petition.create', { ...ramp, onBehalfOf: { residentId: wang } });
    refused(attack, 'FORBIDDEN_SCOPE');
    expect(JSON.stringify(attack)).not.toMatch(wangContacts);
    expect(ok(await call(wang, 'petition.listMine')).items).toEqual([]);
    expect(ok(await call(zhao, 'petition.listMine', { kind: 'filed' })).items).toEqual([]);
    expect(await virtue(wang)).toBe(0);
  });

  it('a grid worker cannot file for anyone outside their grid, place a proxy case in another grid, or file for themselves', async () => {
    const inGrid2 = { kind: 'building', buildingId: 'building-5' };
    refused(await call(liu, 'petition.create', { ...ramp, location: inGrid2, onBehalfOf: { residentId: wang } }), 'PETITION_PLACE_INVALID');
    refused(await call(liu, 'petition.create', { ...ramp, location: inGrid2, onBehalfOf: { name: '赵大爷' } }), 'PETITION_PLACE_INVALID');
    refused(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { residentId: liu } }), 'FORBIDDEN_SCOPE');
    expect(ok(await call(liu, 'petition.listMine', { kind: 'filed' })).items).toEqual([]);
    const own = ok(await call(zhao, 'petition.create', { ...ramp, location: inGrid2, onBehalfOf: { name: '赵大爷' } })).petition;
    expect(own).toMatchObject({ gridName: '第二网格', reporter: { name: '赵大爷', proxy: true, filedBy: '赵强' } });
  });

  it('a case filed for a registered resident earns her credit only when she rates it herself; the filer cannot rate it', async () => {
    const id = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { residentId: wang } })).petition.id;
    await acceptAndResolve(id);
    expect(await virtue(wang)).toBe(0);
    refused(await call(liu, 'petition.rate', { petitionId: id, rating: 'satisfied' }), 'PETITION_NOT_REPORTER');
    expect(ok(await call(wang, 'petition.get', { petitionId: id })).petition).toMatchObject({ status: 'resolved', rates: 'reporter' });
    const rated = ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied' })).petition;
    expect(rated).toMatchObject({ status: 'closed', outcome: 'rated', rating: { value: 'satisfied', byProxy: false } });
    expect(await virtue(wang)).toBe(2);
  });

  it('for someone not registered the filer relays the rating as 代评, which counts as no satisfaction', async () => {
    const id = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { name: '赵大爷', phone: '13900001111' } })).petition.id;
    await acceptAndResolve(id);
    expect(ok(await call(liu, 'petition.get', { petitionId: id })).petition.rates).toBe('proxy');
    refused(await call(zhang, 'petition.rate', { petitionId: id, rating: 'satisfied' }), 'PETITION_NOT_REPORTER');
    const p = ok(await call(liu, 'petition.rate', { petitionId: id, rating: 'satisfied' })).petition;
    expect(p).toMatchObject({ status: 'closed', outcome: 'unrated', rating: { value: 'satisfied', byProxy: true }, rates: null });
    expect(ok(await call(sun, 'petition.get', { petitionId: id })).petition.timeline.at(-1)).toMatchObject({ event: 'rate', note: '代评：满意' });
  });
});
