import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { admin, sun, zhang } from './personas';
import { monday, newPost } from './post-helpers';
import { expectCovered, rid } from './points-helpers';
import { verifyDays } from './stats-random';

// Volunteer hours in the counters (issue 14): a finished duty shift counts its hours for its grid, community,
// street and the district on the day it ended, once however often the stats timer runs; a correction takes
// them back; the verify job recomputes them from the day's shifts.
const env = useEmulator();
const { call } = env;

const MINUTE = 60_000;
const fold = () => env.emu.invoke<Record<string, number>>('report', { Type: 'timer', TriggerName: 'stats' });
const DAY = '2026-12-07';
const period = { from: DAY, to: DAY };
const hoursOf = async () => {
  const d = ok(await call(sun, 'report.dashboard', period));
  const ranking = ok(await call(sun, 'report.gridRanking', period));
  const grid = ranking.grids.find((g: { id: string }) => g.id === 'grid-1');
  return { dashboard: d.volunteerHours, grid: grid?.volunteerHours ?? 0 };
};
const statsDoc = async (id: string) => {
  const data = (await databaseOf(env.emu).collection('stats').doc(id).get()).data;
  return (Array.isArray(data) ? data[0] : data) as { counters: Record<string, number> } | undefined;
};

/** 张建国 on duty on grid-1's post Monday 09:00–11:00 (two hours); answers the shift. */
async function twoHoursOnDuty(): Promise<string> {
  await env.emu.clock({ set: monday('09:00') });
  const postId = ok(await call(sun, 'post.publish', newPost, rid('hours-post', 1))).post.id;
  ok(await call(zhang, 'post.claim', { postId }, rid('hours-claim', 1)));
  ok(await call(zhang, 'post.checkIn', { postId }, rid('hours-in', 1)));
  await env.emu.clock({ advanceMs: 120 * MINUTE });
  return ok(await call(zhang, 'post.checkOut', { postId }, rid('hours-out', 1))).shift.id;
}

describe('volunteer hours in the counters', () => {
  it('a check-out counts its hours once on the dashboard and in the grid ranking; a correction takes them back', async () => {
    const shiftId = await twoHoursOnDuty();
    expect(await hoursOf()).toEqual({ dashboard: 0, grid: 0 });

    expect(await fold()).toMatchObject({ shifts: 1 });
    expect(await hoursOf()).toEqual({ dashboard: 2, grid: 2 });
    // Counted once: the next runs find nothing marked and change nothing.
    expect(await fold()).toMatchObject({ shifts: 0 });
    await fold();
    expect(await hoursOf()).toEqual({ dashboard: 2, grid: 2 });
    // The grid, its street and the district count them too, by day and by month.
    for (const id of [`grid-1:${DAY}`, `street-qingshi:${DAY}`, `district:${DAY}`, 'community-wutong:2026-12'])
      expect((await statsDoc(id))?.counters['h.total']).toBe(2);
    expect((await statsDoc(`community-wutong:${DAY}`))?.counters['h.g.grid-1']).toBe(2);

    // 更正 the next day: the hours leave the day the shift ended, once.
    await env.emu.clock({ advanceMs: 24 * 60 * MINUTE });
    ok(await call(sun, 'post.correct', { shiftId, reason: '当天未到岗，误签' }, rid('hours-fix', 1)));
    expect(await hoursOf()).toEqual({ dashboard: 2, grid: 2 });
    expect(await fold()).toMatchObject({ shifts: 1 });
    await fold();
    expect(await hoursOf()).toEqual({ dashboard: 0, grid: 0 });
    expect((await statsDoc(`district:${DAY}`))?.counters['h.total']).toBe(0);
    await expectCovered(env.emu);
  });

  it('keeps the hours whole minutes, however fractions of an hour are added and taken back', async () => {
    await env.emu.clock({ set: monday('09:00') });
    const postId = ok(await call(sun, 'post.publish', newPost, rid('minutes-post', 1))).post.id;
    ok(await call(zhang, 'post.claim', { postId }, rid('minutes-claim', 1)));
    const shifts: string[] = [];
    for (const [i, minutes] of [50, 70].entries()) {
      ok(await call(zhang, 'post.checkIn', { postId }, rid('minutes-in', i)));
      await env.emu.clock({ advanceMs: minutes * MINUTE });
      shifts.push(ok(await call(zhang, 'post.checkOut', { postId }, rid('minutes-out', i))).shift.id);
      await fold();
    }
    expect(await hoursOf()).toEqual({ dashboard: 2, grid: 2 });
    ok(await call(sun, 'post.correct', { shiftId: shifts[0], reason: '提前离岗，误签' }, rid('minutes-fix', 1)));
    await fold();
    expect(await hoursOf()).toEqual({ dashboard: 70 / 60, grid: 70 / 60 });
    ok(await call(sun, 'post.correct', { shiftId: shifts[1], reason: '提前离岗，误签' }, rid('minutes-fix', 2)));
    await fold();
    expect(await hoursOf()).toEqual({ dashboard: 0, grid: 0 });
    // Nothing left on grid-1 that day: it is not ranked.
    expect(ok(await call(sun, 'report.gridRanking', period)).grids).toEqual([]);
  });

  it('the verify job recomputes the day’s hours from its shifts and finds a planted one', async () => {
    await twoHoursOnDuty();
    await fold();
    // Past the fold's lag, so the check holds the shift as surely counted.
    await env.emu.clock({ advanceMs: 10 * MINUTE });
    const [clean] = await verifyDays(env.emu, call, [DAY]);
    expect(clean).toMatchObject({ status: 'done', differences: [] });

    const id = `community-wutong:${DAY}`;
    const db = databaseOf(env.emu);
    const { _id, ...doc } = (await db.collection('stats').doc(id).get()).data as any;
    await db
      .collection('stats')
      .doc(id)
      .set({ data: { ...doc, counters: { ...doc.counters, 'h.g.grid-1': 3 } } });
    const [district] = await verifyDays(env.emu, call, [DAY]);
    expect(district.differences).toEqual([{ scope: 'community-wutong', counter: 'h.g.grid-1', stored: 3, expected: 2 }]);
    const [community] = await verifyDays(env.emu, call, [DAY], 'community-wutong', admin);
    expect(community.differences.map((d: any) => [d.scope, d.counter])).toEqual([['community-wutong', 'h.g.grid-1']]);
    await expectCovered(env.emu);
  });
});
