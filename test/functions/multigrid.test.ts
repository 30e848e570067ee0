import { newWish, ok, useEmulator } from './call';
import { file } from './petition-fixtures';
import { admin, li, liu, sun, wang, zhao } from './personas';
import { importAll, listAll, residentHeader, residents, uploadFile, xlsx } from './roster-kit';

/**
 * A grid worker of more than one grid (issue 12, 角色任免: "grid workers (to one or more grids)"). 刘芳 works
 * 第一网格; the admin appoints her to 第二网格 as well. 第三网格 stays someone else's.
 */
const env = useEmulator();
const { call } = env;

let serial = 0;
const rid = () => `multigrid-${++serial}-${process.pid}`;
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const yang = 'demo-member-yang'; // 杨帆, resident and member of 第三网格 (8号楼)

const grant = (unitId: string) => call(admin, 'role.grant', { openid: liu, role: 'grid_worker', unitId, reason: '兼任第二网格网格员' }, rid());
const revoke = (unitId?: string) => call(admin, 'role.revoke', { openid: liu, role: 'grid_worker', unitId, reason: '不再兼任该网格' }, rid());
const queue = async (who: string) => ok(await call(who, 'wish.listQueue', { kind: 'review' })).items.map((w: any) => w.id);
/** Which of `ids` the subscribe messages sent to `who` point at. */
const noticed = async (who: string, ids: string[]) => {
  const pages = ((await env.emu.outbox()) as any[]).filter((m) => m.touser === who).map((m) => String(m.page));
  return ids.filter((id) => pages.some((page) => page.includes(id)));
};
const wishOf = async (who: string) => ok(await call(who, 'wish.create', newWish)).wish.id as string;

describe('a grid worker of two grids', () => {
  it('is appointed to a second grid without a conflict; the log and the picker show both grids', async () => {
    const reply = ok(await grant('grid-2'));
    expect(reply.person).toMatchObject({ id: liu, roles: ['grid_worker'], workGridIds: ['grid-1', 'grid-2'] });
    expect(reply.entry).toMatchObject({ change: 'grant', role: 'grid_worker', scope: '第二网格' });
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'role.grant', ok: true, uncovered: [] });
    // The same grid again is held already.
    refused(await grant('grid-2'), 'ROLE_ALREADY_HELD');
    const people = ok(await call(admin, 'role.people', { query: '刘芳' })).items;
    expect(people[0].workGrids).toEqual([
      { id: 'grid-1', name: '第一网格' },
      { id: 'grid-2', name: '第二网格' },
    ]);
  });

  it('sees and handles the wishes of both grids, not a third; new wishes of each grid notify her', async () => {
    ok(await grant('grid-2'));
    const [w1, w2, w3] = [await wishOf(wang), await wishOf(li), await wishOf(yang)];
    expect(new Set(await queue(liu))).toEqual(new Set([w1, w2]));
    expect(await queue(zhao)).toEqual([w2]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
    ok(await call(liu, 'wish.approve', { wishId: w2, points: 10 }));
    ok(await call(liu, 'wish.approve', { wishId: w1, points: 10 }));
    refused(await call(liu, 'wish.approve', { wishId: w3, points: 10 }), 'FORBIDDEN_SCOPE');
    // 新心愿待审核 of both her grids reach her (and 第二网格's reaches 赵强 too); 第三网格's does not.
    expect(await noticed(liu, [w1, w2, w3])).toEqual([w1, w2]);
    expect(await noticed(zhao, [w1, w2, w3])).toEqual([w2]);
  });

  it('accepts a petition at grid level in either grid, not in a third; its notices reach her', async () => {
    ok(await grant('grid-2'));
    const inGrid2 = await file(call, li, { location: { kind: 'building', buildingId: 'building-5', detail: '单元门口' } });
    const inGrid3 = await file(call, yang, { location: { kind: 'building', buildingId: 'building-8', detail: '单元门口' } });
    const grid = ok(await call(liu, 'petition.listQueue', { level: 'grid' }));
    expect(grid.items.map((p: any) => p.id)).toEqual([inGrid2]);
    expect(grid.unitName).toBe('第一网格、第二网格');
    expect(ok(await call(liu, 'petition.accept', { petitionId: inGrid2 })).petition).toMatchObject({ status: 'accepted' });
    refused(await call(liu, 'petition.accept', { petitionId: inGrid3 }), 'FORBIDDEN_SCOPE');
    expect(await noticed(liu, [inGrid2, inGrid3])).toEqual([inGrid2]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('revoking one grid leaves the other: her queue and her reach shrink to it, and the role stays', async () => {
    ok(await grant('grid-2'));
    const w1 = await wishOf(wang);
    const w2 = await wishOf(li);
    const { person, entry } = ok(await revoke('grid-1'));
    expect(person).toMatchObject({ roles: ['grid_worker'], workGridIds: ['grid-2'] });
    expect(entry).toMatchObject({ change: 'revoke', role: 'grid_worker', scope: '第一网格' });
    expect(await queue(liu)).toEqual([w2]);
    refused(await call(liu, 'wish.approve', { wishId: w1, points: 10 }), 'FORBIDDEN_SCOPE');
    ok(await call(liu, 'wish.approve', { wishId: w2, points: 10 }));
    // A grid she does not work cannot be revoked; the last grid takes the role with it.
    refused(await revoke('grid-1'), 'ROLE_NOT_HELD');
    expect(ok(await revoke('grid-2')).person).toMatchObject({ roles: [], workGridIds: [] });
    refused(await call(liu, 'wish.listQueue', { kind: 'review' }), 'FORBIDDEN_ROLE');
  });

  it('her lists cover both grids: the tree, the roster and the join applications; a third grid stays closed', async () => {
    ok(await grant('grid-2'));
    const roots = ok(await call(liu, 'org.tree', {}));
    expect(roots.items.map((u: any) => u.id)).toEqual(['grid-1', 'grid-2']);
    ok(await call(liu, 'org.tree', { parentId: 'grid-2' }));
    refused(await call(liu, 'org.tree', { parentId: 'grid-3' }), 'FORBIDDEN_SCOPE');

    const fileID = await uploadFile(env.emu, sun, await xlsx([residentHeader, ...residents(60)]));
    await importAll(call, sun, { fileID, communityId: 'community-wutong', kind: 'residents' });
    const all = await listAll(call, sun);
    const hers = await listAll(call, liu);
    const inHerGrids = all.filter((e) => e.gridId === 'grid-1' || e.gridId === 'grid-2');
    expect(new Set(hers.map((e) => e.id))).toEqual(new Set(inHerGrids.map((e) => e.id)));
    expect(inHerGrids.length).toBeLessThan(all.length);
    expect(ok(await call(liu, 'roster.list', {}))).toMatchObject({ gridName: '第一网格、第二网格', total: inHerGrids.length });

    const form = { unit: '3', room: '501', privacyVersion: '2026-12-01' };
    const join = async (openid: string, buildingId: string, phone: string) =>
      ok(await call(openid, 'user.join', { ...form, buildingId, name: '郑小红', phone }, rid())).application.id;
    const a1 = await join('o-newcomer-g1', 'building-2', '13700001234');
    const a2 = await join('o-newcomer-g2', 'building-5', '13700001235');
    const a3 = await join('o-newcomer-g3', 'building-8', '13700001236');
    const apps = ok(await call(liu, 'user.applications', { status: 'pending' }));
    expect(new Set(apps.items.map((a: any) => a.id))).toEqual(new Set([a1, a2]));
    expect(apps.pending).toBe(2);
    expect(ok(await call(liu, 'user.me', {})).pendingJoins).toBe(2);
    expect(apps.items.map((a: any) => a.id)).not.toContain(a3);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });
});
