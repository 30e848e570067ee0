import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { ramp } from './petition-fixtures';
import { admin, li, liu, sun, wang, zhang, zhao } from './personas';
import { expectCovered, rid } from './points-helpers';

/**
 * 代办人 (issue 13): 李明, living in another grid, asks to be the helper of 王秀英; she (or 刘芳, her grid worker, for
 * her) consents; he then files wishes and petitions for her — recorded as filed by him, never as her — sees them,
 * and confirms for her as 代评. Either side ends it.
 */
const env = useEmulator();
const { call } = env;
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const asking = { parentName: '王秀英', parentPhone: '13800001001', relation: '儿子' };

async function requested(): Promise<string> {
  return ok(await call(li, 'helper.request', asking, rid('helper-req', 1))).binding.id;
}

async function bound(): Promise<string> {
  const id = await requested();
  ok(await call(wang, 'helper.consent', { bindingId: id }, rid('helper-consent', 1)));
  return id;
}

describe('代办人 binding', () => {
  it('the child asks by the parent’s name and registered phone; nobody learns more from a wrong guess', async () => {
    refused(await call(li, 'helper.request', { ...asking, parentPhone: '13800009999' }, rid('helper-req', 9)), 'HELPER_PARENT_NOT_FOUND');
    refused(await call(li, 'helper.request', { ...asking, parentName: '王秀' }, rid('helper-req', 8)), 'HELPER_PARENT_NOT_FOUND');
    refused(await call(li, 'helper.request', { ...asking, parentName: '李明', parentPhone: '13800001002' }, rid('helper-req', 7)), 'FORBIDDEN_SELF');
    const first = ok(await call(li, 'helper.request', asking, rid('helper-req', 1))).binding;
    expect(first).toMatchObject({ parentName: '王秀英', relation: '儿子', status: 'requested', consent: null, viewer: 'helper' });
    // Asking again (a double tap, another day) is the same binding.
    expect(ok(await call(li, 'helper.request', asking, rid('helper-req', 2))).binding.id).toBe(first.id);

    const mine = ok(await call(wang, 'helper.list', {}));
    expect(mine.asParent).toEqual([expect.objectContaining({ id: first.id, helper: { name: '李明', phone: '13800001002' }, viewer: 'parent' })]);
    // Her grid worker sees it to confirm for her, with his phone masked; another grid's worker does not.
    expect(ok(await call(liu, 'helper.list', {})).toConsent).toEqual([
      expect.objectContaining({ id: first.id, helper: { name: '李明', phone: '138****1002' }, viewer: 'organiser' }),
    ]);
    expect(ok(await call(zhao, 'helper.list', {})).toConsent).toEqual([]);
    await expectCovered(env.emu);
  });

  it('the helper never consents for himself; another grid’s worker may not; two consents at once make one binding', async () => {
    const id = await requested();
    refused(await call(li, 'helper.consent', { bindingId: id }, rid('helper-consent', 9)), 'FORBIDDEN_SELF');
    refused(await call(zhao, 'helper.consent', { bindingId: id }, rid('helper-consent', 8)), 'HELPER_NOT_FOUND');
    // Filing before consent is refused.
    refused(await call(li, 'wish.create', { ...newWish, onBehalfOf: { helperBinding: id } }, rid('helper-wish', 0)), 'HELPER_NOT_BOUND');

    const [a, b] = await Promise.all([
      call(wang, 'helper.consent', { bindingId: id }, rid('helper-consent', 1)),
      call(liu, 'helper.consent', { bindingId: id }, rid('helper-consent', 2)),
    ]);
    const bindings = [ok(a).binding, ok(b).binding];
    expect(bindings.map((x) => x.status)).toEqual(['active', 'active']);
    // Both answers name the one consent that won, with its time and who gave it.
    expect(bindings[0].consent).toEqual(bindings[1].consent);
    expect(['parent', 'grid_worker']).toContain(bindings[0].consent.as);
    const docs = (await databaseOf(env.emu).collection('helper_bindings').get()).data;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ status: 'active', parentId: wang, helperId: li, consent: { by: expect.any(String), at: expect.anything() } });
  });

  it('the grid worker consents for her, recorded as such', async () => {
    const id = await requested();
    const binding = ok(await call(liu, 'helper.consent', { bindingId: id }, rid('helper-consent', 3))).binding;
    expect(binding).toMatchObject({ status: 'active', consent: { byName: '刘芳', as: 'grid_worker' } });
  });

  it('he files a wish and a petition for her: hers, at her home, filed by him; he sees them and confirms as 代评', async () => {
    const id = await bound();
    const wish = ok(await call(li, 'wish.create', { ...newWish, onBehalfOf: { helperBinding: id } }, rid('helper-wish', 1))).wish;
    expect(wish).toMatchObject({ resident: { name: '王秀英', building: '2号楼', phone: '13800001001' }, gridName: '第一网格' });
    expect(wish.proxy).toEqual({ filedByName: '李明', asHelper: true });
    const db = databaseOf(env.emu);
    expect((await db.collection('wishes').doc(wish.id).get()).data).toMatchObject({
      residentId: wang,
      filedById: li,
      filedAs: 'helper',
      gridId: 'grid-1',
      buildingId: 'building-2',
    });
    // Hers to see; his under 我代办的; neither is his own wish.
    expect(ok(await call(wang, 'wish.listMine', {})).items.map((w: any) => w.id)).toContain(wish.id);
    expect(ok(await call(li, 'wish.listMine', { kind: 'filed' })).items.map((w: any) => w.id)).toEqual([wish.id]);
    expect(ok(await call(li, 'wish.listMine', {})).items).toEqual([]);
    expect(ok(await call(li, 'wish.get', { wishId: wish.id })).wish.viewer).toMatchObject({ isResident: false, relays: true });

    // Served: 刘芳 approves, 张建国 claims and completes; 李明 confirms for her — marked 代评.
    ok(await call(liu, 'wish.approve', { wishId: wish.id, points: 10 }));
    refused(await call(li, 'wish.claim', { wishId: wish.id }), 'FORBIDDEN_ROLE');
    ok(await call(zhang, 'wish.claim', { wishId: wish.id }));
    ok(await call(zhang, 'wish.checkIn', { wishId: wish.id }));
    ok(await call(zhang, 'wish.complete', { wishId: wish.id, proof: '已上门换好灯泡，试过能用' }));
    const confirmed = ok(await call(li, 'wish.confirm', { wishId: wish.id, rating: 5 }, rid('helper-confirm', 1))).wish;
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: { stars: 5, byProxy: true } });

    const petition = ok(await call(li, 'petition.create', { ...ramp, onBehalfOf: { helperBinding: id } }, rid('helper-pet', 1))).petition;
    expect(petition).toMatchObject({ gridName: '第一网格', reporter: { proxy: true, filedBy: '李明' } });
    expect((await db.collection('petitions').doc(petition.id).get()).data).toMatchObject({
      reporterId: wang,
      filedById: li,
      filedAs: 'helper',
      buildingId: 'building-2',
    });
    // The form asks no place for her: her home is where it is filed. Her own case still needs one.
    const { location: _where, ...noPlace } = ramp;
    const atHome = ok(await call(li, 'petition.create', { ...noPlace, onBehalfOf: { helperBinding: id } }, rid('helper-pet', 3))).petition;
    expect((await db.collection('petitions').doc(atHome.id).get()).data).toMatchObject({ reporterId: wang, buildingId: 'building-2' });
    refused(await call(wang, 'petition.create', noPlace, rid('helper-pet', 4)), 'BAD_INPUT');
    expect(ok(await call(wang, 'petition.listMine', { kind: 'reported' })).items.map((p: any) => p.id)).toContain(petition.id);
    expect(ok(await call(li, 'petition.listMine', { kind: 'filed' })).items.map((p: any) => p.id)).toEqual([atHome.id, petition.id]);
    await expectCovered(env.emu);
  });

  it('her home moved to another grid: what he files for her lands there, and her own case at home too', async () => {
    const id = await bound();
    // 2号楼 moves from 第一网格 to 第二网格 (the admin's org tree); her profile moves with it.
    ok(await call(admin, 'org.upsertUnit', { id: 'building-2', parentId: 'grid-2', name: '2号楼' }, rid('move-building', 1)));
    const { location: _where, ...noPlace } = ramp;
    const helped = ok(await call(li, 'petition.create', { ...noPlace, onBehalfOf: { helperBinding: id } }, rid('moved-pet', 1))).petition;
    const own = ok(await call(wang, 'petition.create', ramp, rid('moved-pet', 2))).petition;
    const wish = ok(await call(li, 'wish.create', { ...newWish, onBehalfOf: { helperBinding: id } }, rid('moved-wish', 1))).wish;
    const db = databaseOf(env.emu);
    for (const doc of [await db.collection('petitions').doc(helped.id).get(), await db.collection('petitions').doc(own.id).get()])
      expect(doc.data).toMatchObject({ gridId: 'grid-2', buildingId: 'building-2', location: { buildingName: '2号楼' } });
    expect(helped.gridName).toBe('第二网格');
    expect((await db.collection('wishes').doc(wish.id).get()).data).toMatchObject({ gridId: 'grid-2', buildingId: 'building-2' });
    // Another building than her home is still read and checked: one of her community places the case in its grid.
    const elsewhere = ok(
      await call(wang, 'petition.create', { ...ramp, location: { kind: 'building', buildingId: 'building-1' } }, rid('moved-pet', 3)),
    );
    expect((await db.collection('petitions').doc(elsewhere.petition.id).get()).data).toMatchObject({ buildingId: 'building-1', gridId: 'grid-1' });
  });

  it('either side ends it; then he files for her no more', async () => {
    const id = await bound();
    refused(await call(zhao, 'helper.end', { bindingId: id }, rid('helper-end', 9)), 'HELPER_NOT_FOUND');
    expect(ok(await call(wang, 'helper.end', { bindingId: id }, rid('helper-end', 1))).binding).toMatchObject({
      status: 'ended',
      endedByName: '王秀英',
    });
    refused(await call(li, 'wish.create', { ...newWish, onBehalfOf: { helperBinding: id } }, rid('helper-wish', 2)), 'HELPER_NOT_BOUND');
    refused(await call(li, 'petition.create', { ...ramp, onBehalfOf: { helperBinding: id } }, rid('helper-pet', 2)), 'HELPER_NOT_BOUND');
    refused(await call(wang, 'helper.consent', { bindingId: id }, rid('helper-consent', 4)), 'HELPER_ENDED');
    expect(ok(await call(li, 'helper.list', {})).asHelper).toEqual([]);
    // Asked again, it starts over as a request.
    expect(ok(await call(li, 'helper.request', asking, rid('helper-req', 3))).binding).toMatchObject({ id, status: 'requested' });
  });

  it('someone who is not her helper cannot file for her through another’s binding', async () => {
    const id = await bound();
    refused(await call(zhang, 'wish.create', { ...newWish, onBehalfOf: { helperBinding: id } }, rid('helper-wish', 3)), 'HELPER_NOT_BOUND');
    // A resident may not file for someone by id: that is for her grid worker or staff.
    refused(await call(li, 'wish.create', { ...newWish, onBehalfOf: { residentId: wang } }, rid('helper-wish', 4)), 'FORBIDDEN_ROLE');
  });
});

describe('代办 of wishes by grid workers and staff', () => {
  it('刘芳 files for 王秀英 of her grid; 赵强 of another grid is refused; 孙丽 (staff) may too', async () => {
    refused(await call(zhao, 'wish.create', { ...newWish, onBehalfOf: { residentId: wang } }, rid('grid-wish', 1)), 'FORBIDDEN_SCOPE');
    const wish = ok(await call(liu, 'wish.create', { ...newWish, onBehalfOf: { residentId: wang } }, rid('grid-wish', 2))).wish;
    expect(wish).toMatchObject({ resident: { name: '王秀英', building: '2号楼' }, proxy: { filedByName: '刘芳', asHelper: false } });
    expect(ok(await call(wang, 'wish.listMine', {})).items.map((w: any) => w.id)).toContain(wish.id);
    // She confirms her own wish herself: the grid worker does not relay for a registered resident.
    expect(ok(await call(liu, 'wish.get', { wishId: wish.id })).wish.viewer).toMatchObject({ relays: false, organises: true });
    ok(await call(sun, 'wish.create', { ...newWish, onBehalfOf: { residentId: wang } }, rid('grid-wish', 3)));
    // Admitted to file for others, neither posts a wish or (staff) a case of their own.
    refused(await call(sun, 'wish.create', newWish, rid('grid-wish', 4)), 'FORBIDDEN_ROLE');
    refused(await call(liu, 'wish.create', newWish, rid('grid-wish', 5)), 'FORBIDDEN_ROLE');
    refused(await call(sun, 'petition.create', ramp, rid('grid-pet', 1)), 'FORBIDDEN_ROLE');
    await expectCovered(env.emu);
  });

  it('a 人口台账 person not yet joined: the wish is theirs by key, at their building, and the filer confirms as 代评', async () => {
    const db = databaseOf(env.emu);
    const key = 'community-wutong|building-2|3|501|郑大爷';
    await db
      .collection('roster_heads')
      .doc('community-wutong')
      .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'import-test', rows: 1 } });
    await db.collection('roster_entries').add({
      data: {
        _id: 'import-test-x',
        importId: 'import-test',
        key,
        communityId: 'community-wutong',
        gridId: 'grid-1',
        buildingId: 'building-2',
        buildingName: '2号楼',
        unit: '3',
        room: '501',
        name: '郑大爷',
        phone: '13700005678',
        tags: ['独居老人'],
        userId: null,
      },
    });
    const attack = await call(zhao, 'wish.create', { ...newWish, onBehalfOf: { rosterKey: key } }, rid('roster-wish', 1));
    refused(attack, 'FORBIDDEN_SCOPE');
    expect(JSON.stringify(attack)).not.toMatch(/郑|13700005678|501/);
    const wish = ok(await call(liu, 'wish.create', { ...newWish, onBehalfOf: { rosterKey: key } }, rid('roster-wish', 2))).wish;
    expect((await db.collection('wishes').doc(wish.id).get()).data).toMatchObject({
      residentId: `roster:${key}`,
      rosterKey: key,
      residentName: '郑大爷',
      filedById: liu,
      filedAs: 'grid',
      buildingId: 'building-2',
    });
    expect(ok(await call(liu, 'wish.get', { wishId: wish.id })).wish.viewer).toMatchObject({ relays: true });
    // When 郑大爷 joins through the roster, the wish filed for him becomes his, as cases filed for him do.
    const zheng = 'o-newcomer-zheng';
    const form = { buildingId: 'building-2', unit: '3', room: '501', name: '郑大爷', phone: '13700005678', privacyVersion: '2026-12-01' };
    expect(ok(await call(zheng, 'user.join', { ...form, apply: false }, rid('roster-join', 1)))).toMatchObject({ status: 'verified' });
    expect(ok(await call(zheng, 'wish.listMine')).items.map((w: any) => w.id)).toEqual([wish.id]);
    expect((await db.collection('wishes').doc(wish.id).get()).data).toMatchObject({ residentId: zheng, residentName: '郑大爷', filedById: liu });
    await expectCovered(env.emu);
  });
});
