import { pendingField } from '../../src/shared/domain/ledger';
import { ok, useEmulator, RACING } from './call';
import { databaseOf } from './ledger-fixture';
import { merchantKit } from './merchant-helpers';
import { admin, fang, merchant, sun, wang, zhang } from './personas';
import { pointsKit, rid } from './points-helpers';

// A deduction from a person is reserved on their balance by one conditional update, then posted, then its mark is
// cleared (ledger quickDebit). These tests race it, and cut it short at each step the way a crash would.
const env = useEmulator({ env: RACING.env });
const { call } = env;
const { award, balanceOf, balanceDoc, expectLotsAgree, expectReconciled } = pointsKit(env);
const { charge, codeOf, giveVirtue, virtueOf } = merchantKit(env);

const deduct = (openid: string, amount: number, requestId: string) =>
  call(sun, 'points.deduct', { openid, asset: 'volunteer', amount, reason: '兑换物品' }, requestId);
const deductId = (requestId: string) => `deduct:${sun}:${requestId}`;
const MINUTE = 60_000;

async function postingExists(id: string): Promise<boolean> {
  return Boolean((await databaseOf(env.emu).collection('postings').doc(id).get()).data);
}

/**
 * What a call that reserved a deduction and then died leaves behind: the points gone from the balance and the mark,
 * written as the ledger writes them — and, `posted`, the posting too (the call died before clearing the mark).
 */
async function reserveAndDie(openid: string, amount: number, requestId: string, posted: boolean): Promise<void> {
  const db = databaseOf(env.emu);
  const _ = db.command;
  const at = new Date((await env.emu.clock()).now);
  const postingId = deductId(requestId);
  const mark = `pending.${pendingField(postingId)}`;
  const id = `user:${openid}|volunteer|0`;
  const res = await db
    .collection('balances')
    .where({ _id: id, balance: _.gte(amount), unsettled: _.gte(0), [mark]: _.exists(false) })
    .update({
      data: { balance: _.inc(-amount), unsettled: _.inc(amount), pendingCount: _.inc(1), [mark]: { postingId, amount, at }, updatedAt: at },
    });
  expect(res.stats.updated).toBe(1);
  if (!posted) return;
  const from = `user:${openid}`;
  const to = 'issuer:community-wutong';
  const posting = { asset: 'volunteer', from, to, amount, reason: '兑换物品', ref: null, communityId: 'community-wutong', by: sun, byName: '孙丽' };
  await db
    .collection('postings')
    .add({ data: { _id: postingId, ...posting, reversalOf: null, override: null, expiresAt: null, at, accounts: [from, to] } });
}

async function sweep(): Promise<{ balances: number; kept: number; returned: number }> {
  const [firing] = (await env.emu.fireTrigger('points', 'reproof')) as any[];
  expect(firing).toMatchObject({ ok: true });
  return firing.result.debits;
}

describe('a reserved debit: many spends of one balance at once', () => {
  it('150 deducts of 1 from a balance of 100 at once: 100 posted, 50 refused, none lost a transaction, never below zero', async () => {
    await award(wang, 100);
    const requestIds = Array.from({ length: 150 }, (_, i) => rid('crowd-deduct', i));
    const replies = await Promise.all(requestIds.map((requestId) => deduct(wang, 1, requestId)));
    // Every invocation since the reset: minute timers that fired during the crowd are in it too, so no fixed window.
    const meter = await env.emu.meter();

    expect(replies.filter((r) => r.ok)).toHaveLength(100);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(50).fill('POINTS_INSUFFICIENT'));
    for (const [i, reply] of replies.entries()) expect(await postingExists(deductId(requestIds[i]))).toBe(reply.ok);
    // Each answered balance is one the person held after their spend: none below zero.
    const answered = replies.filter((r) => r.ok).map((r) => r.data.balance);
    expect(Math.min(...answered)).toBeGreaterThanOrEqual(0);
    expect(await balanceOf(wang)).toBe(0);
    expect(await balanceDoc(wang)).toMatchObject({ balance: 0, pendingCount: 0, pending: {} });
    // A posted spend costs its five requests (the caller, the reservation, the posting, the mark, the balance), so
    // no spend of the crowd met a conflict and tried again; a refusal costs the transaction that decided it and the
    // record of its reply, within the budget of 8.
    const costs = meter.filter((r) => r.action === 'points.deduct').map((r) => r.dbRequests);
    expect(costs).toHaveLength(150);
    expect(costs.filter((n) => n === 5)).toHaveLength(100);
    expect(Math.max(...costs)).toBeLessThanOrEqual(8);
    await expectLotsAgree(wang);
    await expectReconciled();
  }, 120_000);

  it('deducts, merchant charges and credits on one virtue balance at once: every reply true, the lots agree', async () => {
    await giveVirtue(wang, 300);
    const before = await virtueOf(wang);
    const codes = await Promise.all(Array.from({ length: 6 }, () => codeOf(wang)));
    const deductOf = (i: number) =>
      call(sun, 'points.deduct', { openid: wang, asset: 'virtue', amount: 5, reason: '兑换物品' }, rid('mixed-deduct', i));
    const creditOf = (i: number) =>
      call(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 3, reason: '邻里互助' }, rid('mixed-credit', i));
    const [deducts, charges, credits] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, (_, i) => deductOf(i))),
      Promise.all(codes.map((token, i) => charge(i % 2 ? merchant : fang, token, 10))),
      Promise.all(Array.from({ length: 10 }, (_, i) => creditOf(i))),
    ]);
    for (const [i, reply] of deducts.entries()) expect(await postingExists(deductId(rid('mixed-deduct', i)))).toBe(reply.ok);
    expect(charges.filter((r) => !r.ok)).toEqual([]);
    expect(credits.filter((r) => !r.ok)).toEqual([]);
    const deducted = 5 * deducts.filter((r) => r.ok).length;
    expect(await virtueOf(wang)).toBe(before + 30 - deducted - 60);
    await expectLotsAgree(wang, 'virtue');
    await expectReconciled();
  }, 120_000);

  it('a double tap and its retries post once, and every reply after the first says replayed', async () => {
    await award(wang, 50);
    const replies = await Promise.all(Array.from({ length: 6 }, () => deduct(wang, 20, 'double-tap-0001')));
    expect(replies.every((r) => r.ok && r.data.postingId === deductId('double-tap-0001'))).toBe(true);
    expect(replies.filter((r) => !r.data.replayed)).toHaveLength(1);
    expect(ok(await deduct(wang, 20, 'double-tap-0001')).replayed).toBe(true);
    expect(await balanceOf(wang)).toBe(30);
    expect(await balanceDoc(wang)).toMatchObject({ balance: 30, pendingCount: 0 });
    await expectReconciled();
  });

  // A twin that reserves only after the first call has posted and cleared its mark finds the posting taken. It was
  // told from the first call's own insert by the posting's time, and two calls of a tap can stamp the same
  // millisecond: CI once saw two replies not replayed, and such a twin would keep its points taken. Many taps, so
  // the late twin comes often; every reply is checked against the balance.
  it('twenty double taps of six calls: each posts once and takes its points once', async () => {
    await award(wang, 400);
    for (let tap = 0; tap < 20; tap += 1) {
      const requestId = rid('many-taps', tap);
      const replies = await Promise.all(Array.from({ length: 6 }, () => deduct(wang, 10, requestId)));
      expect(replies.map((r) => r.ok && r.data.postingId)).toEqual(Array(6).fill(deductId(requestId)));
      expect(replies.filter((r) => !r.data.replayed)).toHaveLength(1);
      expect(await balanceOf(wang)).toBe(400 - 10 * (tap + 1));
    }
    expect(await balanceDoc(wang)).toMatchObject({ balance: 200, pendingCount: 0 });
    await expectLotsAgree(wang);
    await expectReconciled();
  }, 120_000);
});

describe('a reserved debit cut short (a crash between its steps)', () => {
  it('reserved, never posted: the books still reconcile, and the sweep gives the points back once no call can be running', async () => {
    await award(wang, 40);
    await reserveAndDie(wang, 15, 'died-reserved-01', false);
    expect(await balanceOf(wang)).toBe(25);
    await expectReconciled();
    // Too fresh to decide: the call that reserved it could still be posting.
    expect(await sweep()).toMatchObject({ kept: 0, returned: 0 });
    expect(await balanceOf(wang)).toBe(25);

    // The clock's move may fire the timer itself (every 10 minutes); either way the mark is decided once.
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect(await balanceOf(wang)).toBe(40);
    expect(await balanceDoc(wang)).toMatchObject({ balance: 40, unsettled: 0, pendingCount: 0, pending: {} });
    expect(await postingExists(deductId('died-reserved-01'))).toBe(false);
    await expectReconciled();
  });

  it('posted, mark not cleared: the sweep keeps the debit and clears the mark', async () => {
    await award(wang, 40);
    await reserveAndDie(wang, 15, 'died-posted-001', true);
    expect(await balanceOf(wang)).toBe(25);
    await expectReconciled();
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect(await balanceOf(wang)).toBe(25);
    expect(await balanceDoc(wang)).toMatchObject({ balance: 25, pendingCount: 0, pending: {} });
    expect(ok(await call(wang, 'points.history')).items[0]).toMatchObject({ id: deductId('died-posted-001'), amount: -15 });
    await expectReconciled();
  });

  it('the client retries before the sweep: the retry posts with the points already taken, once', async () => {
    await award(wang, 40);
    await reserveAndDie(wang, 15, 'died-retried-01', false);
    const retried = ok(await deduct(wang, 15, 'died-retried-01'));
    expect(retried).toMatchObject({ postingId: deductId('died-retried-01'), replayed: false, balance: 25 });
    expect(await balanceDoc(wang)).toMatchObject({ balance: 25, unsettled: 0, pendingCount: 0, pending: {} });
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect(await balanceOf(wang)).toBe(25);
    await expectReconciled();
  });

  it('a mark waiting on a balance: other spends may take only what it leaves, and a credit moves nothing of it', async () => {
    await award(zhang, 30);
    await reserveAndDie(zhang, 20, 'died-waiting-01', false);
    expect(await deduct(zhang, 11, 'spend-beside-01')).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    await award(zhang, 5);
    ok(await deduct(zhang, 15, 'spend-beside-02'));
    expect(await balanceOf(zhang)).toBe(0);
    await env.emu.clock({ advanceMs: 3 * MINUTE });
    await sweep();
    expect(ok(await call(zhang, 'points.balance')).balances.find((b: any) => b.asset === 'volunteer')).toMatchObject({ balance: 20, spendable: 20 });
    expect(await balanceDoc(zhang)).toMatchObject({ balance: 20, pendingCount: 0, pending: {} });
    await expectReconciled();
  });
});

describe('when a balance may be reserved on', () => {
  it('keeps the soonest lapse of its lots, even when a later credit lapses sooner than the ones before it', async () => {
    ok(await call(admin, 'points.setRules', { expiryDays: { volunteer: 365 } }, 'quick-rules-0001'));
    await award(zhang, 10);
    const yearOn = (await balanceDoc(zhang)).lapsesAt;
    ok(await call(admin, 'points.setRules', { expiryDays: { volunteer: 30 } }, 'quick-rules-0002'));
    await award(zhang, 10);
    const doc = await balanceDoc(zhang);
    expect(new Date(doc.lapsesAt).getTime()).toBeLessThan(new Date(yearOn).getTime());
    // The newest lot (pushed last) is the 30-day one.
    expect(new Date(doc.lapsesAt)).toEqual(new Date(doc.lots.at(-1).expiresAt));
  });
});
