import { ok, useEmulator } from './call';
import { sun, wang } from './personas';

// What one call costs the database, counted by the emulator's meter (requests, not time). A posting is one
// transaction that also carries the call's retry record; a retried requestId is answered from that record.
const env = useEmulator();
const { call } = env;

const adjust = (action: 'points.award' | 'points.deduct', amount: number, requestId: string) =>
  call(sun, action, { openid: wang, asset: 'volunteer', amount, reason: '计量测试' }, requestId);

/** The database requests of the last invocation. */
async function lastCost(): Promise<number> {
  const [record] = await env.emu.meter(1);
  return record.dbRequests;
}

describe('what a posting costs the database', () => {
  it('points.award and points.deduct each take one transaction plus the reads they need; a replay costs no more', async () => {
    // caller and person in one read, point rules (kept warm after this first read); the transaction: start,
    // posting, issuer shard, the person's balance read and written (the reply says it), retry record, commit.
    const award = ok(await adjust('points.award', 30, 'cost-award-1'));
    const first = await lastCost();
    expect(first).toBeLessThanOrEqual(9);
    // The same without the point rules (a deduction does not lapse): within the budget of 8.
    expect(ok(await adjust('points.deduct', 10, 'cost-deduct-1'))).toMatchObject({ replayed: false, balance: 20 });
    expect(await lastCost()).toBeLessThanOrEqual(8);
    // A retry: no record is read up front (every first call saves that request), so the attempt runs, meets the
    // first call's record in its transaction and rolls back, and the first reply is read by id, word for word.
    expect(ok(await adjust('points.award', 30, 'cost-award-1'))).toEqual(award);
    expect(await lastCost()).toBeLessThanOrEqual(first);
  });

  it('a refusal costs no more than a posting and leaves nothing behind; its retry is a replay too', async () => {
    const refused = await adjust('points.deduct', 10, 'cost-refused-1');
    expect(refused).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    const first = await lastCost();
    expect(first).toBeLessThanOrEqual(9);
    expect(await adjust('points.deduct', 10, 'cost-refused-1')).toEqual({ ...refused, serverTime: expect.any(String) });
    expect(await lastCost()).toBeLessThanOrEqual(first);
    expect(ok(await call(wang, 'points.history')).items).toEqual([]);
  });
});
