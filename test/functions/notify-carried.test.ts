import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { liu, wang } from './personas';

// Notices travel in the retry record the call's transaction writes anyway (outbox.ts): no outbox document of
// their own, one update after the send. At least once: a send that never happened (a crash right after the
// commit) is made by the notify timer from the record, and a sent notice is never sent again.
const env = useEmulator();
const { call } = env;

async function recordOf(action: string): Promise<any> {
  const res = await databaseOf(env.emu).collection('requests').where({ action }).limit(10).get();
  expect(res.data).toHaveLength(1);
  return res.data[0];
}

const toLiu = async () => ((await env.emu.outbox()) as any[]).filter((m) => m.touser === liu);

describe('notices carried by the retry record', () => {
  it('are sent after the commit and marked sent in the record; the timer sends one left pending, once', async () => {
    ok(await call(wang, 'wish.create', newWish, 'carried-0001'));
    expect(await toLiu()).toHaveLength(1);
    const record = await recordOf('wish.create');
    expect(record).toMatchObject({ noticesPending: false, notices: [{ touser: liu, status: 'sent', attempts: 1 }] });
    const notifications = await databaseOf(env.emu).collection('notifications').where({ touser: liu }).limit(10).get();
    expect(notifications.data).toEqual([]);

    // As if the function died between the commit and the send: the record still says pending.
    const pending = record.notices.map((n: any) => ({ ...n, status: 'pending', attempts: 0, sentAt: null }));
    await databaseOf(env.emu)
      .collection('requests')
      .doc(record._id)
      .update({ data: { notices: databaseOf(env.emu).command.set(pending), noticesPending: true } });
    await env.emu.clock({ advanceMs: 2 * 60_000 });
    await env.emu.fireTrigger('notify', 'retry');
    expect(await toLiu()).toHaveLength(2);
    expect(await recordOf('wish.create')).toMatchObject({ noticesPending: false, notices: [{ status: 'sent' }] });

    await env.emu.fireTrigger('notify', 'retry');
    expect(await toLiu()).toHaveLength(2);
  });

  it('a retried call replays its reply and sends nothing again', async () => {
    const first = ok(await call(wang, 'wish.create', newWish, 'carried-0002'));
    expect(ok(await call(wang, 'wish.create', newWish, 'carried-0002'))).toEqual(first);
    expect(await toLiu()).toHaveLength(1);
  });
});
