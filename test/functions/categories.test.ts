import * as cloud from 'wx-server-sdk';
import { newWish, ok, useEmulator } from './call';
import { HOUR } from './petition-fixtures';
import { admin, sun, wang } from './personas';

/** 心愿类别 and 诉求类别 are the district's: its admin (written through the real SDK) changes them, nobody else. */
const env = useEmulator();
const { call } = env;
const district = 'o-district-admin';
let serial = 0;
const act = (who: string, action: string, payload: Record<string, unknown>) => call(who, action, payload, `categories-${++serial}-${process.pid}`);
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

async function districtAdmin(): Promise<void> {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${env.emu.url}/__tcb` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  cloud.init({ env: 'linli-local' });
  await cloud
    .database()
    .collection('users')
    .add({
      data: {
        _id: district,
        name: '区管理员',
        phone: '13900009002',
        roles: ['admin'],
        adminScope: 'district',
        streetId: '',
        communityId: '',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: 1980,
      },
    });
}

const gardening = { name: '园艺绿化', minPoints: 5, maxPoints: 15, order: 50 };

describe('wish.setCategory', () => {
  it('the district admin adds a category; residents can use it at once, and it can be changed', async () => {
    await districtAdmin();
    const { category } = ok(await act(district, 'wish.setCategory', gardening));
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'wish.setCategory', ok: true, uncovered: [] });
    expect(record!.dbRequests).toBeLessThanOrEqual(8);
    expect(category).toEqual({ id: expect.any(String), ...gardening, awardMode: 'fixed', perHour: null });
    expect(ok(await call(wang, 'wish.categories')).items).toContainEqual(category);
    ok(await call(wang, 'wish.create', { ...newWish, categoryId: category.id }));
    const changed = ok(await act(district, 'wish.setCategory', { ...gardening, categoryId: category.id, maxPoints: 25 })).category;
    expect(changed).toMatchObject({ id: category.id, maxPoints: 25 });
    expect(ok(await call(wang, 'wish.categories')).items.find((c: any) => c.id === category.id).maxPoints).toBe(25);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('refuses a street admin, staff and a range upside down', async () => {
    await districtAdmin();
    refused(await act(admin, 'wish.setCategory', gardening), 'DISTRICT_SETTING');
    refused(await act(sun, 'wish.setCategory', gardening), 'FORBIDDEN_ROLE');
    refused(await act(district, 'wish.setCategory', { ...gardening, minPoints: 20 }), 'BAD_INPUT');
    refused(await act(district, 'wish.setCategory', { ...gardening, categoryId: 'no-such' }), 'CATEGORY_NOT_FOUND');
    expect(ok(await call(wang, 'wish.categories')).items.map((c: any) => c.name)).not.toContain('园艺绿化');
  });
});

describe('petition.setCategory', () => {
  it('adds a sub-kind under a top-level kind with its department; refuses a deeper level or an unknown department', async () => {
    await districtAdmin();
    const sub = { name: '绿化损坏', parentId: 'environment', departmentId: 'dept-urban', order: 15 };
    const { category } = ok(await act(district, 'petition.setCategory', sub));
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'petition.setCategory', ok: true, uncovered: [] });
    expect(record!.dbRequests).toBeLessThanOrEqual(8);
    expect(category).toEqual({ id: expect.any(String), ...sub, council: false, private: false, cardLimits: null });
    expect(ok(await call(wang, 'petition.categories')).categories).toContainEqual(category);
    refused(await act(district, 'petition.setCategory', { ...sub, parentId: 'garbage' }), 'PETITION_CATEGORY_NOT_FOUND');
    refused(await act(district, 'petition.setCategory', { ...sub, departmentId: 'dept-none' }), 'DEPARTMENT_NOT_FOUND');
    refused(await act(admin, 'petition.setCategory', sub), 'DISTRICT_SETTING');
  });
});

describe('督办时限 on a petition category', () => {
  it('the district admin sets yellow and red hours per level; the clock of that kind of case runs on them', async () => {
    await districtAdmin();
    const ramp = ok(await call(wang, 'petition.categories')).categories.find((c: any) => c.id === 'accessibility');
    const { id: categoryId, ...fields } = ramp;
    const cardLimits = { grid: { accept: { yellow: 2, red: 3 } } };
    refused(
      await act(district, 'petition.setCategory', { categoryId, ...fields, cardLimits: { grid: { accept: { yellow: 3, red: 2 } } } }),
      'BAD_INPUT',
    );
    const { category } = ok(await act(district, 'petition.setCategory', { categoryId, ...fields, cardLimits }));
    expect(category.cardLimits).toEqual(cardLimits);
    expect(ok(await call(wang, 'petition.categories')).categories).toContainEqual(category);
    // Past the minute other warm instances keep the categories.
    await env.emu.clock({ advanceMs: 2 * 60_000 });
    const id = ok(
      await call(wang, 'petition.create', {
        categoryId,
        description: '2号楼门口的无障碍坡道塌了一块，轮椅推不上去',
        location: { kind: 'building', buildingId: 'building-2', detail: '1单元门口' },
      }),
    ).petition.id;
    await env.emu.clock({ advanceMs: 2 * HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    expect(ok(await call(wang, 'petition.get', { petitionId: id })).petition.card).toMatchObject({ color: 'yellow', reason: 'accept' });
    await env.emu.clock({ advanceMs: HOUR });
    await env.emu.fireTrigger('petition');
    expect(ok(await call(wang, 'petition.get', { petitionId: id })).petition.card).toMatchObject({ color: 'red' });
  });
});
