import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { ramp, upload, verified } from './petition-fixtures';
import { gao, liu, sun, zhao } from './personas';
import { expectCovered, rid } from './points-helpers';

/**
 * 红色代办 for a person of the 人口台账 (issue 13): the grid worker picks them from the roster in force; the case is
 * linked to the entry's stable key and placed at the roster's building, and becomes theirs when they join.
 */
const env = useEmulator();
const { call } = env;

const zheng = 'o-newcomer-zheng';
const key = 'community-wutong|building-2|3|501|郑大爷';
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

/** 郑大爷 of 2号楼 (第一网格) in the roster in force; a stale copy of him sits in an import that is not. */
async function seedRoster() {
  const db = databaseOf(env.emu);
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'import-test', rows: 1 } });
  const entry = { key, communityId: 'community-wutong', gridId: 'grid-1', buildingId: 'building-2', buildingName: '2号楼', unit: '3', room: '501' };
  const person = { name: '郑大爷', phone: '13700005678', tags: ['独居老人'], userId: null };
  await db.collection('roster_entries').add({ data: { _id: `import-test-x`, importId: 'import-test', ...entry, ...person } });
  await db.collection('roster_entries').add({ data: { _id: `import-old-x`, importId: 'import-old', ...entry, ...person, buildingId: 'building-1' } });
  return db;
}

/** 刘芳 takes the case and closes it on the spot, with the photos that needs. */
async function resolve(id: string): Promise<void> {
  ok(await call(liu, 'petition.accept', { petitionId: id }));
  const [before, after] = [await upload(env.emu, liu, `before-${id}`), await upload(env.emu, liu, `after-${id}`)];
  ok(await call(liu, 'petition.resolve', { petitionId: id, feedback: '已当场修好，请查看', beforePhotos: [before], afterPhotos: [after] }));
  // She cannot verify her own work: the community checks it on site.
  await verified(call, env.emu, id, sun);
}

/** Somewhere else than his building: the roster's building wins. */
const elsewhere = { ...ramp, location: { kind: 'building', buildingId: 'building-1', detail: '楼道口' } };

describe('红色代办 from the roster', () => {
  it('the case carries the roster key and the roster’s building; a grid worker of another grid is refused, seeing nothing', async () => {
    const db = await seedRoster();
    const attack = await call(zhao, 'petition.create', { ...ramp, onBehalfOf: { rosterKey: key } }, rid('proxy-roster', 1));
    refused(attack, 'FORBIDDEN_SCOPE');
    expect(JSON.stringify(attack)).not.toMatch(/郑|13700005678|501/);
    refused(
      await call(liu, 'petition.create', { ...ramp, onBehalfOf: { rosterKey: 'community-wutong|nobody' } }, rid('proxy-roster', 2)),
      'NOT_FOUND',
    );

    const filed = ok(await call(liu, 'petition.create', { ...elsewhere, onBehalfOf: { rosterKey: key } }, rid('proxy-roster', 3))).petition;
    expect(filed).toMatchObject({ gridName: '第一网格', reporter: { proxy: true, filedBy: '刘芳' } });
    const doc = (await db.collection('petitions').doc(filed.id).get()).data;
    expect(doc).toMatchObject({ rosterKey: key, reporterId: null, reporterName: '郑大爷', buildingId: 'building-2', gridId: 'grid-1' });
    expect(doc.location).toMatchObject({ buildingName: '2号楼', detail: '楼道口' });
    // Community staff may file for him too.
    ok(await call(gao, 'petition.create', { ...ramp, onBehalfOf: { rosterKey: key } }, rid('proxy-roster', 4)));
    await expectCovered(env.emu);
  });

  it('he joins through the roster, sees the cases filed for him, and rates one himself; a 代评 given before stays marked', async () => {
    await seedRoster();
    const relayed = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { rosterKey: key } }, rid('proxy-roster', 5))).petition.id;
    const own = ok(
      await call(
        liu,
        'petition.create',
        { ...ramp, description: '2号楼3单元楼道灯不亮，晚上看不见台阶', onBehalfOf: { rosterKey: key } },
        rid('proxy-roster', 6),
      ),
    ).petition.id;
    await resolve(relayed);
    await resolve(own);
    // Before he joins, 刘芳 relays his word on one as 代评: recorded, never his satisfaction.
    const rated = ok(await call(liu, 'petition.rate', { petitionId: relayed, rating: 'satisfied' })).petition;
    expect(rated).toMatchObject({ outcome: 'unrated', rating: { byProxy: true } });

    const form = { buildingId: 'building-2', unit: '3', room: '501', name: '郑大爷', phone: '13700005678', privacyVersion: '2026-12-01' };
    expect(ok(await call(zheng, 'user.join', { ...form, apply: false }, rid('proxy-join', 1)))).toMatchObject({ status: 'verified' });
    const mine = ok(await call(zheng, 'petition.listMine')).items.map((p: any) => p.id);
    expect(mine.sort()).toEqual([relayed, own].sort());
    // The open one is his to rate now, and counts as his own; the filer may no longer relay it.
    refused(await call(liu, 'petition.rate', { petitionId: own, rating: 'satisfied' }), 'PETITION_NOT_REPORTER');
    expect(ok(await call(zheng, 'petition.get', { petitionId: own })).petition.rates).toBe('reporter');
    const his = ok(await call(zheng, 'petition.rate', { petitionId: own, rating: 'satisfied' })).petition;
    expect(his).toMatchObject({ outcome: 'rated', rating: { value: 'satisfied', byProxy: false } });
    expect(ok(await call(zheng, 'petition.get', { petitionId: relayed })).petition).toMatchObject({ outcome: 'unrated', rating: { byProxy: true } });
    // Filed after he joined: the case is his from the start.
    const later = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { rosterKey: key } }, rid('proxy-roster', 7))).petition.id;
    expect(ok(await call(zheng, 'petition.listMine')).items.map((p: any) => p.id)).toContain(later);
    await expectCovered(env.emu);
  });
});
