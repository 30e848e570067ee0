import { defaultLadderConfig } from '../../src/shared/domain/petition-ladder';
import { docDeltas, type Counters } from '../../src/shared/domain/stats';
import { petitionChanges, wishChanges } from '../../cloudfunctions/report/stat-changes';
import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { file, upload, verified } from './petition-fixtures';
import { admin, li, liu, luo, qian, sun, wang, zhang, zhao } from './personas';

// 数据看板 (issue 14): the counters follow the cases through the stats timer, agree with a count made afresh
// from the cases themselves, and the dashboard reads them for the places a person may see.
const env = useEmulator();
const { call } = env;

const fold = () => env.emu.invoke<Record<string, number>>('report', { Type: 'timer', TriggerName: 'stats' });
const today = async () => new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
const dashboard = async (who: string, payload: Record<string, unknown> = {}) => {
  const day = await today();
  return call(who, 'report.dashboard', { from: day, to: day, ...payload });
};

/** Four cases and a wish through the real actions: one resolved on the spot and praised, one dismissed, one climbed and disliked, one waiting. */
async function aWeekOfWork(): Promise<void> {
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
  ok(await call(sun, 'petition.accept', { petitionId: climbed }));
  ok(await call(sun, 'petition.resolve', { petitionId: climbed, feedback: '已经协调物业处理' }));
  await verified(call, env.emu, climbed, zhao);
  ok(await call(li, 'petition.rate', { petitionId: climbed, rating: 'unsatisfied', comment: '还没修好' }));

  await file(call);

  const wish = ok(await call(wang, 'wish.create', newWish)).wish.id;
  ok(await call(liu, 'wish.approve', { wishId: wish, points: 10 }));
  ok(await call(zhang, 'wish.claim', { wishId: wish }));
}

describe('数据看板', () => {
  it('counts what happened once the timer has run, and a second run changes nothing', async () => {
    await aWeekOfWork();
    const before = ok(await dashboard(sun));
    expect(before.petitions.received).toBe(0);

    await fold();
    const d = ok(await dashboard(sun));
    expect(d.scope).toMatchObject({ id: 'community-wutong', kind: 'community' });
    expect(d.petitions).toMatchObject({
      received: 4,
      dismissed: 1,
      resolved: 2,
      onSpot: 1,
      rated: 2,
      escalatedFrom: { grid: 1, community: 0 },
    });
    expect(d.petitions.resolutionRate).toBeCloseTo(2 / 3);
    expect(d.petitions.onTimeRate).toBe(1);
    expect(d.petitions.satisfactionRate).toBeCloseTo(1 / 2);
    expect(d.wishes).toMatchObject({ created: 1, claimed: 1 });
    expect(d.grids.map((g: any) => g.name)).toEqual(expect.arrayContaining(['第一网格']));
    expect(d.trend).toHaveLength(12);
    expect(d.trend[11]).toMatchObject({ received: 4, resolved: 2 });

    expect(await fold()).toMatchObject({ petitions: 0, wishes: 0 });
    expect(ok(await dashboard(sun)).petitions).toEqual(d.petitions);
  });

  it('agrees with a count made afresh from the cases, however the timer runs interleave with the work', async () => {
    await file(call);
    await fold();
    await aWeekOfWork();
    await Promise.all([fold(), fold()]);
    await fold();
    const db = databaseOf(env.emu);
    const [petitions, wishes, stats] = await Promise.all([
      db.collection('petitions').limit(1000).get(),
      db.collection('wishes').where({ communityId: 'community-wutong' }).limit(1000).get(),
      db.collection('stats').where({ scope: 'community-wutong' }).limit(1000).get(),
    ]);
    const afresh = docDeltas([
      ...petitions.data.flatMap((p: any) => petitionChanges(p, 0, defaultLadderConfig)),
      ...wishes.data.flatMap((w: any) => wishChanges(w, 0)),
    ]);
    const kept = new Map<string, Counters>(stats.data.map((s: any) => [s._id, s.counters]));
    const expected = [...afresh].filter(([, d]) => d.scope === 'community-wutong');
    expect(expected.length).toBeGreaterThan(0);
    for (const [id, d] of expected) expect(kept.get(id)).toEqual(expect.objectContaining(d.counters));
    for (const [id, counters] of kept) {
      const points = Object.fromEntries(Object.entries(counters).filter(([k]) => !k.startsWith('pt.')));
      expect(points).toEqual(afresh.get(id)?.counters ?? {});
    }
  });

  it('shows each person the places they answer for, and no one else', async () => {
    await aWeekOfWork();
    await fold();
    expect(ok(await dashboard(qian)).scope).toMatchObject({ kind: 'street' });
    expect(ok(await dashboard(luo)).scope).toMatchObject({ id: 'district', kind: 'district' });
    expect(ok(await dashboard(admin)).scope).toMatchObject({ kind: 'street' });
    expect(ok(await dashboard(sun, { scope: 'grid-1' })).scope).toMatchObject({ kind: 'grid', name: '第一网格' });
    expect(ok(await dashboard(luo)).petitions.received).toBe(4);

    expect(await dashboard(sun, { scope: 'street-qingshi' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await dashboard(sun, { scope: 'district' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await dashboard(wang)).toMatchObject({ ok: false });
    expect(await dashboard(liu)).toMatchObject({ ok: false });
  });

  it('refuses a period longer than a year or upside down, saying what to change', async () => {
    expect(await call(sun, 'report.dashboard', { from: '2025-01-01', to: '2026-06-01' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await call(sun, 'report.dashboard', { from: '2026-06-02', to: '2026-06-01' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('costs at most three DB requests on a warm instance: the caller, the days, the months', async () => {
    await aWeekOfWork();
    await fold();
    await dashboard(sun); // names and categories are kept warm for a minute
    await dashboard(sun);
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'report.dashboard', uncovered: [] });
    expect(record.dbRequests).toBeLessThanOrEqual(3);
  });
});
