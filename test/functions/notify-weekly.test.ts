import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { ramp } from './petition-fixtures';
import { li, wang } from './personas';

// 周反馈 (issue 14): every week each resident with an open case is told where it stands — in the app always, by
// subscribe message where they consented — a page of cases per transaction, the week's cursor moved with it.
// LINLI_WEEKLY_RUN_MS=1: each timer run does one page, as a run that has used up its time would.
const env = useEmulator({ env: { LINLI_WEEKLY_RUN_MS: '1' } });
const { call } = env;

/** Monday 10:00 China time of the coming week (02:00 UTC). */
function comingMonday(): Date {
  const cst = new Date(Date.now() + 8 * 3_600_000);
  const days = (8 - cst.getUTCDay()) % 7 || 7;
  return new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate() + days, 2, 0, 0));
}

async function weeklyUntilDone(): Promise<number> {
  for (let run = 1; run <= 50; run++) {
    const [firing] = await env.emu.fireTrigger('notify', 'weekly');
    expect(firing).toMatchObject({ ok: true });
    const jobs = await databaseOf(env.emu).collection('notify_jobs').where({ kind: 'weekly' }).limit(100).get();
    if (jobs.data.length > 0 && jobs.data.every((j: any) => j.done)) return run;
  }
  throw new Error('weekly feedback not done after 50 runs');
}

async function weeklyMessages(): Promise<any[]> {
  const res = await databaseOf(env.emu)
    .collection('messages')
    .where({ body: databaseOf(env.emu).RegExp({ regexp: '，已\\d+天' }) })
    .limit(1000)
    .get();
  return res.data;
}

const sends = async (openid: string) =>
  ((await env.emu.outbox()) as any[]).filter((m) => m.touser === openid && m.data?.phrase2?.value === '本周进展');

async function plantOpenWishes(n: number, at: Date) {
  const db = databaseOf(env.emu);
  for (let i = 0; i < n; i += 1) {
    await db.collection('wishes').add({
      data: {
        _id: `weekly-wish-${String(i).padStart(3, '0')}`,
        residentId: `o-weekly-${i}`,
        title: `心愿${i}`,
        status: i % 2 ? 'approved' : 'claimed',
        createdAt: new Date(at.getTime() - 3 * 86_400_000),
        updatedAt: at,
        history: [],
      },
    });
  }
}

describe('周反馈', () => {
  it('tells each resident with an open case once a week, in the app always and by subscribe message where they consented', async () => {
    const monday = comingMonday();
    await env.emu.clock({ set: new Date(monday.getTime() - 2 * 3_600_000).toISOString() }); // 08:00: not yet
    ok(await call(wang, 'notify.subscribe', { accepted: ['wish-progress'] }, 'weekly-sub-1'));
    const wish = ok(await call(wang, 'wish.create', newWish, 'weekly-wish-1')).wish;
    const petition = ok(await call(li, 'petition.create', ramp, 'weekly-pet-1')).petition;
    await plantOpenWishes(45, monday);

    expect((await env.emu.fireTrigger('notify', 'weekly'))[0].result).toMatchObject({ waiting: true });
    expect(await weeklyMessages()).toEqual([]);

    await env.emu.clock({ set: monday.toISOString() });
    // One page per run: the 45 planted cases and the eight open statuses take many runs, none of them long.
    expect(await weeklyUntilDone()).toBeGreaterThan(8);
    const told = await weeklyMessages();
    const byRecipient = new Map<string, any[]>();
    for (const m of told) byRecipient.set(m.recipient, [...(byRecipient.get(m.recipient) ?? []), m]);
    for (let i = 0; i < 45; i += 1) expect(byRecipient.get(`o-weekly-${i}`)).toHaveLength(1);
    expect(byRecipient.get(wang)).toEqual([expect.objectContaining({ title: '心愿本周进展', page: `/pages/wish-detail/index?id=${wish.id}` })]);
    expect(byRecipient.get(wang)![0].body).toContain('待审核，已1天');
    expect(byRecipient.get(li)).toEqual([expect.objectContaining({ title: '诉求本周进展', page: `/pages/petition-detail/index?id=${petition.id}` })]);
    // 王秀英 consented (one send, spent); 李明 did not: in the app only.
    expect(await sends(wang)).toHaveLength(1);
    expect(await sends(li)).toEqual([]);
    const grant = (await databaseOf(env.emu).collection('subscriptions').doc(`${wang}:wish-progress`).get()).data as any;
    expect(grant.remaining).toBe(0);
    // 王秀英 sees it in 消息.
    expect(ok(await call(wang, 'notify.messages', {})).items).toContainEqual(expect.objectContaining({ title: '心愿本周进展', read: false }));

    // A rerun in the same week tells nobody again.
    for (let run = 0; run < 3; run++) await env.emu.fireTrigger('notify', 'weekly');
    expect(await weeklyMessages()).toHaveLength(told.length);
    expect(await sends(wang)).toHaveLength(1);

    // Every query of the timers is served by an index (the meter flags none).
    const timers = (await env.emu.meter(200)).filter((r) => r.function === 'notify' && r.trigger !== null);
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.flatMap((r) => r.uncovered)).toEqual([]);

    // Next week, once more.
    await env.emu.clock({ advanceMs: 7 * 86_400_000 });
    await weeklyUntilDone();
    expect((await weeklyMessages()).filter((m) => m.recipient === wang)).toHaveLength(2);
  });
});
