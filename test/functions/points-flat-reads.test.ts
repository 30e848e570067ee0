// Issue 10, "reads that stay flat": the monthly ranking and the daily reconcile read as many documents over
// a big ledger as over a small one (counts from the emulator's meter, never times).
import { ok, useEmulator } from './call';
import { databaseOf, seedLedger } from './ledger-fixture';
import { sun, wang, zhang } from './personas';
import { expectCovered } from './points-helpers';

// One page of postings per re-proof run, so a few thousand postings take several runs.
const env = useEmulator({ env: { LINLI_REPROOF_PAGES: '1' } });
const { call } = env;
const evidence = { text: '社区活动签到表', photos: [] };

/** The newest meter record of the action or timer. */
async function lastRecord(name: string) {
  const record = [...(await env.emu.meter())].reverse().find((r) => r.action === name || r.trigger === name);
  if (!record) throw new Error(`no meter record for ${name}`);
  return record;
}

/** A day's work after the seeded ledger: a few party entries and awards through the real actions. */
async function aDaysPostings() {
  for (let i = 0; i < 4; i++) {
    ok(await call(sun, 'points.partyEntry', { openid: zhang, itemId: 'party-volunteer', reason: '按月录入', evidence }, `flat-party-${i}`));
    ok(await call(sun, 'points.award', { openid: wang, asset: 'volunteer', amount: 5, reason: '志愿服务' }, `flat-award-${i}`));
  }
}

/** Docs read by points.ranking (the seeded month) and by the daily reconcile over a ledger of `count` postings. */
async function readsAt(count: number) {
  await env.emu.reset();
  const seeded = await seedLedger(env.emu, count);
  await aDaysPostings();
  const ranking = ok(await call(wang, 'points.ranking', { month: seeded.month }));
  const seededRows = ranking.members.filter((m: any) => m.name !== '张建国').map((m: any) => m.points);
  expect(seededRows).toEqual([...seeded.points.values()].sort((a, b) => b - a));
  const rankingRead = (await lastRecord('points.ranking')).read;
  const [firing] = (await env.emu.fireTrigger('points', 'reconcile')) as any[];
  expect(firing.result).toMatchObject({ reports: [expect.objectContaining({ checked: 8, differences: 0 })] });
  const reconcileRead = (await lastRecord('reconcile')).read;
  await expectCovered(env.emu);
  return { rankingRead, reconcileRead };
}

describe('reads that stay flat', () => {
  it('points.ranking and the daily reconcile read the same at 1 k and 10 k postings (ratio ≤ 1.1)', async () => {
    const small = await readsAt(1_000);
    const big = await readsAt(10_000);
    expect(big.rankingRead / small.rankingRead).toBeLessThanOrEqual(1.1);
    expect(big.reconcileRead / small.reconcileRead).toBeLessThanOrEqual(1.1);
    // And both are about the members and the day, not the ledger.
    expect(big.rankingRead).toBeLessThan(100);
    expect(big.reconcileRead).toBeLessThan(100);
  }, 120_000);

  it('the daily report is keyed by the China-time day the job ran on', async () => {
    // 19:30 UTC on 1 March is 03:30 on 2 March in Beijing, when the daily job runs.
    await env.emu.clock({ set: '2026-03-01T19:30:00.000Z' });
    await env.emu.fireTrigger('points', 'reconcile');
    const db = databaseOf(env.emu);
    expect((await db.collection('reconciliations').doc('community-wutong:2026-03-02').get()).data).toMatchObject({ differences: [] });
    expect((await db.collection('reconciliations').doc('community-wutong:2026-03-01').get()).data).toBeNull();
  });
});

describe('the full re-proof', () => {
  it('pages through every posting across timer runs, survives a kill -9, and finds a balance the daily proof never touches', async () => {
    await seedLedger(env.emu, 2_500);
    const db = databaseOf(env.emu);
    // A cached balance changed behind the ledger's back, in an account no posting touches any more.
    await db
      .collection('balances')
      .doc('user:fixture-member-003|party|0')
      .update({ data: { balance: db.command.inc(7) } });
    await aDaysPostings();
    expect(ok(await call(sun, 'points.reconcile')).differences).toEqual([]);

    const [daily] = (await env.emu.fireTrigger('points', 'reconcile')) as any[];
    expect(daily.result.reports[0]).toMatchObject({ fullProof: 'started' });
    const [first] = (await env.emu.fireTrigger('points', 'reproof')) as any[];
    expect(first.result.runs[0]).toMatchObject({ done: false });
    const killed = env.emu.fireTrigger('points', 'reproof').catch(() => null);
    await new Promise((r) => setTimeout(r, 30));
    await env.emu.kill('SIGKILL');
    await killed;
    await env.emu.restart();
    let runs = 0;
    for (let done = false; !done && runs < 6; runs++) {
      const [firing] = (await env.emu.fireTrigger('points', 'reproof')) as any[];
      done = firing.result.runs.length === 0 || firing.result.runs[0].done === true;
    }
    expect(runs).toBeLessThan(6);

    const job = (await db.collection('reconcile_jobs').doc('community-wutong').get()).data;
    expect(job).toMatchObject({ finishedAt: expect.anything(), postings: 2_500 });
    const tampered = { account: 'user:fixture-member-003', asset: 'party', postings: expect.any(Number), balance: expect.any(Number) };
    expect(job.differences).toEqual([tampered]);
    expect(job.differences[0].balance - job.differences[0].postings).toBe(7);
    // The staff view shows what the full proof found, alongside its own (clean) check of the day.
    expect(ok(await call(sun, 'points.reconcile')).differences).toEqual([tampered]);
  }, 120_000);
});
