import { newWish, ok, useEmulator } from './call';
import { file } from './petition-fixtures';
import { databaseOf } from './ledger-fixture';
import { countAfresh, disagreements, foldAll, randomRun, seeded, seedOf, verifyDays } from './stats-random';
import { admin, liu, luo, qian, sun, wang } from './personas';

// The counters are right (issue 14): after a randomized run of mixed actions, every stats document equals a count
// made afresh from the events — by the test itself and by the verify job — also when the emulator is killed -9
// mid-run; and the verify job finds a counter that was tampered with.
const env = useEmulator();
const { call } = env;

const todayOf = async () => new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
const daysOf = (ids: Iterable<string>) =>
  [...new Set([...ids].filter((id) => /^district:\d{4}-\d\d-\d\d$/.test(id)).map((id) => id.slice('district:'.length)))].sort();

async function expectCountersAgree(): Promise<string[]> {
  await foldAll(env.emu);
  const { expected, stored } = await countAfresh(env.emu);
  expect(disagreements(expected, stored)).toEqual([]);
  const days = daysOf(expected.keys());
  const checks = await verifyDays(env.emu, call, days);
  expect(checks.map((c) => [c.day, c.differences])).toEqual(days.map((d) => [d, []]));
  return days;
}

describe('the counters against the events', () => {
  it('agree after 500 random wishes, petitions (timer escalations included), awards, deductions, mall orders and duty shifts', async () => {
    const tally = await randomRun(() => env.emu, call, seeded(seedOf('500 random actions')), 500);
    console.log(`calls (succeeded, refused): ${JSON.stringify(tally.outcomes)}`);
    const days = await expectCountersAgree();
    expect(days.length).toBeGreaterThan(1);
    // Counted by the test as the calls succeeded, not by the fold's rules: what was filed, created and rated.
    const { stored } = await countAfresh(env.emu);
    const total = (name: string) => days.reduce((sum, d) => sum + (stored.get(`district:${d}`)?.[name] ?? 0), 0);
    expect(total('p.created')).toBe(tally.petitionsFiled);
    expect(total('c.received')).toBe(tally.petitionsFiled);
    expect(total('w.created')).toBe(tally.wishesCreated);
    expect(total('p.rated.satisfied') + total('p.rated.basic') + total('p.rated.unsatisfied')).toBe(tally.ratings);
    expect(tally.petitionsFiled).toBeGreaterThan(10);
    expect(total('p.escalated.grid')).toBeGreaterThan(0);
    expect(['grid', 'community', 'street', 'department'].reduce((sum, l) => sum + total(`p.overdue.${l}`), 0)).toBeGreaterThan(0);
    expect(total('p.handled')).toBeGreaterThan(0);
    expect(total('w.confirmed')).toBeGreaterThan(0);
    expect(total('pt.issued.volunteer')).toBeGreaterThan(0);
    // Duty shifts checked out (their hours counted) and corrected (taken back) happened too.
    expect(total('h.total')).toBeGreaterThan(0);
    expect(tally.outcomes['post.correct']?.[0]).toBeGreaterThan(0);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  }, 240_000);

  it('agree when the emulator is killed -9 mid-run, during a fold or a call, and the run goes on', async () => {
    const rand = seeded(seedOf('kill -9'));
    const kills = new Set([30, 70, 110]);
    await randomRun(
      () => env.emu,
      call,
      rand,
      150,
      async (i) => {
        // Folds now and then, so each kill finds work waiting for the fold.
        if (i % 40 === 20) await env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
        if (!kills.has(i)) return;
        // A fold (its transaction) or an action in flight, cut at a random moment.
        const inFlight = (
          i === 70
            ? call(sun, 'points.award', { openid: 'demo-resident-wang', asset: 'volunteer', amount: 5, reason: '志愿服务' }, `kill-award-${i}`)
            : env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' })
        ).catch(() => null);
        await new Promise((r) => setTimeout(r, Math.floor(rand() * 40)));
        await env.emu.kill('SIGKILL');
        await inFlight;
        await env.emu.restart();
        // A kept-alive socket to the killed process fails its next request once: spend that on a read.
        for (
          let tries = 0;
          tries < 5 &&
          !(await env.emu.clock().then(
            () => true,
            () => false,
          ));
          tries++
        );
      },
    );
    await expectCountersAgree();
  }, 240_000);
});

describe('the verify job', () => {
  const planted = async (id: string, counter: string, by: number) => {
    const db = databaseOf(env.emu);
    const [scope, key] = id.split(':');
    // The place may have had nothing that day: then the wrong counter is a whole document the fold never wrote.
    const { _id, ...doc } = (await db.collection('stats').doc(id).get()).data ?? { scope, period: 'day', key, counters: {}, updatedAt: new Date() };
    await db
      .collection('stats')
      .doc(id)
      .set({ data: { ...doc, counters: { ...doc.counters, [counter]: (doc.counters[counter] ?? 0) + by } } });
    return doc.counters[counter] ?? 0;
  };

  it('finds a counter written wrong, in the place checked or one within it, and a clean day reports none', async () => {
    await randomRun(() => env.emu, call, seeded(seedOf('planted')), 60);
    const [day] = await expectCountersAgree();
    const was = await planted(`community-wutong:${day}`, 'p.created', 1);
    const lost = await planted(`grid-1:${day}`, 'w.created', -1);
    const [check] = await verifyDays(env.emu, call, [day]);
    expect(check.differences).toEqual([
      { scope: 'community-wutong', counter: 'p.created', stored: was + 1, expected: was },
      { scope: 'grid-1', counter: 'w.created', stored: lost - 1, expected: lost },
    ]);
    // The street admin checks the community only: the community's difference, nothing of elsewhere.
    const [street] = await verifyDays(env.emu, call, [day], 'community-wutong', admin);
    expect(street.differences.map((d: any) => [d.scope, d.counter])).toEqual([
      ['community-wutong', 'p.created'],
      ['grid-1', 'w.created'],
    ]);
  }, 120_000);

  it('checks today, with work done after it was asked for (the timer folds it first), and finds them agreeing', async () => {
    for (let i = 0; i < 3; i++) await file(call);
    await foldAll(env.emu);
    const day = await todayOf();
    const { check } = ok(await call(luo, 'report.verify', { scope: 'district', day }, 'verify-today-01'));
    // Work after the check was asked for: the timer folds it, then copies the counters, then recomputes.
    ok(await call(liu, 'petition.accept', { petitionId: await file(call) }));
    ok(await call(wang, 'wish.create', newWish));
    await env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
    const done = ok(await call(luo, 'report.verifyResult', { checkId: check.id })).check;
    expect(done).toMatchObject({ status: 'done', differences: [] });
    expect(done.cases).toBeGreaterThan(0);
  });

  it('runs every night for the district’s yesterday', async () => {
    for (let i = 0; i < 3; i++) await file(call);
    ok(await call(wang, 'wish.create', newWish));
    await env.emu.clock({ advanceMs: 24 * 3600_000 });
    await foldAll(env.emu);
    const { queued } = await env.emu.invoke<{ queued: string }>('report', { Type: 'timer', TriggerName: 'verify' });
    await env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
    const { check } = ok(await call(luo, 'report.verifyResult', { checkId: `${queued}:district:daily` }));
    expect(check).toMatchObject({ scope: 'district', day: queued, status: 'done', differences: [] });
    expect(check.cases).toBeGreaterThan(0);
  });

  it('checks for an admin or the district only, within what they may see', async () => {
    const payload = { scope: 'community-wutong', day: await todayOf() };
    expect(await call(sun, 'report.verify', payload, 'verify-sun-01')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(qian, 'report.verify', payload, 'verify-qian-01')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(admin, 'report.verify', { ...payload, scope: 'district' }, 'verify-admin-01')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SCOPE',
    });
    expect(await call(luo, 'report.verify', { ...payload, day: '2099-01-01' }, 'verify-future-01')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const { check } = ok(await call(luo, 'report.verify', payload, 'verify-luo-01'));
    expect(check).toMatchObject({ scope: 'community-wutong', status: 'queued', differences: [] });
    expect(await call(sun, 'report.verifyResult', { checkId: check.id })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(luo, 'report.verifyResult', { checkId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
