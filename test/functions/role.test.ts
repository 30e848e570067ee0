import * as cloud from 'wx-server-sdk';
import { ok, useEmulator } from './call';
import { admin, he, li, liu, qian, sun, wang } from './personas';

/**
 * 任免 (role.grant / role.revoke / role.log / role.people): 吴磊 is the admin of 青石街道. A second street
 * (白河街道, with one community, one grid and one resident) and a district admin are written through the real
 * SDK, as petition-places.test.ts does.
 */
const env = useEmulator();
const { call } = env;

let serial = 0;
const rid = () => `role-${++serial}-${process.pid}`;
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const district = 'o-district-admin';
const baiheResident = 'o-baihe-resident';

function sdkDb() {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${env.emu.url}/__tcb` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  cloud.init({ env: 'linli-local' });
  return cloud.database();
}

async function elsewhere(): Promise<void> {
  const db = sdkDb();
  const units = [
    { _id: 'street-baihe', kind: 'street', name: '白河街道', parentId: null, path: [] },
    { _id: 'community-baihe', kind: 'community', name: '白河社区', parentId: 'street-baihe', path: ['street-baihe'] },
    { _id: 'baihe-grid-1', kind: 'grid', name: '白河第一网格', parentId: 'community-baihe', path: ['street-baihe', 'community-baihe'] },
  ];
  for (const data of units) await db.collection('org_units').add({ data });
  const person = { room: null, birthYear: 1980, buildingId: null };
  await db.collection('users').add({
    data: {
      _id: baiheResident,
      name: '白小河',
      phone: '13900009001',
      roles: ['resident'],
      streetId: 'street-baihe',
      communityId: 'community-baihe',
      gridId: 'baihe-grid-1',
      ...person,
    },
  });
  await db.collection('users').add({
    data: {
      _id: district,
      name: '区管理员',
      phone: '13900009002',
      roles: ['admin'],
      adminScope: 'district',
      streetId: '',
      communityId: '',
      gridId: null,
      ...person,
    },
  });
}

const grant = (who: string, payload: Record<string, unknown>, requestId = rid()) =>
  call(who, 'role.grant', { reason: '社区换届，经街道党工委研究任命', ...payload }, requestId);
const revoke = (who: string, payload: Record<string, unknown>, requestId = rid()) =>
  call(who, 'role.revoke', { reason: '工作调动，不再担任', ...payload }, requestId);
const log = async (who = admin, payload: Record<string, unknown> = {}) => ok(await call(who, 'role.log', payload)).items;

describe('role.grant: the admin appoints within their reach', () => {
  it('appoints 李明 grid worker of 第二网格: the profile and its log entry change together, within the budget', async () => {
    const reply = ok(await grant(admin, { openid: li, role: 'grid_worker', unitId: 'grid-2' }));
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'role.grant', ok: true, uncovered: [] });
    expect(record!.dbRequests).toBeLessThanOrEqual(8);
    expect(reply.person).toEqual({ id: li, name: '李明', phone: '138****1002', roles: ['resident', 'grid_worker'], workGridIds: ['grid-2'] });
    expect(reply.entry).toMatchObject({
      change: 'grant',
      role: 'grid_worker',
      targetName: '李明',
      scope: '第二网格',
      byName: '吴磊',
      reason: '社区换届，经街道党工委研究任命',
    });
    expect(await log()).toEqual([reply.entry]);
    // The appointment works: 李明 now opens the grid's review queue, which a resident cannot.
    ok(await call(li, 'wish.listQueue', {}));
  });

  it('a retry with the same requestId replays the first reply and writes no second entry', async () => {
    const requestId = rid();
    const first = await grant(admin, { openid: li, role: 'staff', unitId: 'community-wutong' }, requestId);
    const again = await grant(admin, { openid: li, role: 'staff', unitId: 'community-wutong' }, requestId);
    expect(ok(again)).toEqual(ok(first));
    expect(await log()).toHaveLength(1);
    // A new request to grant the same role again is refused: it is held.
    refused(await grant(admin, { openid: li, role: 'staff', unitId: 'community-wutong' }), 'ROLE_ALREADY_HELD');
  });

  it('two admins racing to appoint the same person: one appointment, one log entry', async () => {
    ok(await grant(admin, { openid: qian, role: 'admin', unitId: 'street-qingshi', adminScope: 'street' }));
    const replies = await Promise.all([admin, qian].map((who) => grant(who, { openid: li, role: 'staff', unitId: 'community-wutong' })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    refused(
      replies.find((r) => !r.ok),
      'ROLE_ALREADY_HELD',
    );
    expect((await log(admin, { openid: li })).map((e: any) => [e.change, e.role])).toEqual([['grant', 'staff']]);
  });

  it('refuses what is not the admin’s to give, and changes nothing', async () => {
    await elsewhere();
    const before = ok(await call(admin, 'role.people', { limit: 50 })).items;
    refused(await grant(admin, { openid: admin, role: 'staff', unitId: 'community-wutong' }), 'FORBIDDEN_SELF');
    refused(await grant(admin, { openid: li, role: 'member', unitId: 'grid-2' }), 'BAD_INPUT');
    refused(await grant(admin, { openid: li, role: 'merchant' }), 'BAD_INPUT');
    refused(await grant(admin, { openid: li, role: 'grid_worker' }), 'BAD_INPUT');
    refused(await grant(admin, { openid: li, role: 'district_staff' }), 'ROLE_ABOVE_SCOPE');
    refused(await grant(admin, { openid: li, role: 'department_staff', departmentId: 'dept-housing' }), 'ROLE_ABOVE_SCOPE');
    refused(await grant(admin, { openid: qian, role: 'admin', adminScope: 'district' }), 'ROLE_ABOVE_SCOPE');
    // Another street: neither its units nor its people.
    refused(await grant(admin, { openid: li, role: 'street_staff', unitId: 'street-baihe' }), 'FORBIDDEN_SCOPE');
    refused(await grant(admin, { openid: baiheResident, role: 'grid_worker', unitId: 'grid-2' }), 'FORBIDDEN_SCOPE');
    // Not a unit of the right kind.
    refused(await grant(admin, { openid: li, role: 'grid_worker', unitId: 'community-wutong' }), 'ROLE_UNIT_INVALID');
    refused(await grant(admin, { openid: 'o-nobody', role: 'staff', unitId: 'community-wutong' }), 'PERSON_NOT_FOUND');
    // Only admins appoint (community staff: only 三方议事's seats of their own community, council.test.ts).
    refused(await grant(sun, { openid: li, role: 'grid_worker', unitId: 'grid-2' }), 'FORBIDDEN_SCOPE');
    refused(await grant(liu, { openid: li, role: 'owners_committee', unitId: 'community-wutong' }), 'FORBIDDEN_ROLE');
    expect(ok(await call(admin, 'role.people', { limit: 50 })).items).toEqual(before);
    expect(await log()).toEqual([]);
  });

  it('the reason is required', async () => {
    const reply = await call(admin, 'role.grant', { openid: li, role: 'grid_worker', unitId: 'grid-2', reason: ' ' }, rid());
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await log()).toEqual([]);
  });
});

describe('role.revoke', () => {
  it('removes 刘芳 as grid worker: she loses the queue and the log says where she served', async () => {
    ok(await call(liu, 'wish.listQueue', {}));
    const { person, entry } = ok(await revoke(admin, { openid: liu, role: 'grid_worker' }));
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'role.revoke', ok: true, uncovered: [] });
    expect(record!.dbRequests).toBeLessThanOrEqual(8);
    expect(person.roles).toEqual([]);
    expect(entry).toMatchObject({ change: 'revoke', role: 'grid_worker', scope: '第一网格', targetName: '刘芳' });
    refused(await call(liu, 'wish.listQueue', {}), 'FORBIDDEN_ROLE');
    refused(await revoke(admin, { openid: liu, role: 'grid_worker' }), 'ROLE_NOT_HELD');
    expect(await log()).toEqual([entry]);
  });

  it('a street admin cannot remove department staff, nor their own role', async () => {
    refused(await revoke(admin, { openid: he, role: 'department_staff' }), 'ROLE_ABOVE_SCOPE');
    refused(await revoke(admin, { openid: admin, role: 'admin' }), 'FORBIDDEN_SELF');
    expect(await log()).toEqual([]);
  });
});

describe('the district admin', () => {
  it('appoints department and district staff; the street admin’s log shows only the street’s changes', async () => {
    await elsewhere();
    const dept = ok(await grant(district, { openid: li, role: 'department_staff', departmentId: 'dept-housing' }));
    expect(dept.entry).toMatchObject({ role: 'department_staff', scope: '区住建局' });
    ok(await grant(district, { openid: baiheResident, role: 'grid_worker', unitId: 'baihe-grid-1' }));
    ok(await grant(admin, { openid: wang, role: 'staff', unitId: 'community-wutong' }));
    expect((await log(district)).map((e: any) => e.targetName)).toEqual(['王秀英', '白小河', '李明']);
    expect((await log(admin)).map((e: any) => e.targetName)).toEqual(['王秀英']);
    ok(await revoke(district, { openid: li, role: 'department_staff' }));
    expect((await log(district, { openid: li })).map((e: any) => e.change)).toEqual(['revoke', 'grant']);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });
});

describe('role.people: whom an admin may appoint', () => {
  it('finds people of the street by a piece of the name or a whole phone, with a masked phone', async () => {
    await elsewhere();
    expect(ok(await call(admin, 'role.people', { query: '秀' })).items).toEqual([
      { id: wang, name: '王秀英', phone: '138****1001', roles: ['resident'], place: '梧桐社区 · 第一网格', workGrids: [] },
    ]);
    expect(ok(await call(admin, 'role.people', { query: '13800001002' })).items.map((p: any) => p.id)).toEqual([li]);
    expect(ok(await call(admin, 'role.people', { query: '白' })).items).toEqual([]);
    expect(ok(await call(district, 'role.people', { query: '白' })).items.map((p: any) => p.id)).toEqual([baiheResident]);
    const everyone = ok(await call(district, 'role.people', { limit: 50 })).items.map((p: any) => p.id);
    expect(everyone).toEqual(expect.arrayContaining([baiheResident, wang, he]));
    expect(ok(await call(admin, 'role.people', { query: '.*' })).items).toEqual([]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
    refused(await call(sun, 'role.people', {}), 'FORBIDDEN_ROLE');
  });
});

describe('role.places: where an admin may appoint', () => {
  it('offers the admin’s street, then its communities and grids; never another street', async () => {
    await elsewhere();
    expect(ok(await call(admin, 'role.places', {}))).toEqual({
      scope: 'street',
      places: [{ id: 'street-qingshi', kind: 'street', name: '青石街道' }],
      departments: [],
    });
    expect(ok(await call(admin, 'role.places', { parentId: 'street-qingshi' })).places.map((p: any) => p.name)).toEqual(['梧桐社区']);
    expect(ok(await call(admin, 'role.places', { parentId: 'community-wutong' })).places.map((p: any) => p.name)).toEqual([
      '第一网格',
      '第二网格',
      '第三网格',
    ]);
    expect(ok(await call(admin, 'role.places', { parentId: 'street-baihe' })).places).toEqual([]);
    const top = ok(await call(district, 'role.places', {}));
    expect(top.scope).toBe('district');
    expect(top.places.map((p: any) => p.name)).toEqual(['白河街道', '青石街道']);
    expect(top.departments.map((d: any) => d.name)).toContain('区住建局');
    for (const record of await env.emu.meter(6)) {
      expect(record.uncovered).toEqual([]);
      expect(record.dbRequests).toBeLessThanOrEqual(3);
    }
  });
});
