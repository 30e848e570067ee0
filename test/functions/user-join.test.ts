import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { gao, liu, stranger, sun, wang, zhao } from './personas';
import { expectCovered, rid } from './points-helpers';

/**
 * 入驻: a newcomer joins by building. The roster knowing them (name + phone + building) makes them a resident at
 * once; otherwise the building's grid worker reviews an application. Public reads answer a caller without a record.
 */
const env = useEmulator();
const { call } = env;

const newcomer = 'o-newcomer-001';
const other = 'o-newcomer-002';
const form = { buildingId: 'building-2', unit: '3', room: '501', name: '郑小红', phone: '13700001234', privacyVersion: '2026-12-01' };

/** A few 人口台账 entries in the roster branch's shape, written straight into the database. */
async function seedRoster(entries: { _id: string; buildingId: string; gridId: string; name: string; phone: string; unit?: string; room?: string }[]) {
  const db = databaseOf(env.emu);
  // The community's roster is the import its head names (roster.import flips it when a file is in).
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'import-test', rows: entries.length } });
  for (const e of entries) {
    await db
      .collection('roster_entries')
      .add({ data: { communityId: 'community-wutong', unit: '3', room: '501', tags: [], importId: 'import-test', userId: null, ...e } });
  }
  return db;
}

const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

describe('a newcomer before joining', () => {
  it('is NOT_REGISTERED for resident actions but may browse the public wall, categories, 美德商铺 and the tree', async () => {
    refused(await call(stranger, 'user.me'), 'NOT_REGISTERED');
    refused(await call(stranger, 'wish.listMine'), 'NOT_REGISTERED');
    expect(Array.isArray(ok(await call(stranger, 'wish.listWall', {})).items)).toBe(true);
    expect(ok(await call(stranger, 'wish.categories')).items.length).toBeGreaterThan(0);
    expect(ok(await call(stranger, 'notify.templates')).templates.wishProgress).toBe('wish-progress');
    refused(await call(stranger, 'notify.subscribe', { accepted: ['wish-progress'] }, rid('sub', 1)), 'NOT_REGISTERED');
    expect(Array.isArray(ok(await call(stranger, 'shop.listVirtue', {})).items)).toBe(true);
    expect(ok(await call(stranger, 'user.joinStatus'))).toMatchObject({ registered: false, application: null, privacyVersion: '2026-12-01' });

    const communities = ok(await call(stranger, 'user.joinPlaces', {})).items;
    expect(communities).toEqual([{ id: 'community-wutong', kind: 'community', name: '梧桐社区' }]);
    const grids = ok(await call(stranger, 'user.joinPlaces', { parentId: 'community-wutong' })).items;
    expect(grids.map((g: any) => g.id)).toEqual(['grid-1', 'grid-2', 'grid-3']);
    const page = ok(await call(stranger, 'user.joinPlaces', { parentId: 'grid-1', limit: 2 }));
    expect(page).toMatchObject({ items: [{ id: 'building-1' }, { id: 'building-2' }], nextOffset: 2 });
    expect(ok(await call(stranger, 'user.joinPlaces', { buildingId: 'building-2' })).place).toEqual({
      communityId: 'community-wutong',
      communityName: '梧桐社区',
      gridId: 'grid-1',
      gridName: '第一网格',
      buildingId: 'building-2',
      buildingName: '2号楼',
    });
    refused(await call(stranger, 'user.joinPlaces', { buildingId: 'grid-1' }), 'JOIN_PLACE_INVALID');
    await expectCovered(env.emu);
  });

  it('sees the wall masked like any neighbour: a resident’s name is 王**', async () => {
    const wish = ok(
      await call(wang, 'wish.create', { title: '帮忙换灯泡', description: '厨房灯泡坏了，够不着，想请人帮忙换一下', categoryId: 'repair' }),
    ).wish;
    ok(await call(liu, 'wish.approve', { wishId: wish.id, points: 10 }));
    const seen = ok(await call(stranger, 'wish.listWall', {})).items.find((w: any) => w.id === wish.id);
    expect(JSON.stringify(seen)).not.toContain('王秀英');
    expect(JSON.stringify(seen)).not.toContain('138');
  });
});

describe('user.join', () => {
  it('a roster match (name + phone + building) is verified at once and linked to the entry', async () => {
    const db = await seedRoster([{ _id: 'roster-zheng', buildingId: 'building-2', gridId: 'grid-1', name: '郑小红', phone: '13700001234' }]);
    expect(ok(await call(newcomer, 'user.join', { ...form, apply: false }, rid('join', 1)))).toEqual({ status: 'verified', application: null });
    expect(ok(await call(newcomer, 'user.me'))).toMatchObject({
      name: '郑小红',
      roles: ['resident'],
      gridId: 'grid-1',
      buildingId: 'building-2',
      buildingName: '2号楼',
    });
    expect((await db.collection('roster_entries').doc('roster-zheng').get()).data.userId).toBe(newcomer);
    const user = (await db.collection('users').doc(newcomer).get()).data;
    expect(user).toMatchObject({ room: '3单元501', privacy: { version: '2026-12-01' } });
    // A retry replays; another try answers that they are registered.
    expect(ok(await call(newcomer, 'user.join', { ...form, apply: false }, rid('join', 1)))).toMatchObject({ status: 'verified' });
    refused(await call(newcomer, 'user.join', form, rid('join', 2)), 'ALREADY_REGISTERED');
    // A newcomer can post a wish right away.
    ok(await call(newcomer, 'wish.create', { title: '想学用智能手机', description: '想请志愿者教我用手机挂号和视频通话', categoryId: 'repair' }));
    await expectCovered(env.emu);
  });

  it('only the roster in force matches: rows an import has staged but not yet made the roster do not; tags come along', async () => {
    const db = await seedRoster([
      { _id: 'roster-staged', buildingId: 'building-2', gridId: 'grid-1', name: '郑小红', phone: '13700001234', importId: 'import-half-done' } as any,
    ]);
    refused(await call(newcomer, 'user.join', { ...form, apply: false }, rid('staged', 1)), 'JOIN_NOT_IN_ROSTER');
    await db.collection('roster_entries').add({
      data: {
        _id: 'roster-live',
        communityId: 'community-wutong',
        buildingId: 'building-2',
        gridId: 'grid-1',
        unit: '3',
        room: '501',
        name: '郑小红',
        phone: '13700001234',
        tags: ['独居老人'],
        importId: 'import-test',
        userId: null,
      },
    });
    expect(ok(await call(newcomer, 'user.join', { ...form, apply: false }, rid('staged', 2))).status).toBe('verified');
    expect((await db.collection('users').doc(newcomer).get()).data.tags).toEqual(['独居老人']);
    expect((await db.collection('roster_entries').doc('roster-staged').get()).data.userId).toBeNull();
  });

  it('joining twice at once with a roster match makes one user', async () => {
    const db = await seedRoster([{ _id: 'roster-zheng', buildingId: 'building-2', gridId: 'grid-1', name: '郑小红', phone: '13700001234' }]);
    const replies = await Promise.all([1, 2, 3, 4].map((n) => call(newcomer, 'user.join', form, rid('twin', n))));
    expect(replies.filter((r) => r.ok).map((r) => r.data.status)).toEqual(['verified']);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(['ALREADY_REGISTERED', 'ALREADY_REGISTERED', 'ALREADY_REGISTERED']);
    expect((await db.collection('users').where({ _id: newcomer }).count()).total).toBe(1);
  });

  it('without a roster match: apply=false says so; the application goes to the building’s grid worker with a notice', async () => {
    refused(await call(newcomer, 'user.join', { ...form, apply: false }, rid('join', 1)), 'JOIN_NOT_IN_ROSTER');
    const first = ok(await call(newcomer, 'user.join', form, rid('join', 2)));
    expect(first).toMatchObject({
      status: 'pending',
      application: {
        kind: 'join',
        status: 'pending',
        name: '郑小红',
        phone: '13700001234',
        phoneVerified: false,
        place: { buildingName: '2号楼', gridName: '第一网格' },
      },
    });
    // A second join while pending answers the pending one.
    expect(ok(await call(newcomer, 'user.join', { ...form, room: '502' }, rid('join', 3))).application).toEqual(first.application);
    expect(ok(await call(newcomer, 'user.joinStatus'))).toMatchObject({
      registered: false,
      application: { id: first.application.id, status: 'pending' },
    });
    const notices = (await env.emu.outbox()).filter((m) => m.templateId === 'join-submitted');
    expect(notices.map((m) => m.touser)).toEqual([liu]);
    refused(await call(newcomer, 'user.me'), 'NOT_REGISTERED');
    expect(ok(await call(liu, 'user.me')).pendingJoins).toBe(1);
    await expectCovered(env.emu);
  });

  it('on weapp the phone comes from getPhoneNumber: the function exchanges the code', async () => {
    const { phone: _typed, ...rest } = form;
    const reply = ok(await call(newcomer, 'user.join', { ...rest, phoneCode: 'phone:13600005678' }, rid('join', 1)));
    expect(reply.application).toMatchObject({ phone: '13600005678', phoneVerified: true });
    refused(await call(other, 'user.join', { ...rest, phoneCode: 'invalid-code' }, rid('join', 2)), 'JOIN_PHONE_INVALID');
    refused(await call(other, 'user.join', { ...rest }, rid('join', 3)), 'BAD_INPUT');
  });
});

describe('user.applications and user.reviewJoin', () => {
  async function applied(openid = newcomer, buildingId = 'building-2'): Promise<string> {
    return ok(await call(openid, 'user.join', { ...form, buildingId }, rid(`apply-${openid}`, 1))).application.id;
  }

  it('a grid worker sees and reviews only their grid’s buildings; staff see the community', async () => {
    const mine = await applied(newcomer, 'building-2'); // grid-1: 刘芳
    const theirs = await applied(other, 'building-5'); // grid-2: 赵强
    expect(ok(await call(liu, 'user.applications', {})).items.map((a: any) => a.id)).toEqual([mine]);
    expect(ok(await call(zhao, 'user.applications', {})).items.map((a: any) => a.id)).toEqual([theirs]);
    expect(ok(await call(sun, 'user.applications', {}))).toMatchObject({ pending: 2, items: [{ id: mine }, { id: theirs }] });
    refused(await call(liu, 'user.reviewJoin', { applicationId: theirs, approve: true }, rid('review', 1)), 'JOIN_APPLICATION_NOT_FOUND');
    refused(await call(wang, 'user.applications', {}), 'FORBIDDEN_ROLE');
    refused(await call(newcomer, 'user.reviewJoin', { applicationId: mine, approve: true }, rid('review', 2)), 'NOT_REGISTERED');
    refused(await call(liu, 'user.reviewJoin', { applicationId: mine, approve: false }, rid('review', 3)), 'BAD_INPUT');

    const rejected = ok(
      await call(zhao, 'user.reviewJoin', { applicationId: theirs, approve: false, reason: '门牌号对不上，请核对后重新申请' }, rid('review', 4)),
    );
    expect(rejected.application).toMatchObject({ status: 'rejected', reason: '门牌号对不上，请核对后重新申请' });
    expect(ok(await call(other, 'user.joinStatus')).application).toMatchObject({ status: 'rejected', reason: '门牌号对不上，请核对后重新申请' });
    refused(await call(other, 'user.me'), 'NOT_REGISTERED');

    ok(await call(liu, 'user.reviewJoin', { applicationId: mine, approve: true }, rid('review', 5)));
    expect(ok(await call(newcomer, 'user.me'))).toMatchObject({ roles: ['resident'], buildingId: 'building-2' });
    expect(ok(await call(newcomer, 'user.joinStatus'))).toMatchObject({ registered: true, application: { status: 'approved' } });
    expect(ok(await call(liu, 'user.me')).pendingJoins).toBe(0);
    await expectCovered(env.emu);
  });

  it('approved twice at once (grid worker and staff) makes one user; the second is told it is decided', async () => {
    const id = await applied();
    const replies = await Promise.all([
      call(liu, 'user.reviewJoin', { applicationId: id, approve: true }, rid('race', 1)),
      call(sun, 'user.reviewJoin', { applicationId: id, approve: true }, rid('race', 2)),
      call(liu, 'user.reviewJoin', { applicationId: id, approve: true }, rid('race', 3)),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(['JOIN_APPLICATION_DECIDED', 'JOIN_APPLICATION_DECIDED']);
    const db = databaseOf(env.emu);
    expect((await db.collection('users').where({ _id: newcomer }).count()).total).toBe(1);
  });
});

describe('user.updateProfile and user.leave', () => {
  it('edits the name and room at once; a move to another building waits for that grid’s worker', async () => {
    const me = ok(await call(wang, 'user.updateProfile', { room: '602', unit: '1' }, rid('profile', 1))).me;
    expect(me).toMatchObject({ name: '王秀英', buildingId: 'building-2' });
    const { application } = ok(await call(wang, 'user.updateProfile', { buildingId: 'building-5' }, rid('profile', 2)));
    expect(application).toMatchObject({ kind: 'move', status: 'pending', place: { buildingName: '5号楼' }, room: '602', unit: '1' });
    expect(ok(await call(wang, 'user.me')).buildingId).toBe('building-2');
    ok(await call(zhao, 'user.reviewJoin', { applicationId: application.id, approve: true }, rid('profile', 3)));
    expect(ok(await call(wang, 'user.me'))).toMatchObject({ buildingId: 'building-5', gridId: 'grid-2' });
  });

  it('leaving removes the home’s roles; someone with none left may join again', async () => {
    expect(ok(await call(wang, 'user.leave', {}, rid('leave', 1)))).toEqual({ left: true, rolesKept: [] });
    refused(await call(wang, 'user.me'), 'NOT_REGISTERED');
    expect(ok(await call(wang, 'user.joinStatus')).registered).toBe(false);
    expect(ok(await call(gao, 'user.leave', {}, rid('leave', 2))).rolesKept).toEqual([]);
  });

  it('someone verified by the roster who left may join again', async () => {
    await seedRoster([{ _id: 'roster-zheng', buildingId: 'building-2', gridId: 'grid-1', name: '郑小红', phone: '13700001234' }]);
    expect(ok(await call(newcomer, 'user.join', form, rid('again', 1))).status).toBe('verified');
    ok(await call(newcomer, 'user.leave', {}, rid('again', 2)));
    expect(ok(await call(newcomer, 'user.join', { ...form, buildingId: 'building-3' }, rid('again', 3))).status).toBe('pending');
  });
});
