import { bulletinNumbers } from '../../src/shared/domain/bulletin';
import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { file, upload, verified } from './petition-fixtures';
import { gao, li, liu, luo, qian, stranger, sun, wang, zhang, zhao } from './personas';
import { expectCovered, rid } from './points-helpers';

// 月通报 (issue 14): the bulletin timer prepares each community's draft for the closed month from the stats month
// documents, once however often it runs; the community's staff publish it; residents read only published ones.
const env = useEmulator();
const { call } = env;

const CST = 8 * 3600_000;
const prepare = () => env.emu.invoke<Record<string, unknown>>('report', { Type: 'timer', TriggerName: 'bulletin' });
const fold = () => env.emu.invoke<Record<string, number>>('report', { Type: 'timer', TriggerName: 'stats' });
/** The China-time month of the emulator clock, and 11:05 China time on the 1st of the next one. */
async function months(): Promise<{ month: string; firstOfNext: string }> {
  const now = new Date(Date.parse((await env.emu.clock()).now) + CST);
  const month = now.toISOString().slice(0, 7);
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 11, 5) - CST);
  return { month, firstOfNext: next.toISOString() };
}

/** A case resolved on the spot and praised, one dismissed, one climbed to the community; a wish served; an hour on duty. */
async function aMonthOfWork(): Promise<string> {
  // Mid-month in the morning (China time), so the hour on duty stays within its day and its month.
  const now = new Date(Date.parse((await env.emu.clock()).now) + CST);
  await env.emu.clock({ set: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 9, 0) - CST).toISOString() });
  const onSpot = await file(call);
  ok(await call(liu, 'petition.accept', { petitionId: onSpot }));
  const [before, after] = [await upload(env.emu, liu, 'before.png'), await upload(env.emu, liu, 'after.png')];
  ok(await call(liu, 'petition.resolve', { petitionId: onSpot, feedback: '坡道已经修好了', beforePhotos: [before], afterPhotos: [after] }));
  await verified(call, env.emu, onSpot, sun);
  ok(await call(wang, 'petition.rate', { petitionId: onSpot, rating: 'satisfied' }));
  ok(await call(liu, 'petition.dismiss', { petitionId: await file(call), reason: '与另一条诉求重复' }));
  const climbed = await file(call, li, { location: { kind: 'building', buildingId: 'building-5', detail: '楼下' } });
  ok(await call(zhao, 'petition.accept', { petitionId: climbed }));
  ok(await call(zhao, 'petition.escalate', { petitionId: climbed, reason: '需要社区协调' }));
  const wishId = ok(await call(wang, 'wish.create', newWish)).wish.id;
  ok(await call(liu, 'wish.approve', { wishId, points: 10 }));
  ok(await call(zhang, 'wish.claim', { wishId }));
  ok(await call(zhang, 'wish.checkIn', { wishId }));
  ok(await call(zhang, 'wish.complete', { wishId, proof: '已上门换好灯泡，试过能用' }));
  const always = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', maxHours: 12 };
  const post = { placeId: 'building-2', type: 'elder_helper', title: '2号楼助老岗', slots: 2, schedule: always, pointsPerHour: 10 };
  const postId = ok(await call(sun, 'post.publish', post, rid('bulletin-post', 1))).post.id;
  ok(await call(zhang, 'post.claim', { postId }, rid('bulletin-claim', 1)));
  ok(await call(zhang, 'post.checkIn', { postId }, rid('bulletin-in', 1)));
  await env.emu.clock({ advanceMs: 3600_000 });
  ok(await call(zhang, 'post.checkOut', { postId }, rid('bulletin-out', 1)));
  return climbed;
}

/** Work this month, then the clock on the 1st of the next: answers the closed month and the open case. */
async function closedMonthWithWork(): Promise<{ month: string; open: string }> {
  const open = await aMonthOfWork();
  const { month, firstOfNext } = await months();
  await env.emu.clock({ set: firstOfNext });
  await prepare();
  return { month, open };
}

async function docOf(collection: string, id: string): Promise<any> {
  const data = (await databaseOf(env.emu).collection(collection).doc(id).get()).data;
  return Array.isArray(data) ? data[0] : data;
}
const stored = (id: string) => docOf('bulletins', id);
const countBulletins = async (month: string) => (await databaseOf(env.emu).collection('bulletins').where({ month }).count()).total as number;

describe('月通报 timer', () => {
  it('prepares the closed month’s draft from the stats month documents, with the month before beside it', async () => {
    const { month } = await closedMonthWithWork();
    const { counters } = await docOf('stats', `community-wutong:${month}`);
    const b = ok(await call(sun, 'report.bulletin', { month })).bulletin;
    expect(b).toMatchObject({ month, status: 'draft', community: { id: 'community-wutong', name: '梧桐社区' }, note: '', canPublish: true });
    // Volunteer hours: the hour on duty, counted by the stats fold (h.total), as the bulletin says.
    expect(counters['h.total']).toBe(1);
    expect(b.content.current).toEqual(JSON.parse(JSON.stringify(bulletinNumbers(counters))));
    expect(b.content.current.volunteerHours).toBe(1);
    expect(b.content.current).toMatchObject({ received: 3, resolved: 1, onSpot: 1, wishesCompleted: 1 });
    expect(b.content.current.resolutionRate).toBeCloseTo(1 / 2);
    expect(b.content.current.satisfactionRate).toBe(1);
    expect(b.content.previous.received).toBe(0);
    expect(b.content.grids.map((g: any) => g.name)).toEqual(expect.arrayContaining(['第一网格', '第二网格']));
    // 张建国 completed the wish: thanked by the name he serves under; the residents he served are not named.
    expect(b.content.volunteers).toEqual([{ name: '张建国', hours: 1, wishes: 1 }]);
    expect(JSON.stringify(b)).not.toContain('王秀英');
    await expectCovered(env.emu);
  });

  it('is a snapshot: a case resolved later moves the counters but not the draft', async () => {
    const { month, open } = await closedMonthWithWork();
    const before = ok(await call(sun, 'report.bulletin', { month })).bulletin;
    // The clock's jump let the case's deadlines pass: it waits at the street now.
    ok(await call(qian, 'petition.accept', { petitionId: open }));
    ok(await call(qian, 'petition.resolve', { petitionId: open, feedback: '已经协调物业处理' }));
    await fold();
    expect((await docOf('stats', `community-wutong:${month}`)).counters['c.resolved']).toBe(2);
    await prepare();
    expect(ok(await call(sun, 'report.bulletin', { month })).bulletin).toEqual(before);
  });

  it('makes one draft however often and however many at once it runs, and a finished month costs one read', async () => {
    const { month } = await closedMonthWithWork();
    const db = databaseOf(env.emu);
    // From scratch, two instances at once (the clock's move ran it already: forget that).
    await db.collection('bulletins').doc(`community-wutong:${month}`).remove();
    await db.collection('stats_fold').doc(`bulletins:${month}`).remove();
    const runs = await Promise.all([prepare(), prepare()]);
    expect(runs.map((r) => r.prepared as number).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await countBulletins(month)).toBe(1);
    const first = await stored(`community-wutong:${month}`);
    // Even with its cursor gone, a rerun leaves the draft as it was.
    await db.collection('stats_fold').doc(`bulletins:${month}`).remove();
    expect(await prepare()).toMatchObject({ prepared: 0, done: true });
    expect(await stored(`community-wutong:${month}`)).toEqual(first);
    await env.emu.meter(1);
    expect(await prepare()).toMatchObject({ prepared: 0, done: true });
    const [run] = await env.emu.meter(1);
    expect(run.dbRequests).toBe(1);
  });

  it('pages through 50 communities, carrying on from its cursor', async () => {
    const db = databaseOf(env.emu);
    for (let i = 0; i < 49; i++) {
      const id = `community-x${String(i).padStart(2, '0')}`;
      await db
        .collection('org_units')
        .add({ data: { _id: id, kind: 'community', name: `第${i + 1}社区`, parentId: 'street-qingshi', path: ['street-qingshi'] } });
    }
    const { firstOfNext, month } = await months();
    // The cursor says a run stopped after community-x24: the next run carries on from there.
    await db.collection('stats_fold').add({ data: { _id: `bulletins:${month}`, at: new Date(), id: 'community-x24', done: false } });
    await env.emu.clock({ set: firstOfNext });
    await prepare();
    expect(await countBulletins(month)).toBe(24);
    expect(await stored(`community-x24:${month}`)).toBeFalsy();
    // Without it, a run goes through all of them (in pages), leaving the ones prepared as they were.
    await db.collection('stats_fold').doc(`bulletins:${month}`).remove();
    expect(await prepare()).toMatchObject({ prepared: 26, done: true });
    expect(await countBulletins(month)).toBe(50);
    expect(await docOf('stats_fold', `bulletins:${month}`)).toMatchObject({ done: true });
    // A community with nothing that month still gets its (empty) bulletin, its rates shown as “—”.
    const quiet = ok(await call(luo, 'report.bulletin', { month, communityId: 'community-x07' })).bulletin;
    expect(quiet.content.current).toMatchObject({ received: 0, resolutionRate: null });
    await expectCovered(env.emu);
  });
});

describe('reading and publishing', () => {
  it('residents read only their community’s published bulletin; staff publish once with a note', async () => {
    const { month } = await closedMonthWithWork();
    expect(ok(await call(wang, 'report.bulletin', { month })).bulletin).toBeNull();
    expect(ok(await call(liu, 'report.bulletin', { month })).bulletin).toBeNull();
    expect(ok(await call(wang, 'report.bulletins', {})).items).toEqual([]);
    expect(ok(await call(qian, 'report.bulletin', { month, communityId: 'community-wutong' })).bulletin).toMatchObject({
      status: 'draft',
      canPublish: false,
    });

    const note = '感谢各位居民对社区工作的支持，下月将重点解决5号楼坡道问题。';
    const published = ok(await call(sun, 'report.publishBulletin', { month, note }, rid('bulletin-publish', 1)));
    expect(published).toMatchObject({ replayed: false, bulletin: { status: 'published', note, publishedByName: '孙丽', canPublish: false } });
    // A retry answers the same; a second publish (by a colleague, with another note) changes nothing.
    expect(ok(await call(sun, 'report.publishBulletin', { month, note }, rid('bulletin-publish', 1)))).toEqual(published);
    const again = ok(await call(gao, 'report.publishBulletin', { month, note: '另一段说明' }, rid('bulletin-publish', 2)));
    expect(again).toMatchObject({ replayed: true, bulletin: { note, publishedByName: '孙丽' } });

    const read = ok(await call(wang, 'report.bulletin', { month })).bulletin;
    expect(read).toMatchObject({ status: 'published', note, canPublish: false });
    expect(read.content).toEqual(published.bulletin.content);
    expect(ok(await call(wang, 'report.bulletins', {})).items).toEqual([expect.objectContaining({ month, status: 'published' })]);
  });

  it('refuses publishing to everyone but the community’s staff, and reading other communities or open months', async () => {
    const { month } = await closedMonthWithWork();
    for (const who of [wang, liu, zhang, qian, luo])
      expect(await call(who, 'report.publishBulletin', { month, note: '' }, rid(`bulletin-${who}`, 1))).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
    expect(await call(stranger, 'report.bulletin', { month })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await call(sun, 'report.publishBulletin', { month, note: '长'.repeat(501) }, rid('bulletin-refuse', 2))).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    expect(await call(sun, 'report.publishBulletin', { month: '2020-01', note: '' }, rid('bulletin-refuse', 3))).toMatchObject({
      ok: false,
      code: 'BULLETIN_NOT_FOUND',
    });
    expect(ok(await call(sun, 'report.bulletin', { month })).bulletin.status).toBe('draft');

    await databaseOf(env.emu)
      .collection('org_units')
      .add({ data: { _id: 'community-other', kind: 'community', name: '别的社区', parentId: 'street-qingshi', path: ['street-qingshi'] } });
    expect(await call(wang, 'report.bulletin', { month, communityId: 'community-other' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(wang, 'report.bulletins', { communityId: 'community-other' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(sun, 'report.bulletin', { month, communityId: 'community-other' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    const { month: open } = await months();
    expect(await call(sun, 'report.bulletin', { month: open })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('pages the archive newest first; residents see only the published months', async () => {
    const db = databaseOf(env.emu);
    const content = { current: bulletinNumbers({}), previous: bulletinNumbers({}), previousMonth: '2025-12', grids: [], overdueByLevel: [] };
    const rest = { overdueByDepartment: [], stars: [], starsFinal: true, shops: [], volunteers: [] };
    for (let m = 1; m <= 9; m++) {
      const month = `2026-0${m}`;
      const published = m % 2 === 1;
      await db.collection('bulletins').add({
        data: {
          _id: `community-wutong:${month}`,
          communityId: 'community-wutong',
          communityName: '梧桐社区',
          streetId: 'street-qingshi',
          month,
          status: published ? 'published' : 'draft',
          content: { ...content, ...rest },
          note: '',
          generatedAt: new Date(),
          publishedAt: published ? new Date() : null,
          publishedBy: published ? sun : null,
          publishedByName: published ? '孙丽' : null,
        },
      });
    }
    const staffPage = ok(await call(sun, 'report.bulletins', { limit: 4 }));
    expect(staffPage.items.map((i: any) => i.month)).toEqual(['2026-09', '2026-08', '2026-07', '2026-06']);
    expect(staffPage.nextOffset).toBe(4);
    const residents = ok(await call(wang, 'report.bulletins', { limit: 3 }));
    expect(residents.items.map((i: any) => i.month)).toEqual(['2026-09', '2026-07', '2026-05']);
    const more = ok(await call(wang, 'report.bulletins', { limit: 3, offset: residents.nextOffset }));
    expect(more).toMatchObject({ items: [{ month: '2026-03' }, { month: '2026-01' }], nextOffset: null });
    expect(ok(await call(wang, 'report.bulletin', { month: '2026-08' })).bulletin).toBeNull();
    await expectCovered(env.emu);
  });
});
