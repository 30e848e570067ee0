import { gaugeCounters, gaugeDelta, type CaseGauge } from '../../src/shared/domain/stats';
import { ok, useEmulator } from './call';
import { file, upload, verified } from './petition-fixtures';
import { li, liu, qian, sun, wang } from './personas';

// 数据看板 (issue 14): the cases open and overdue NOW, kept as gauges by the same fold that counts the days
// (`<scope>:now`), read by report.dashboard without a scan of the cases; and the numbers of one category.
const env = useEmulator();
const { call } = env;
const HOUR = 3600_000;

const fold = () => env.emu.invoke<Record<string, number>>('report', { Type: 'timer', TriggerName: 'stats' });
const today = async () => new Date(Date.parse((await env.emu.clock()).now) + 8 * HOUR).toISOString().slice(0, 10);
const dashboard = async (who: string, payload: Record<string, unknown> = {}) => {
  const day = await today();
  return ok(await call(who, 'report.dashboard', { from: day, to: day, ...payload }));
};
const levels = (counts: Partial<Record<string, number>>) => ({ grid: 0, community: 0, street: 0, department: 0, district: 0, ...counts });

describe('cases open and overdue now', () => {
  it('follow each case up the ladder, count a deadline that moved one against the level that missed it, and drop it once resolved', async () => {
    const late = await file(call);
    const summoned = await file(call);
    ok(await call(liu, 'petition.escalate', { petitionId: summoned, reason: '网格办不了' }));
    ok(await call(sun, 'petition.escalate', { petitionId: summoned, reason: '社区办不了' }));
    ok(await call(qian, 'petition.summon', { petitionId: summoned, departmentId: 'dept-housing', reason: '请住建局维修' }));
    await fold();
    let d = await dashboard(sun);
    expect(d.now.open).toEqual(levels({ grid: 1, department: 1 }));
    expect(d.now.overdue).toEqual(levels({}));
    expect(d.now.departments).toEqual([{ id: 'dept-housing', name: expect.stringContaining('住建'), open: 1, overdue: 0 }]);

    // A day passes: the grid misses its deadline on the first case and 住建局 on the second (neither took it); the
    // timer moves both up — transitions, counted by the fold against the level and department that let it pass.
    await env.emu.clock({ advanceMs: 24 * HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    await fold();
    d = await dashboard(sun);
    expect(d.now.open).toEqual(levels({ community: 1, district: 1 }));
    expect(d.now.overdue).toEqual(levels({ grid: 1, department: 1 }));
    expect(d.now.departments).toEqual([{ id: 'dept-housing', name: expect.stringContaining('住建'), open: 0, overdue: 1 }]);
    // The grid sees only what lies in it (the case now at the community was filed in grid-1: it still counts there).
    expect((await dashboard(sun, { scope: 'grid-1' })).now.overdue.grid).toBe(1);

    ok(await call(sun, 'petition.accept', { petitionId: late }));
    ok(await call(sun, 'petition.resolve', { petitionId: late, feedback: '社区已经协调修好' }));
    await fold();
    d = await dashboard(sun);
    expect(d.now.open).toEqual(levels({ district: 1 }));
    expect(d.now.overdue).toEqual(levels({ department: 1 }));
    // The street sees the same case (it counts for every place it belongs to).
    expect((await dashboard(qian)).now.open).toEqual(levels({ district: 1 }));

    // Not a scan: the gauges ride in the months' query, so a warm read stays at three requests.
    await dashboard(sun);
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'report.dashboard', uncovered: [] });
    expect(record.dbRequests).toBeLessThanOrEqual(3);
  });

  it('gives each category its own 办结率, 按期 and 满意 (flows of the period)', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    const [before, after] = [await upload(env.emu, liu, 'before.png'), await upload(env.emu, liu, 'after.png')];
    ok(await call(liu, 'petition.resolve', { petitionId: id, feedback: '坡道已经修好了', beforePhotos: [before], afterPhotos: [after] }));
    await verified(call, env.emu, id, sun);
    ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'basic' }));
    await file(call);
    await fold();
    const [category] = (await dashboard(sun)).categories;
    expect(category).toMatchObject({ received: 2, resolved: 1, resolutionRate: 0.5, onTimeRate: 1, satisfactionRate: 1, rated: 1 });
    expect(category.name).not.toBe('其他');
  });
});

describe('网格排名', () => {
  it('ranks the grids of the caller’s place by 按期办结, shows a grid worker their community’s and refuses another street', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    const [before, after] = [await upload(env.emu, liu, 'before.png'), await upload(env.emu, liu, 'after.png')];
    ok(await call(liu, 'petition.resolve', { petitionId: id, feedback: '坡道已经修好了', beforePhotos: [before], afterPhotos: [after] }));
    await file(call, li, { location: { kind: 'building', buildingId: 'building-5', detail: '楼下' } });
    await fold();
    const day = await today();
    const r = ok(await call(sun, 'report.gridRanking', { from: day, to: day }));
    expect(r.scope).toMatchObject({ id: 'community-wutong', kind: 'community' });
    expect(r.grids).toEqual([
      expect.objectContaining({ rank: 1, id: 'grid-1', name: '第一网格', received: 1, resolved: 1, onTimeRate: 1 }),
      expect.objectContaining({ rank: 2, id: 'grid-2', received: 1, resolved: 0, onTimeRate: null }),
    ]);
    expect(ok(await call(liu, 'report.gridRanking', { from: day, to: day })).grids.map((g: any) => g.id)).toEqual(['grid-1', 'grid-2']);
    expect(await call(sun, 'report.gridRanking', { from: day, to: day, scope: 'street-qingshi' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SCOPE',
    });
    await call(sun, 'report.gridRanking', { from: day, to: day });
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'report.gridRanking', uncovered: [] });
    expect(record.dbRequests).toBeLessThanOrEqual(3);
  });
});

describe('the gauge of one case', () => {
  const at = (g: Partial<CaseGauge>): CaseGauge => ({ status: 'pending', level: 'grid', departmentId: null, missed: [], ...g });
  it('counts an open case where it is held and each level whose deadline passed on it', () => {
    expect(gaugeCounters(null)).toEqual({});
    expect(gaugeCounters(at({ status: 'resolved' }))).toEqual({});
    expect(
      gaugeCounters(at({ status: 'council', level: 'department', departmentId: 'dept-a', missed: [{ level: 'grid', departmentId: null }] })),
    ).toEqual({
      'open.department': 1,
      'd.dept-a.open': 1,
      'overdue.grid': 1,
    });
    expect(
      gaugeCounters(
        at({
          level: 'district',
          missed: [
            { level: 'department', departmentId: 'dept-a' },
            { level: 'grid', departmentId: null },
          ],
        }),
      ),
    ).toEqual({ 'open.district': 1, 'overdue.department': 1, 'd.dept-a.overdue': 1, 'overdue.grid': 1 });
  });
  it('moves by the difference, so a case filed, climbed and resolved leaves nothing behind', () => {
    const steps: Array<CaseGauge | null> = [
      null,
      at({}),
      at({ level: 'community', missed: [{ level: 'grid', departmentId: null }] }),
      at({ level: 'community', status: 'accepted', missed: [{ level: 'grid', departmentId: null }] }),
      at({ level: 'community', status: 'resolved', missed: [{ level: 'grid', departmentId: null }] }),
    ];
    const total: Record<string, number> = {};
    for (let i = 1; i < steps.length; i++) for (const [k, v] of Object.entries(gaugeDelta(steps[i - 1], steps[i]))) total[k] = (total[k] ?? 0) + v;
    expect(Object.values(total).every((v) => v === 0)).toBe(true);
    expect(gaugeDelta(steps[1], steps[2])).toEqual({ 'open.grid': -1, 'open.community': 1, 'overdue.grid': 1 });
  });
});
