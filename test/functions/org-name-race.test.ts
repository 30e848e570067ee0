// Sibling names are unique even when admins press 保存 at the same moment: the name guard (cloudfunctions/org/
// name-guard.ts) is taken in the unit's own transaction, so of ten creates of one name exactly one unit exists
// and every reply says what the data holds.
import { ok, RACING, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { admin, sun } from './personas';
import { uploadFile, xlsx } from './roster-kit';

jest.setTimeout(120_000);

const env = useEmulator(RACING);
const COMMUNITY = 'community-wutong';

/** A second admin of the same street, written straight into the database. */
async function secondAdmin() {
  await databaseOf(env.emu)
    .collection('users')
    .add({
      data: {
        _id: 'admin-two',
        name: '周管理',
        phone: '13900000002',
        roles: ['admin'],
        streetId: 'street-qingshi',
        communityId: '',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: null,
      },
    });
  return 'admin-two';
}

/** Live units under `parentId` called `name` (any spacing), and the guards held for that parent. */
async function stored(parentId: string, name: string) {
  const db = databaseOf(env.emu);
  const { data: units } = await db.collection('org_units').where({ parentId, retiredAt: null }).limit(1000).get();
  const { data: guards } = await db.collection('org_names').where({ parentId }).limit(1000).get();
  const norm = (s: string) => s.replace(/\s+/g, '');
  return {
    units: units.filter((u: { name: string }) => norm(u.name) === norm(name)),
    guards: guards.filter((g: { name: string }) => norm(g.name) === norm(name)),
  };
}

describe('org.upsertUnit under a crowd', () => {
  it('ten creates of the same name at once (two admins, some spaced differently): exactly one unit, and every reply is true', async () => {
    const other = await secondAdmin();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        env.call(i % 2 ? other : admin, 'org.upsertUnit', { parentId: COMMUNITY, name: i % 3 ? '第四网格' : ' 第四 网格' }, `race-create-${i}`),
      ),
    );
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(9).fill('ORG_NAME_TAKEN'));
    const { units, guards } = await stored(COMMUNITY, '第四网格');
    expect(units.map((u: { _id: string }) => u._id)).toEqual([won[0].data.unit.id]);
    expect(guards.map((g: { unitId: string }) => g.unitId)).toEqual([won[0].data.unit.id]);
    // The tree says the same: three seeded grids and the one new.
    const grids = ok(await env.call(admin, 'org.tree', { parentId: COMMUNITY })).items;
    expect(grids.map((g: { name: string }) => g.name.replace(/\s+/g, ''))).toEqual(['第一网格', '第二网格', '第三网格', '第四网格']);
  });

  it('two grids renamed to one name at once: one is renamed, the other keeps its name and its guard', async () => {
    const other = await secondAdmin();
    const replies = await Promise.all([
      env.call(admin, 'org.upsertUnit', { id: 'grid-2', name: '东区网格' }, 'race-rename-a'),
      env.call(other, 'org.upsertUnit', { id: 'grid-3', name: '东区网格' }, 'race-rename-b'),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'ORG_NAME_TAKEN' });
    const winner = replies.find((r) => r.ok).data.unit.id;
    const loser = winner === 'grid-2' ? 'grid-3' : 'grid-2';
    expect((await stored(COMMUNITY, '东区网格')).units.map((u: { _id: string }) => u._id)).toEqual([winner]);
    // The old name of the renamed grid is free again; the other grid still holds its own.
    const oldName = winner === 'grid-2' ? '第二网格' : '第三网格';
    const keptName = loser === 'grid-2' ? '第二网格' : '第三网格';
    expect((await stored(COMMUNITY, oldName)).guards).toEqual([]);
    expect((await stored(COMMUNITY, keptName)).guards.map((g: { unitId: string }) => g.unitId)).toEqual([loser]);
    expect(ok(await env.call(admin, 'org.upsertUnit', { parentId: COMMUNITY, name: oldName }, 'reuse-old-name')).unit.name).toBe(oldName);
  });

  it('a retired unit releases its name; a retry of a create replays its reply and makes nothing more', async () => {
    const first = ok(await env.call(admin, 'org.upsertUnit', { parentId: 'grid-1', name: '10号楼' }, 'create-10'));
    expect(await env.call(admin, 'org.upsertUnit', { parentId: 'grid-1', name: '10号楼' }, 'create-10')).toMatchObject({ ok: true, data: first });
    expect(await env.call(admin, 'org.upsertUnit', { parentId: 'grid-1', name: '10号楼' }, 'create-10-again')).toMatchObject({
      ok: false,
      code: 'ORG_NAME_TAKEN',
    });
    ok(await env.call(admin, 'org.retireUnit', { id: first.unit.id, reason: '录入错误' }, 'retire-10'));
    expect((await stored('grid-1', '10号楼')).guards).toEqual([]);
    const second = ok(await env.call(admin, 'org.upsertUnit', { parentId: 'grid-1', name: '10号楼' }, 'create-10-new')).unit;
    expect(second.id).not.toBe(first.unit.id);
    expect((await stored('grid-1', '10号楼')).units.map((u: { _id: string }) => u._id)).toEqual([second.id]);
  });

  it('a buildings file takes its buildings’ names too: the tree then refuses the name, and a file naming a tree building (spaced) is refused whole', async () => {
    const importBuildings = async (rows: string[][]) => {
      const fileID = await uploadFile(env.emu, sun, await xlsx([['网格', '楼栋', '单元数', '地址'], ...rows]));
      return env.call(sun, 'roster.import', { fileID, communityId: COMMUNITY, kind: 'buildings' });
    };
    expect(ok(await importBuildings([['第一网格', '10号楼', '3', '']]))).toMatchObject({ status: 'done' });
    expect(await env.call(admin, 'org.upsertUnit', { parentId: 'grid-1', name: '10 号楼' }, 'tree-ten-1')).toMatchObject({ code: 'ORG_NAME_TAKEN' });
    // The tree shows the file's 单元数 on the building.
    const buildings = ok(await env.call(admin, 'org.tree', { parentId: 'grid-1' })).items;
    expect(buildings.find((b: { name: string }) => b.name === '10号楼')).toMatchObject({ entrances: 3, retired: null });

    ok(await env.call(admin, 'org.upsertUnit', { parentId: 'grid-2', name: '20号楼' }, 'tree-twenty-1'));
    expect(
      await importBuildings([
        ['第二网格', '20 号楼', '2', ''],
        ['第二网格', '21号楼', '2', ''],
      ]),
    ).toMatchObject({ ok: false, code: 'ORG_NAME_TAKEN' });
    expect((await stored('grid-2', '21号楼')).units).toEqual([]);
    expect((await stored('grid-2', '20号楼')).units).toHaveLength(1);
  });
});
