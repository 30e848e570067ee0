import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { file, upload, verified } from './petition-fixtures';
import { li, liu, luo, qian, sun, wang, zhang, zhao } from './personas';

// report.cases (issue 14): the list behind each number of the 数据看板 holds exactly the cases the number counts,
// pages without losing or repeating a case, shows no resident, and only to those who may see the place.
const env = useEmulator();
const { call } = env;

const fold = () => env.emu.invoke<Record<string, number>>('report', { Type: 'timer', TriggerName: 'stats' });
const today = async () => new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
const OPEN = ['pending', 'accepted', 'council', 'review'];
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

async function period(payload: Record<string, unknown> = {}) {
  const day = await today();
  return { from: day, to: day, ...payload };
}
const list = async (who: string, payload: Record<string, unknown>) => call(who, 'report.cases', await period(payload));

/** Every page of a list, in order; the count of the first. */
async function all(who: string, payload: Record<string, unknown>): Promise<{ count: number; ids: string[]; pages: number; rows: any[] }> {
  const first = ok(await list(who, payload));
  const rows = [...first.items];
  let cursor = first.nextCursor;
  let pages = 1;
  while (cursor) {
    const next = ok(await list(who, { ...payload, cursor }));
    expect(next.count).toBeNull();
    rows.push(...next.items);
    cursor = next.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(20);
  }
  return { count: first.count, ids: rows.map((r) => r.id), pages, rows };
}

/** A mixed run: resolved on the spot and praised, dismissed, climbed and disliked, waiting; a wish claimed. */
async function mixedRun(): Promise<{ onSpot: string; dismissed: string; climbed: string; waiting: string }> {
  const onSpot = await file(call);
  ok(await call(liu, 'petition.accept', { petitionId: onSpot }));
  const [before, after] = [await upload(env.emu, liu, 'before.png'), await upload(env.emu, liu, 'after.png')];
  ok(await call(liu, 'petition.resolve', { petitionId: onSpot, feedback: '坡道已经修好了', beforePhotos: [before], afterPhotos: [after] }));
  await verified(call, env.emu, onSpot, sun);
  ok(await call(wang, 'petition.rate', { petitionId: onSpot, rating: 'satisfied' }));

  const dismissed = await file(call);
  ok(await call(liu, 'petition.dismiss', { petitionId: dismissed, reason: '与另一条诉求重复' }));

  const climbed = await file(call, li, { location: { kind: 'building', buildingId: 'building-5', detail: '楼下' } });
  ok(await call(zhao, 'petition.accept', { petitionId: climbed }));
  ok(await call(zhao, 'petition.escalate', { petitionId: climbed, reason: '需要社区协调' }));
  ok(await call(sun, 'petition.accept', { petitionId: climbed }));
  ok(await call(sun, 'petition.resolve', { petitionId: climbed, feedback: '已经协调物业处理' }));
  await verified(call, env.emu, climbed, zhao);
  ok(await call(li, 'petition.rate', { petitionId: climbed, rating: 'unsatisfied', comment: '还没修好' }));

  const waiting = await file(call);

  const wish = ok(await call(wang, 'wish.create', newWish)).wish.id;
  ok(await call(liu, 'wish.approve', { wishId: wish, points: 10 }));
  ok(await call(zhang, 'wish.claim', { wishId: wish }));
  return { onSpot, dismissed, climbed, waiting };
}

describe('report.cases: the list behind a number', () => {
  it('holds as many cases as the dashboard counts, for each number, place and category', async () => {
    const run = await mixedRun();
    await fold();
    for (const [who, scope] of [
      [sun, undefined],
      [sun, 'grid-1'],
      [qian, undefined],
      [luo, undefined],
    ] as const) {
      const at = scope ? { scope } : {};
      const d = ok(await call(who, 'report.dashboard', await period(at)));
      const p = d.petitions;
      const onTime = Math.round((p.onTimeRate ?? 0) * p.resolved);
      const counts: Record<string, number> = {
        received: p.received,
        resolved: p.resolved,
        onTime,
        late: p.resolved - onTime,
        onSpot: p.onSpot,
        wishes: d.wishes.created,
      };
      for (const [metric, expected] of Object.entries(counts)) {
        const got = await all(who, { ...at, metric });
        expect({ scope, metric, count: got.count, listed: got.ids.length }).toEqual({ scope, metric, count: expected, listed: expected });
      }
      // Same-day ratings: the rating lists add up to the dashboard's rated.
      const rated = (await all(who, { ...at, metric: 'satisfied' })).count + (await all(who, { ...at, metric: 'dissatisfied' })).count;
      expect(rated).toBe(p.rated);
      for (const k of d.categories) expect((await all(who, { ...at, metric: 'received', category: k.id })).count).toBe(k.received);
    }
    const community = await all(sun, { metric: 'received' });
    expect(new Set(community.ids)).toEqual(new Set(Object.values(run)));
    expect((await all(sun, { metric: 'resolved' })).ids.sort()).toEqual([run.onSpot, run.climbed].sort());
    expect((await all(sun, { metric: 'onSpot' })).ids).toEqual([run.onSpot]);
    expect((await all(sun, { metric: 'escalated' })).ids).toEqual([run.climbed]);
    expect((await all(sun, { metric: 'satisfied' })).ids).toEqual([run.onSpot]);
    expect((await all(sun, { metric: 'dissatisfied' })).ids).toEqual([run.climbed]);
    expect((await all(sun, { metric: 'received', scope: 'grid-1' })).ids).not.toContain(run.climbed);
  });

  it('lists what is open now and what is past its deadline, whatever the period, by level', async () => {
    const run = await mixedRun();
    await fold();
    const db = databaseOf(env.emu);
    const open = await db
      .collection('petitions')
      .where({ communityId: 'community-wutong', status: db.command.in(OPEN) })
      .get();
    const openNow = await all(sun, { metric: 'openNow', from: '2020-01-01', to: '2020-01-31' });
    expect(openNow.count).toBe(open.data.length);
    expect(new Set(openNow.ids)).toEqual(new Set(open.data.map((p: any) => p._id)));
    expect(openNow.ids).toContain(run.waiting);
    expect(openNow.rows.every((r) => r.overdue === false)).toBe(true);

    expect((await all(sun, { metric: 'overdueNow' })).count).toBe(0);
    const clock = new Date((await env.emu.clock()).now);
    await db
      .collection('petitions')
      .doc(run.waiting)
      .update({ data: { dueAt: new Date(clock.getTime() - 3600_000) } });
    const overdue = await all(sun, { metric: 'overdueNow' });
    expect(overdue).toMatchObject({ count: 1, ids: [run.waiting] });
    expect(overdue.rows[0]).toMatchObject({ overdue: true, level: 'grid', kind: 'petition' });
    expect((await all(sun, { metric: 'overdueNow', level: 'community' })).count).toBe(0);
    expect((await all(sun, { metric: 'overdueNow', level: 'grid' })).ids).toEqual([run.waiting]);
    expect((await all(sun, { metric: 'openNow', department: 'dept-housing' })).count).toBe(0);
  });

  it('pages 20 at a time without losing or repeating a case, even when many were received at the same moment', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await file(call));
    await fold();
    const first = ok(await list(sun, { metric: 'received' }));
    expect(first).toMatchObject({ count: 23 });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const paged = await all(sun, { metric: 'received' });
    expect(paged.pages).toBe(2);
    expect(paged.ids).toHaveLength(23);
    expect(new Set(paged.ids)).toEqual(new Set(ids));
    // newest first
    const times = paged.rows.map((r) => Date.parse(r.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // 23 cases received at one instant: the cursor counts those already shown at that time.
    const db = databaseOf(env.emu);
    const at = new Date(first.items[0].createdAt);
    await db
      .collection('petitions')
      .where({ communityId: 'community-wutong' })
      .update({ data: { createdAt: at } });
    const tied = await all(sun, { metric: 'received' });
    expect(tied.count).toBe(23);
    expect(tied.ids).toHaveLength(23);
    expect(new Set(tied.ids)).toEqual(new Set(ids));
  });

  it('shows what the queue shows its handlers, never the resident', async () => {
    const run = await mixedRun();
    await fold();
    const { rows } = await all(sun, { metric: 'received' });
    const row = rows.find((r) => r.id === run.onSpot);
    expect(row).toMatchObject({ kind: 'petition', categoryName: expect.any(String), gridName: '第一网格', statusLabel: '已办结', rating: '满意' });
    expect(row.resolvedAt).toEqual(expect.any(String));
    const text = JSON.stringify([rows, (await all(sun, { metric: 'wishes' })).rows]);
    // A phone in full or masked (138****1001); not a bare '138', which a time's milliseconds may hold.
    for (const word of ['王秀英', '李明', '1380000', '****', 'reporter', 'Phone', 'room', 'resident']) expect(text).not.toContain(word);
    const wishes = await all(sun, { metric: 'wishes' });
    expect(wishes.rows[0]).toMatchObject({ kind: 'wish', title: newWish.title, level: null });
  });

  it('answers only for the places one may see: not another community, not a grid worker or a resident', async () => {
    const db = databaseOf(env.emu);
    await db.collection('org_units').add({
      data: { _id: 'community-ginkgo', kind: 'community', name: '银杏社区', parentId: 'street-qingshi', path: ['street-qingshi'] },
    });
    await db.collection('org_units').add({
      data: { _id: 'grid-ginkgo', kind: 'grid', name: '银杏一网格', parentId: 'community-ginkgo', path: ['street-qingshi', 'community-ginkgo'] },
    });
    await mixedRun();
    await fold();
    expect(await list(sun, { metric: 'received', scope: 'community-ginkgo' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await list(sun, { metric: 'received', grid: 'grid-ginkgo' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await list(sun, { metric: 'received', scope: 'street-qingshi' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await list(sun, { metric: 'received', scope: 'district' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await list(qian, { metric: 'received', scope: 'community-wutong', grid: 'grid-ginkgo' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(ok(await list(qian, { metric: 'received', scope: 'community-ginkgo' })).count).toBe(0);
    // Grid workers do not read the stats (maySeeStats): not even their own grid's list.
    expect(await list(liu, { metric: 'received', scope: 'grid-1' })).toMatchObject({ ok: false });
    expect(await list(wang, { metric: 'received' })).toMatchObject({ ok: false });
    // What does not apply is refused, saying why.
    expect(await list(sun, { metric: 'resolved', level: 'grid' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await list(sun, { metric: 'received', cursor: 'abc' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('titles the list with its period, number and place', async () => {
    const res = ok(await call(sun, 'report.cases', { from: '2026-11-01', to: '2026-11-30', metric: 'resolved', grid: 'grid-1' }));
    expect(res).toMatchObject({ title: '2026年11月 · 已办结 · 第一网格', count: 0, items: [], nextCursor: null });
  });

  it('counts from the dashboard’s counters: the same number as its tile, and the first page reads as much at 10× the cases', async () => {
    const run = await mixedRun();
    await fold();
    const db = databaseOf(env.emu);
    const originals = (await db.collection('petitions').where({ communityId: 'community-wutong' }).get()).data;
    expect(originals.map((p: any) => p._id).sort()).toEqual(Object.values(run).sort());
    const DAY = 86_400_000;
    const shift = (d: unknown, by: number) => new Date(new Date(d as string).getTime() - by);
    // Copies of the run's cases, received over the last five days (their steps moved with them), marked for the
    // stats timer as a write would: it counts them and stamps their tags as it does the real ones.
    let copies = 0;
    const copy = async (n: number) => {
      for (let i = 0; i < n; i++, copies++) {
        const { _id, ...p } = originals[copies % originals.length];
        const by = (copies % 5) * DAY;
        await db.collection('petitions').add({
          data: {
            ...p,
            _id: `${_id}-copy-${copies}`,
            createdAt: shift(p.createdAt, by),
            updatedAt: shift(p.updatedAt, by),
            ...(p.dueAt ? { dueAt: shift(p.dueAt, by) } : {}),
            history: p.history.map((step: any) => ({ ...step, at: shift(step.at, by) })),
            statsDirty: true,
            statsCounted: 0,
            statsTags: [],
          },
        });
      }
      for (let round = 0; round < 10 && !(await fold()).caughtUp; round++);
    };
    const from = new Date(Date.parse(`${await today()}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10);
    const week = { from, to: await today() };
    const metrics = ['received', 'resolved', 'onTime', 'late', 'onSpot', 'openNow'] as const;
    /** Each list's first page: its count, the dashboard's number, and what the page read. */
    const measure = async () => {
      const d = ok(await call(sun, 'report.dashboard', week));
      const p = d.petitions;
      const onTime = Math.round((p.onTimeRate ?? 0) * p.resolved);
      const tiles = { received: p.received, resolved: p.resolved, onTime, late: p.resolved - onTime, onSpot: p.onSpot, openNow: sum(d.now.open) };
      const out: Record<string, { count: number; tile: number; read: number; examined: number }> = {};
      for (const metric of metrics) {
        await call(sun, 'report.cases', { ...week, metric }); // the place and the names kept warm
        const first = ok(await call(sun, 'report.cases', { ...week, metric }));
        const [record] = await env.emu.meter(1);
        expect(record).toMatchObject({ action: 'report.cases', uncovered: [] });
        expect(record.dbRequests).toBeLessThanOrEqual(3);
        expect(first.items).toHaveLength(Math.min(20, first.count));
        out[metric] = { count: first.count, tile: tiles[metric], read: record.read, examined: record.examined };
      }
      return out;
    };
    await copy(84); // 88 cases: every list but 'late' (none are late) fills its first page
    const few = await measure();
    await copy(792); // 880 cases
    const many = await measure();
    for (const metric of metrics) {
      // The count is the tile's number, and the list holds that many cases.
      expect({ metric, count: few[metric].count }).toEqual({ metric, count: few[metric].tile });
      expect({ metric, count: many[metric].count }).toEqual({ metric, count: many[metric].tile });
      expect(many[metric].count).toBeGreaterThanOrEqual(few[metric].count * 9);
      // Documents read by the first page do not grow with the cases of the period, nor (but for the open queue
      // merged over levels and statuses, which holds what is open now, not history) those it looks at.
      expect({ metric, read: many[metric].read }).toEqual({ metric, read: few[metric].read });
      if (metric !== 'openNow') expect({ metric, examined: many[metric].examined }).toEqual({ metric, examined: few[metric].examined });
    }
    // …and the list holds as many cases as it says (共 N 条).
    expect(new Set((await all(sun, { ...week, metric: 'onSpot' })).ids).size).toBe(many.onSpot.count);
  });

  it('costs at most three DB requests on a warm instance, every query served by an index', async () => {
    await mixedRun();
    await fold();
    for (const metric of ['resolved', 'openNow', 'overdueNow', 'wishes']) {
      await list(sun, { metric }); // names, categories and the place are kept warm for a minute
      await list(sun, { metric, category: 'accessibility' });
      const [record] = await env.emu.meter(1);
      expect(record).toMatchObject({ action: 'report.cases', uncovered: [] });
      expect(record.dbRequests).toBeLessThanOrEqual(3);
    }
    for (const payload of [{ scope: 'district' }, { scope: 'street-qingshi' }, { scope: 'grid-1' }]) {
      for (const metric of ['received', 'openNow', 'wishes']) {
        await list(luo, { ...payload, metric });
        const [record] = await env.emu.meter(1);
        expect(record).toMatchObject({ action: 'report.cases', uncovered: [] });
      }
    }
    await list(luo, { metric: 'openNow', department: 'dept-housing' });
    expect((await env.emu.meter(1))[0]).toMatchObject({ action: 'report.cases', uncovered: [] });
  });
});

describe('report.gridRanking: 网格排名', () => {
  it('ranks the grids of the place as the dashboard does; grid workers see their community’s, without the cases', async () => {
    await mixedRun();
    await fold();
    const p = await period();
    const d = ok(await call(sun, 'report.dashboard', p));
    const r = ok(await call(sun, 'report.gridRanking', p));
    expect(r.scope).toMatchObject({ id: 'community-wutong', kind: 'community' });
    expect(r.mayOpenCases).toBe(true);
    expect(r.grids.map((g: any) => [g.rank, g.id, g.received, g.resolved])).toEqual(
      d.grids.map((g: any, i: number) => [i + 1, g.id, g.received, g.resolved]),
    );
    expect(r.grids.length).toBeGreaterThanOrEqual(2);
    expect(r.grids[0]).toMatchObject({ rank: 1, name: expect.stringContaining('网格') });

    const seenByLiu = ok(await call(liu, 'report.gridRanking', p));
    expect(seenByLiu).toMatchObject({ scope: { id: 'community-wutong' }, mayOpenCases: false });
    expect(seenByLiu.grids).toEqual(r.grids);
    expect(ok(await call(qian, 'report.gridRanking', p)).scope).toMatchObject({ kind: 'street' });
    expect(ok(await call(luo, 'report.gridRanking', p)).grids.map((g: any) => g.id)).toEqual(r.grids.map((g: any) => g.id));
  });

  it('answers only for the places one may see', async () => {
    const db = databaseOf(env.emu);
    await db.collection('org_units').add({
      data: { _id: 'community-ginkgo', kind: 'community', name: '银杏社区', parentId: 'street-qingshi', path: ['street-qingshi'] },
    });
    const p = await period();
    expect(await call(liu, 'report.gridRanking', { ...p, scope: 'street-qingshi' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(liu, 'report.gridRanking', { ...p, scope: 'community-ginkgo' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(sun, 'report.gridRanking', { ...p, scope: 'community-ginkgo' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await call(sun, 'report.gridRanking', { ...p, scope: 'grid-1' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await call(wang, 'report.gridRanking', p)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(ok(await call(qian, 'report.gridRanking', { ...p, scope: 'community-ginkgo' })).grids).toEqual([]);
  });

  it('costs at most three DB requests on a warm instance, served by an index', async () => {
    await mixedRun();
    await fold();
    const p = await period();
    for (const who of [sun, liu, luo]) {
      await call(who, 'report.gridRanking', p);
      await call(who, 'report.gridRanking', p);
      const [record] = await env.emu.meter(1);
      expect(record).toMatchObject({ action: 'report.gridRanking', uncovered: [] });
      expect(record.dbRequests).toBeLessThanOrEqual(3);
    }
  });
});
