import { ok, useEmulator } from './call';
import { consent, file, ramp, sent, upload } from './petition-fixtures';
import { chen, li, liu, sun, wang, zhang, zhao } from './personas';

const env = useEmulator();
const { call } = env;

describe('intake', () => {
  it('lists the category tree and the departments a street can summon', async () => {
    const { categories, departments } = ok(await call(li, 'petition.categories'));
    expect(categories.filter((c: any) => c.parentId === null).map((c: any) => c.name)).toEqual([
      '环境卫生',
      '公共设施',
      '安全隐患',
      '矛盾纠纷',
      '物业供暖',
      '无障碍设施',
      '其他',
    ]);
    expect(categories.find((c: any) => c.id === 'heating')).toMatchObject({ parentId: 'property', council: true });
    expect(departments.map((d: any) => d.name)).toEqual(['区住建局', '区城管局', '区市场监管局', '区供热办']);
  });

  it('a building places the case in that building’s grid, a map point in the reporter’s own', async () => {
    const inGrid3 = ok(await call(wang, 'petition.create', { ...ramp, location: { kind: 'building', buildingId: 'building-8' } })).petition;
    expect(inGrid3).toMatchObject({ level: 'grid', gridName: '第三网格', location: { buildingName: '8号楼' } });
    const point = { latitude: 34.75, longitude: 113.62, address: '小区南门外人行道' };
    const atPoint = ok(await call(li, 'petition.create', { ...ramp, location: { kind: 'point', point } })).petition;
    expect(atPoint).toMatchObject({ gridName: '第二网格', location: { buildingName: null, point } });
    expect(await call(wang, 'petition.create', { ...ramp, location: { kind: 'building', buildingId: 'grid-1' } })).toMatchObject({
      ok: false,
      code: 'PETITION_PLACE_INVALID',
    });
    expect(await call(wang, 'petition.create', { ...ramp, categoryId: 'no-such' })).toMatchObject({ ok: false, code: 'PETITION_CATEGORY_NOT_FOUND' });
    expect(await call(wang, 'petition.create', { ...ramp, description: '坏了' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('risky text changes nothing; text needing review is filed but not listed to neighbours', async () => {
    expect(await call(wang, 'petition.create', { ...ramp, description: '楼下有人聚众赌博，很吵' })).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    expect(ok(await call(wang, 'petition.listMine')).items).toEqual([]);
    const held = ok(await call(wang, 'petition.create', { ...ramp, description: '物业不修坡道，大家准备集体维权' })).petition;
    expect(held).toMatchObject({ heldForReview: true, status: 'pending' });
    expect(ok(await call(zhang, 'petition.similar', { categoryId: 'accessibility' })).items).toEqual([]);
  });

  it('photos must be the reporter’s own uploads and must exist', async () => {
    const mine = await upload(env.emu, wang, 'ramp');
    const theirs = await upload(env.emu, li, 'ramp');
    expect(await call(wang, 'petition.create', { ...ramp, photos: [mine, theirs] })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const missing = mine.replace(/ramp-[0-9a-f]+\.png$/, 'ramp-never.png');
    expect(await call(wang, 'petition.create', { ...ramp, photos: [missing] })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      message: '照片不存在或已过期，请重新上传',
    });
    expect(ok(await call(wang, 'petition.listMine')).items).toEqual([]);
    const filed = ok(await call(wang, 'petition.create', { ...ramp, photos: [mine] })).petition;
    expect(filed.photos).toMatchObject([{ fileID: mine, url: expect.stringMatching(/^http/) }]);
  });

  it('a retried create with the same requestId files once', async () => {
    const first = ok(await call(wang, 'petition.create', ramp, 'create-ramp-0001'));
    expect(ok(await call(wang, 'petition.create', ramp, 'create-ramp-0001'))).toEqual(first);
    expect(ok(await call(wang, 'petition.listMine')).items).toHaveLength(1);
  });
});

describe('红色代办: a grid worker files for a resident without a phone', () => {
  it('for a registered resident: the case is theirs, marked as filed by the grid worker', async () => {
    const p = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { residentId: wang } })).petition;
    expect(p).toMatchObject({ reporter: { name: '王秀英', proxy: true, filedBy: '刘芳' }, mine: true });
    expect(ok(await call(wang, 'petition.listMine')).items.map((x: any) => x.id)).toEqual([p.id]);
    expect(ok(await call(liu, 'petition.listMine', { kind: 'filed' })).items.map((x: any) => x.id)).toEqual([p.id]);
    expect((await call(liu, 'petition.get', { petitionId: p.id })).data.petition.timeline[0]).toMatchObject({ note: '红色代办' });
  });

  it('for someone not registered: by name and phone, which only the levels the case reached see', async () => {
    const onBehalfOf = { name: '赵大爷', phone: '13900001111' };
    const id = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf })).petition.id;
    const reporter = async (who: string) => ok(await call(who, 'petition.get', { petitionId: id })).petition.reporter;
    expect(await reporter(liu)).toMatchObject({ name: '赵大爷', phone: '13900001111', proxy: true });
    expect(await reporter(zhang)).toMatchObject({ name: '赵**', phone: null });
    expect(await reporter(sun)).toMatchObject({ name: '赵**', phone: null });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调' }));
    expect(await reporter(sun)).toMatchObject({ name: '赵大爷', phone: '13900001111' });
  });

  it('only grid workers file for others, and only for their community’s residents', async () => {
    expect(await call(wang, 'petition.create', { ...ramp, onBehalfOf: { name: '赵大爷' } })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { residentId: 'nobody' } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call(liu, 'petition.create', { ...ramp, onBehalfOf: {} })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});

describe('similar cases and 我也遇到', () => {
  it('shows open cases of the same kind in the same grid, reporter masked', async () => {
    const id = await file(call);
    await file(call, li, { location: { kind: 'building', buildingId: 'building-5' } });
    await file(call, wang, { categoryId: 'garbage', description: '垃圾桶满了三天没人清' });
    const items = ok(await call(zhang, 'petition.similar', { categoryId: 'accessibility' })).items;
    expect(items.map((x: any) => x.id)).toEqual([id]);
    expect(items[0].reporter).toMatchObject({ name: '王**', phone: null, room: null });
    const fromBuilding = ok(await call(li, 'petition.similar', { categoryId: 'accessibility', buildingId: 'building-2' })).items;
    expect(fromBuilding.map((x: any) => x.id)).toEqual([id]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('for a map point, lists cases filed at points within 500 m in the community, nearest first, through the geo index', async () => {
    // 0.001° of latitude is about 111 m.
    const at = (latitude: number, address: string) => ({ location: { kind: 'point', point: { latitude, longitude: 113.62, address } } });
    const southGate = await file(call, wang, at(34.75, '小区南门外人行道'));
    const busStop = await file(call, li, at(34.7527, '公交站台旁的坡道'));
    await file(call, wang, at(34.78, '三公里外的天桥坡道'));
    await file(call, li, { ...at(34.75, '小区南门外垃圾桶'), categoryId: 'garbage', description: '垃圾桶满了三天没人清' });
    await file(call); // at building-2: no point, not among the nearby ones
    const near = (latitude: number) => call(zhang, 'petition.similar', { categoryId: 'accessibility', point: { latitude, longitude: 113.62 } });
    expect(ok(await near(34.7505)).items.map((x: any) => x.id)).toEqual([southGate, busStop]);
    expect(ok(await near(34.7525)).items.map((x: any) => x.id)).toEqual([busStop, southGate]);
    expect(ok(await near(34.7505)).items[0]).toMatchObject({ reporter: { name: '王**', phone: null, room: null } });
    expect(ok(await near(34.9)).items).toEqual([]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
    // A page read: the nearby query and what the cards need, within 3 requests.
    await near(34.7505);
    const [read] = await env.emu.meter(1);
    expect(read).toMatchObject({ action: 'petition.similar', ok: true });
    expect(read.dbRequests).toBeLessThanOrEqual(3);
    const both = await call(zhang, 'petition.similar', {
      categoryId: 'accessibility',
      buildingId: 'building-2',
      point: { latitude: 34.75, longitude: 113.62 },
    });
    expect(both).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('a dispute is never listed, nor open to co-signing', async () => {
    const id = await file(call, wang, { categoryId: 'dispute', description: '楼上邻居装修占用楼道，沟通无果' });
    expect(ok(await call(zhang, 'petition.similar', { categoryId: 'dispute' })).items).toEqual([]);
    expect(await call(zhang, 'petition.cosign', { petitionId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(zhang, 'petition.get', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_NOT_FOUND' });
  });

  it('co-signs are counted once each; co-signers follow the case’s progress', async () => {
    const id = await file(call);
    await consent(call, zhang, 2);
    const signed = ok(await call(zhang, 'petition.cosign', { petitionId: id })).petition;
    expect(signed).toMatchObject({ cosignCount: 1, cosigned: true });
    expect(await call(zhang, 'petition.cosign', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_ALREADY_COSIGNED' });
    expect(await call(wang, 'petition.cosign', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_OWN_COSIGN' });
    expect(ok(await call(chen, 'petition.cosign', { petitionId: id })).petition.cosignCount).toBe(2);
    expect(ok(await call(zhang, 'petition.listMine', { kind: 'cosigned' })).items.map((x: any) => x.id)).toEqual([id]);

    ok(await call(liu, 'petition.accept', { petitionId: id }));
    const toZhang = (await sent(env.emu, 'petition-progress')).filter((m) => m.touser === zhang);
    expect(toZhang.map((m) => m.data.phrase2.value)).toEqual(['已受理']);
    expect(ok(await call(zhang, 'petition.get', { petitionId: id })).petition).toMatchObject({ cosigned: true, reporter: { name: '王**' } });
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('a closed case takes no more co-signs', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.dismiss', { petitionId: id, reason: '与另一条诉求重复' }));
    expect(await call(zhang, 'petition.cosign', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
    expect(ok(await call(zhao, 'petition.listQueue')).items).toEqual([]);
  });
});
