import * as cloud from 'wx-server-sdk';
import { ok, useEmulator } from './call';
import { liu, merchant, stranger, sun, wang } from './personas';

const env = useEmulator();
const { call } = env;

const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const names = (grids: any[]) => grids.map((g) => [g.name, g.buildings.map((b: any) => b.name)]);

const wutong = [
  ['第一网格', ['1号楼', '2号楼', '3号楼']],
  ['第二网格', ['4号楼', '5号楼', '6号楼']],
  ['第三网格', ['7号楼', '8号楼', '9号楼']],
];

/**
 * A second community of the same street (银杏社区), written through the real SDK the functions use: two grids
 * named out of code-point order, twelve buildings in one, and a resident of its own.
 */
async function ginkgo(): Promise<string> {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${env.emu.url}/__tcb` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  cloud.init({ env: 'linli-local' });
  const db = cloud.database();
  const path = ['street-qingshi', 'community-ginkgo'];
  const units = [
    { _id: 'community-ginkgo', kind: 'community', name: '银杏社区', parentId: 'street-qingshi', path: ['street-qingshi'] },
    { _id: 'ginkgo-grid-b', kind: 'grid', name: '第十网格', parentId: 'community-ginkgo', path },
    { _id: 'ginkgo-grid-a', kind: 'grid', name: '第二网格', parentId: 'community-ginkgo', path },
    ...Array.from({ length: 12 }, (_, i) => ({
      _id: `ginkgo-b-${12 - i}`,
      kind: 'building',
      name: `银杏${12 - i}号楼`,
      parentId: 'ginkgo-grid-a',
      path: [...path, 'ginkgo-grid-a'],
    })),
  ];
  for (const data of units) await db.collection('org_units').add({ data });
  const openid = 'o-ginkgo-resident';
  await db.collection('users').add({
    data: {
      _id: openid,
      name: '钟晓',
      phone: '13800009999',
      roles: ['resident'],
      streetId: 'street-qingshi',
      communityId: 'community-ginkgo',
      gridId: 'ginkgo-grid-a',
      buildingId: 'ginkgo-b-3',
      room: '1单元101',
      birthYear: 1990,
    },
  });
  return openid;
}

describe('petition.places: where a problem can be', () => {
  it('a resident of 梧桐社区 gets its grids and their buildings, in counting order, from indexed reads', async () => {
    expect(names(ok(await call(wang, 'petition.places')).grids)).toEqual(wutong);
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'petition.places', ok: true, uncovered: [] });
    // The caller, the grids, the buildings: three reads whatever the size of the community.
    expect(record!.dbRequests).toBe(3);
  });

  it('a grid worker filing for a resident gets the same list', async () => {
    expect(names(ok(await call(liu, 'petition.places')).grids)).toEqual(wutong);
  });

  it('each community sees its own buildings only', async () => {
    const resident = await ginkgo();
    expect(names(ok(await call(wang, 'petition.places')).grids)).toEqual(wutong);
    const theirs = ok(await call(resident, 'petition.places')).grids;
    expect(names(theirs)).toEqual([
      ['第二网格', Array.from({ length: 12 }, (_, i) => `银杏${i + 1}号楼`)],
      ['第十网格', []],
    ]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('only those who report problems ask for the list', async () => {
    refused(await call(sun, 'petition.places'), 'FORBIDDEN_ROLE');
    refused(await call(stranger, 'petition.places'), 'NOT_REGISTERED');
    expect(ok(await call(merchant, 'petition.places')).grids).toHaveLength(3);
    refused(await call(wang, 'petition.places', { communityId: 'community-ginkgo' }), 'BAD_INPUT');
  });
});
