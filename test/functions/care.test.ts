import { DAY_MS } from '../../src/shared/domain/time';
import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { admin, gao, liu, li, sun, wang, zhang, zhao } from './personas';
import { expectCovered, rid } from './points-helpers';

/**
 * 红黄蓝 household care (issue 16): tiers set from the roster, 今日走访 by rhythm and by event, visits that move the
 * next one on, coverage per grid, and who may see a tier.
 */
const env = useEmulator();
const { call } = env;

const zheng = 'community-wutong|building-2|3|501|郑大爷';
const qin = 'community-wutong|building-5|1|101|秦阿姨';
const gaoHome = 'community-wutong|building-7|2|301|高敏';
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

/**
 * 郑大爷 (2号楼, 第一网格, 独居老人), 秦阿姨 (5号楼, 第二网格, 低保) and 高敏's own home in the roster in force; and a
 * petition category about hardship, in every test (the petition function keeps categories warm across them).
 */
async function seedRoster() {
  const db = databaseOf(env.emu);
  const hardship = { name: '生活困难', parentId: null, order: 80, departmentId: null, council: false, private: true };
  await db.collection('petition_categories').doc('hardship').set({ data: hardship });
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'import-care', rows: 3 } });
  const rows = [
    [zheng, 'grid-1', 'building-2', '2号楼', '3', '501', '郑大爷', ['独居老人']],
    [qin, 'grid-2', 'building-5', '5号楼', '1', '101', '秦阿姨', ['低保']],
    [gaoHome, 'grid-3', 'building-7', '7号楼', '2', '301', '高敏', []],
  ] as const;
  for (const [key, gridId, buildingId, buildingName, unit, room, name, tags] of rows)
    await db.collection('roster_entries').add({
      data: {
        _id: `import-care-${room}`,
        importId: 'import-care',
        key,
        communityId: 'community-wutong',
        gridId,
        buildingId,
        buildingName,
        unit,
        room,
        name,
        phone: null,
        tags,
        userId: null,
        sortKey: key,
      },
    });
  return db;
}

const advanceDays = (days: number) => env.emu.clock({ advanceMs: days * DAY_MS });

describe('care.setTier', () => {
  it('the grid worker tags a home from the roster; the next visit is the tier’s rhythm away; others are refused', async () => {
    await seedRoster();
    const { household } = ok(await call(liu, 'care.setTier', { rosterKey: zheng, tier: 'red', reason: '独居，腿脚不便' }, rid('tier', 1)));
    expect(household).toMatchObject({ tier: 'red', reason: '独居，腿脚不便', suggested: 'red', room: '3单元501', names: ['郑大爷'], state: 'later' });
    refused(await call(zhao, 'care.setTier', { rosterKey: zheng, tier: 'green', reason: '情况好转' }, rid('tier', 2)), 'FORBIDDEN_SCOPE');
    refused(await call(wang, 'care.setTier', { rosterKey: zheng, tier: 'green', reason: '情况好转' }, rid('tier', 3)), 'FORBIDDEN_ROLE');
    refused(await call(admin, 'care.setTier', { rosterKey: zheng, tier: 'green', reason: '情况好转' }, rid('tier', 4)), 'FORBIDDEN_ROLE');
    refused(await call(liu, 'care.setTier', { rosterKey: zheng, tier: 'purple', reason: '情况好转' }, rid('tier', 5)), 'BAD_INPUT');
    // Staff-self: 高敏 may not tag her own home, though she is staff of its community.
    refused(await call(gao, 'care.setTier', { rosterKey: gaoHome, tier: 'green', reason: '自己家' }, rid('tier', 6)), 'FORBIDDEN_SELF');
    // Staff may tag any home of the community.
    expect(ok(await call(sun, 'care.setTier', { rosterKey: qin, tier: 'yellow', reason: '低保户' }, rid('tier', 7))).household.tier).toBe('yellow');
    await expectCovered(env.emu);
  });
});

describe('今日走访 and care.logVisit', () => {
  it('a red home falls due after 7 days; the visit moves it on by 7; a retry logs it once', async () => {
    await seedRoster();
    const { household } = ok(await call(liu, 'care.setTier', { rosterKey: zheng, tier: 'red', reason: '独居' }, rid('due', 1)));
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toEqual([]);
    await advanceDays(8);
    const due = ok(await call(liu, 'care.dueVisits', {}));
    expect(due.items).toHaveLength(1);
    expect(due.items[0]).toMatchObject({
      id: household.id,
      state: 'overdue',
      daysOverdue: 1,
      reasons: [{ kind: 'rhythm', label: '连心户 每 7 天走访' }],
    });
    // 赵强 of 第二网格 sees nothing of it, and cannot log a visit there.
    expect(ok(await call(zhao, 'care.dueVisits', {})).items).toEqual([]);
    refused(await call(zhao, 'care.logVisit', { householdId: household.id, note: '路过看看' }, rid('due', 2)), 'CARE_HOUSEHOLD_NOT_FOUND');

    const first = ok(await call(liu, 'care.logVisit', { householdId: household.id, note: '身体还好，药快吃完了' }, rid('due', 3)));
    const again = ok(await call(liu, 'care.logVisit', { householdId: household.id, note: '身体还好，药快吃完了' }, rid('due', 3)));
    expect(again.visit.id).toBe(first.visit.id);
    expect(first.household).toMatchObject({ visits: 1, state: 'later' });
    expect(Date.parse(first.household.dueAt) - Date.parse(first.household.lastVisitAt)).toBeLessThanOrEqual(7 * DAY_MS);
    expect(Date.parse(first.household.dueAt) - Date.parse(first.household.lastVisitAt)).toBeGreaterThan(6 * DAY_MS);
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toEqual([]);
    const card = ok(await call(liu, 'care.household', { householdId: household.id }));
    expect(card.household.visits).toBe(1);
    expect(card.recent).toHaveLength(1);
    expect(card.recent[0]).toMatchObject({ byName: '刘芳', note: '身体还好，药快吃完了', buildingName: '2号楼' });
    await expectCovered(env.emu);
  });

  it('a wish in 助老 puts the resident’s home on 今日走访 within 3 days; the visit clears it', async () => {
    await seedRoster();
    const wish = ok(await call(wang, 'wish.create', { ...newWish, title: '陪我去医院复查', categoryId: 'elderly' }, rid('event', 1))).wish;
    await advanceDays(3);
    const { items } = ok(await call(liu, 'care.dueVisits', {}));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ buildingName: '2号楼', room: '1单元302', names: ['王秀英'], tier: null, state: 'due' });
    expect(items[0].reasons).toEqual([expect.objectContaining({ kind: 'wish', label: '心愿「陪我去医院复查」后回访' })]);
    // A repair wish asks for no visit.
    ok(await call(wang, 'wish.create', newWish, rid('event', 2)));
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toHaveLength(1);
    ok(await call(liu, 'care.logVisit', { householdId: items[0].id, note: '已安排志愿者陪同' }, rid('event', 3)));
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toEqual([]);
    // Her own card: the household itself sees it (no tier yet); a neighbour is told there is none.
    const own = ok(await call(wang, 'care.household', {}));
    expect(own.household).toMatchObject({ id: items[0].id, tier: null, visits: 1 });
    refused(await call(li, 'care.household', { householdId: items[0].id }), 'CARE_HOUSEHOLD_NOT_FOUND');
    refused(await call(zhang, 'care.household', { householdId: items[0].id }), 'CARE_HOUSEHOLD_NOT_FOUND');
    expect(wish.id).toBeTruthy();
  });

  it('发现问题 at a registered resident’s home files a wish and a case for her (代办), preselected by her account', async () => {
    await seedRoster();
    ok(await call(wang, 'wish.create', { ...newWish, title: '陪我去医院复查', categoryId: 'elderly' }, rid('found', 1)));
    // Her home is known only from her own wish: no roster key, but her account to file for — for the grid worker.
    const [item] = ok(await call(liu, 'care.dueVisits', {})).items;
    expect(item).toMatchObject({ names: ['王秀英'], rosterKey: null, residentId: wang });
    const onBehalfOf = { residentId: item.residentId };
    const filedWish = ok(await call(liu, 'wish.create', { ...newWish, title: '代买降压药', categoryId: 'errand', onBehalfOf }, rid('found', 2))).wish;
    expect(filedWish).toMatchObject({ title: '代买降压药', proxy: { filedByName: '刘芳' } });
    const storedWish = (await databaseOf(env.emu).collection('wishes').doc(filedWish.id).get()).data;
    expect(storedWish).toMatchObject({ residentId: wang, filedById: liu, buildingId: 'building-2' });
    // The case needs no place: it is placed at her home (2号楼, 第一网格), hers, filed by 刘芳.
    const description = '走访发现：楼道灯坏了，老人晚上不敢出门';
    const { petition } = ok(
      await call(liu, 'petition.create', { categoryId: 'accessibility', description, accepted: [], onBehalfOf }, rid('found', 3)),
    );
    expect(petition).toMatchObject({ location: expect.objectContaining({ buildingName: '2号楼' }) });
    const stored = (await databaseOf(env.emu).collection('petitions').doc(petition.id).get()).data;
    expect(stored).toMatchObject({ reporterId: wang, reporterRoom: '1单元302', filedById: liu, gridId: 'grid-1', buildingId: 'building-2' });
    // Another grid’s worker may not file for her; her own card names nobody by id.
    refused(await call(zhao, 'petition.create', { categoryId: 'accessibility', description, onBehalfOf }, rid('found', 4)), 'FORBIDDEN_SCOPE');
    expect(ok(await call(wang, 'care.household', {})).household).toBeNull();
    ok(await call(liu, 'care.logVisit', { householdId: item.id, note: '已代办两件事' }, rid('found', 5)));
    expect(ok(await call(wang, 'care.household', {})).household).toMatchObject({ residentId: null, visits: 1 });
    expect(ok(await call(liu, 'care.household', { householdId: item.id })).household).toMatchObject({ residentId: wang });
    await expectCovered(env.emu);
  });
});

describe('care.reportEvent (大病回访)', () => {
  it('a hospital stay reported puts the home on 今日走访 3 days after the discharge; a retry reports it once; others are refused', async () => {
    await seedRoster();
    const { household } = ok(await call(liu, 'care.setTier', { rosterKey: zheng, tier: 'green', reason: '身体还好' }, rid('hosp', 1)));
    const today = ok(await call(liu, 'care.dueVisits', {})).today as string;
    const discharge = new Date(Date.parse(`${today}T12:00:00+08:00`) + 2 * DAY_MS).toISOString().slice(0, 10);
    const report = { householdId: household.id, kind: 'hospital', note: '肺炎住院', dischargedOn: discharge };
    const first = ok(await call(liu, 'care.reportEvent', report, rid('hosp', 2)));
    expect(first.event.reason).toMatchObject({ kind: 'hospital', label: '住院「肺炎住院」大病回访' });
    // Due on the discharge day + 3: five days from today.
    expect(Date.parse(first.event.reason.dueAt) - Date.parse(`${today}T00:00:00+08:00`)).toBe(5 * DAY_MS);
    expect(ok(await call(liu, 'care.reportEvent', report, rid('hosp', 2))).event.id).toBe(first.event.id);
    const [item] = ok(await call(liu, 'care.dueVisits', {})).items;
    // Its green rhythm is months away: the event alone brings it (as for a wish's), its tier not shown.
    expect(item).toMatchObject({ id: household.id, names: ['郑大爷'], state: 'later', rosterKey: zheng });
    expect(item.reasons).toEqual([expect.objectContaining({ kind: 'hospital', label: '住院「肺炎住院」大病回访' })]);
    // Staff report by roster person too; another grid's worker, a resident, and the organiser's own home are refused.
    ok(await call(sun, 'care.reportEvent', { rosterKey: qin, kind: 'hospital', note: '摔伤住院' }, rid('hosp', 3)));
    refused(
      await call(zhao, 'care.reportEvent', { householdId: household.id, kind: 'hospital', note: '住院' }, rid('hosp', 4)),
      'CARE_HOUSEHOLD_NOT_FOUND',
    );
    refused(await call(wang, 'care.reportEvent', { householdId: household.id, kind: 'hospital', note: '住院' }, rid('hosp', 5)), 'FORBIDDEN_ROLE');
    const farAhead = { ...report, dischargedOn: '2099-01-01' };
    refused(await call(liu, 'care.reportEvent', farAhead, rid('hosp', 6)), 'CARE_DISCHARGE_INVALID');
    // The visit clears the event; the home goes back to its rhythm.
    ok(await call(liu, 'care.logVisit', { householdId: household.id, note: '出院在家休养' }, rid('hosp', 7)));
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toEqual([]);
    await expectCovered(env.emu);
  });
});

describe('a petition about hardship', () => {
  it('puts the reporter’s home on 今日走访 within 2 days; a case of another kind does not', async () => {
    await seedRoster();
    const place = { location: { kind: 'building', buildingId: 'building-2', detail: '家里' }, accepted: [] };
    ok(
      await call(wang, 'petition.create', { ...place, categoryId: 'accessibility', description: '2号楼门口坡道塌了，轮椅推不上去' }, rid('hard', 1)),
    );
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toEqual([]);
    ok(
      await call(wang, 'petition.create', { ...place, categoryId: 'hardship', description: '老伴住院了，家里没人照应，生活有困难' }, rid('hard', 2)),
    );
    // The event rides in the case's retry record (no request of its own); the inbox timer puts it on the round.
    expect(ok(await call(liu, 'care.dueVisits', {})).items).toEqual([]);
    await env.emu.fireTrigger('notify', 'inbox');
    const { items } = ok(await call(liu, 'care.dueVisits', {}));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ room: '1单元302', names: ['王秀英'], state: 'later' });
    expect(items[0].reasons[0]).toMatchObject({ kind: 'petition', label: '诉求「老伴住院了，家里没人照应，生活有困难」后回访' });
    // Filed by proxy for 郑大爷 of the roster: his home joins the round too, once (a rerun of the timer writes the same).
    const proxied = { categoryId: 'hardship', description: '独居，生活困难，需要帮扶', accepted: [], onBehalfOf: { rosterKey: zheng } };
    ok(await call(liu, 'petition.create', proxied, rid('hard', 3)));
    await env.emu.fireTrigger('notify', 'inbox');
    await env.emu.fireTrigger('notify', 'inbox');
    const round = ok(await call(liu, 'care.dueVisits', {})).items;
    expect(round.map((i: any) => i.names[0]).sort()).toEqual(['王秀英', '郑大爷']);
    expect(round.find((i: any) => i.names[0] === '郑大爷')).toMatchObject({ room: '3单元501', rosterKey: zheng, reasons: [{ kind: 'petition' }] });
    await expectCovered(env.emu);
  });
});

describe('care.setRhythm and care.coverage', () => {
  it('staff set the rhythm; coverage counts due, done and overdue per grid', async () => {
    await seedRoster();
    refused(await call(sun, 'care.setRhythm', { rhythm: { red: 30, yellow: 7, green: 90 } }, rid('rhythm', 1)), 'CARE_RHYTHM_INVALID');
    refused(await call(liu, 'care.setRhythm', { rhythm: { red: 3, yellow: 14, green: 60 } }, rid('rhythm', 2)), 'FORBIDDEN_ROLE');
    ok(await call(sun, 'care.setRhythm', { rhythm: { red: 3, yellow: 14, green: 60 } }, rid('rhythm', 3)));
    expect(ok(await call(liu, 'care.rhythm', {})).rhythm).toEqual({ red: 3, yellow: 14, green: 60 });
    const red = ok(await call(liu, 'care.setTier', { rosterKey: zheng, tier: 'red', reason: '独居' }, rid('rhythm', 4))).household;
    ok(await call(sun, 'care.setTier', { rosterKey: qin, tier: 'yellow', reason: '低保户' }, rid('rhythm', 5)));
    await advanceDays(3);
    let grids = ok(await call(sun, 'care.coverage', {})).grids;
    expect(grids.find((g: any) => g.gridId === 'grid-1')).toMatchObject({ due: 1, done: 0, overdue: 0 });
    await advanceDays(1);
    grids = ok(await call(sun, 'care.coverage', {})).grids;
    expect(grids.find((g: any) => g.gridId === 'grid-1')).toMatchObject({ due: 0, done: 0, overdue: 1 });
    ok(await call(liu, 'care.logVisit', { householdId: red.id, note: '一切正常' }, rid('rhythm', 6)));
    grids = ok(await call(sun, 'care.coverage', {})).grids;
    expect(grids.find((g: any) => g.gridId === 'grid-1')).toMatchObject({ due: 0, done: 1, overdue: 0 });
    expect(grids.find((g: any) => g.gridId === 'grid-2')).toMatchObject({ due: 0, done: 0, overdue: 0, events: 0 });
    // Event visits count too: 秦阿姨's hospital stay (due in 3 days) then overdue; 王秀英's 助老 wish (in 3 days).
    ok(await call(sun, 'care.reportEvent', { rosterKey: qin, kind: 'hospital', note: '摔伤住院' }, rid('rhythm', 7)));
    ok(await call(wang, 'wish.create', { ...newWish, title: '陪我去医院复查', categoryId: 'elderly' }, rid('rhythm', 8)));
    await advanceDays(3);
    grids = ok(await call(sun, 'care.coverage', {})).grids;
    expect(grids.find((g: any) => g.gridId === 'grid-2')).toMatchObject({ due: 1, overdue: 0, events: 1 });
    expect(grids.find((g: any) => g.gridId === 'grid-1')).toMatchObject({ due: 2, overdue: 0, events: 1 });
    await advanceDays(1);
    grids = ok(await call(sun, 'care.coverage', {})).grids;
    expect(grids.find((g: any) => g.gridId === 'grid-2')).toMatchObject({ due: 0, overdue: 1, events: 1 });
    refused(await call(liu, 'care.coverage', {}), 'FORBIDDEN_ROLE');
    await expectCovered(env.emu);
  });
});
