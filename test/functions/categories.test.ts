import * as cloud from 'wx-server-sdk';
import { newWish, ok, useEmulator } from './call';
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
    expect(category).toEqual({ id: expect.any(String), ...sub, council: false, private: false });
    expect(ok(await call(wang, 'petition.categories')).categories).toContainEqual(category);
    refused(await act(district, 'petition.setCategory', { ...sub, parentId: 'garbage' }), 'PETITION_CATEGORY_NOT_FOUND');
    refused(await act(district, 'petition.setCategory', { ...sub, departmentId: 'dept-none' }), 'DEPARTMENT_NOT_FOUND');
    refused(await act(admin, 'petition.setCategory', sub), 'DISTRICT_SETTING');
  });
});
