import { ok, useEmulator, RACING } from './call';
import { sun, wang, zhang } from './personas';
import { mallKit, pointsKit, rid } from './points-helpers';

// Callers give up waiting for their postings after 0.5 s instead of 20 s: what a slow, crowded day looks like.
const env = useEmulator({ env: { ...RACING.env, LINLI_POSTING_WAIT_MS: '500' } });
const { call } = env;
const { award, balanceOf, expectReconciled } = pointsKit(env);
const { newItem, order } = mallKit(env);

const deduct = (openid: string, amount: number, requestId: string, reason: string) =>
  call(sun, 'points.deduct', { openid, asset: 'volunteer', amount, reason }, requestId);
const deductId = (requestId: string) => `deduct:${sun}:${requestId}`;

/** Every posting that touched a person, paged through their history: id → ref. */
async function postingsOf(openid: string): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let offset: number | null = 0; offset !== null;) {
    const page = ok(await call(openid, 'points.history', { offset, limit: 50 }));
    for (const item of page.items) out.set(item.id, item.ref);
    offset = page.nextOffset;
  }
  return out;
}

describe('a reply tells the truth about the ledger, under any load', () => {
  it('mixed crowd of staff deducts and mall orders on one balance: refused means not posted, success means posted', async () => {
    await award(wang, 600);
    const items = [await newItem(100, 10), await newItem(100, 10), await newItem(100, 10), await newItem(100, 10)];
    const n = 120;
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        i % 2 ? order(wang, items[i % items.length], rid('truth-order', i)) : deduct(wang, 15, rid('truth-deduct', i), `扣分测试 第${i}次`),
      ),
    );
    const posted = await postingsOf(wang);
    const deducts = replies.flatMap((reply, i) => (i % 2 ? [] : [{ reply, requestId: rid('truth-deduct', i) }]));
    const lies = deducts.filter(({ reply, requestId }) => reply.ok !== posted.has(deductId(requestId)));
    expect(lies.map(({ reply, requestId }) => ({ requestId, code: reply.code ?? 'ok' }))).toEqual([]);
    expect(deducts.filter(({ reply }) => reply.ok).every(({ reply, requestId }) => reply.data.postingId === deductId(requestId))).toBe(true);

    const orders = replies.filter((_, i) => i % 2);
    const answered = new Map<string, string>(orders.filter((r) => r.ok).map((r) => [r.data.order.id, r.data.order.status]));
    const paidRefs = [...posted].filter(([id]) => !id.startsWith('deduct:') && !id.startsWith('award:')).map(([, ref]) => ref!);
    // Every payment belongs to an order answered ok, and every order answered as placed was paid.
    expect(paidRefs.filter((ref) => !answered.has(ref))).toEqual([]);
    expect([...answered].filter(([id, status]) => status === 'placed' && !paidRefs.includes(id))).toEqual([]);

    const spentOk = 15 * deducts.filter(({ reply }) => reply.ok).length + 10 * paidRefs.length;
    expect(await balanceOf(wang)).toBe(600 - spentOk);
    expect(600 - spentOk).toBeGreaterThanOrEqual(0);
    await expectReconciled();

    // A client retries a refusal with the same requestId: it must not find the first attempt posted.
    const refused = deducts.filter(({ reply }) => !reply.ok);
    const retries = await Promise.all(refused.map(({ requestId }, i) => deduct(wang, 15, requestId, `扣分测试 重试${i}`)));
    expect(retries.filter((r) => r.ok && r.data.replayed)).toEqual([]);
    await expectReconciled();
  }, 180_000);

  it('concurrent fee reliefs on one receipt post once; every reply but the one that posted says replayed', async () => {
    await award(zhang, 100);
    for (const receiptNo of ['WT-2026-1001', 'WT-2026-1002', 'WT-2026-1003']) {
      const replies = await Promise.all(
        Array.from({ length: 4 }, (_, i) => call(sun, 'points.feeRelief', { openid: zhang, amount: 10, receiptNo }, rid(`relief-${receiptNo}`, i))),
      );
      expect(new Set(replies.map((r) => ok(r).postingId)).size).toBe(1);
      expect(replies.filter((r) => !r.data.replayed)).toHaveLength(1);
    }
    expect(await balanceOf(zhang)).toBe(70);
    await expectReconciled();
  });

  it('kill -9 in a crowd of deducts: every reply given before the crash still holds after restart and the next posting', async () => {
    await award(wang, 600);
    const before = await balanceOf(wang);
    const requestIds = Array.from({ length: 80 }, (_, i) => rid('crash-deduct', i));
    let replied = 0;
    const burst = Promise.allSettled(
      requestIds.map((requestId, i) => deduct(wang, 15, requestId, `扣分测试 第${i}次`).finally(() => (replied += 1))),
    );
    // Crash once a third of the crowd has its answer, so the rest are mid-way.
    while (replied < requestIds.length / 3) await new Promise((r) => setTimeout(r, 10));
    await env.emu.kill('SIGKILL');
    const settled = await burst;
    await env.emu.restart();
    // The next posting for the person drains whatever intents the crash left queued, once the crashed
    // drainer's lease has run out (until then it is refused as busy, which is true).
    const next = (i: number) =>
      call(sun, 'points.award', { openid: wang, asset: 'volunteer', amount: 1, reason: '崩溃后的下一笔' }, rid('crash-next', i));
    let reply = await next(0);
    for (let i = 1; !reply.ok && reply.code === 'POINTS_BUSY' && i < 40; i++) reply = await next(i);
    ok(reply);
    const posted = await postingsOf(wang);
    const answered = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [{ reply: s.value, requestId: requestIds[i] }] : []));
    const lies = answered.filter(({ reply, requestId }) => reply.ok !== posted.has(deductId(requestId)));
    expect(lies.map(({ reply, requestId }) => ({ requestId, code: reply.code ?? 'ok' }))).toEqual([]);
    expect(await balanceOf(wang)).toBeGreaterThanOrEqual(0);
    await expectReconciled();
    // A deduct the crash cut short after reserving its points is finished by the ledger's timer once no call can
    // still be running: then the balance is exactly what the postings say.
    await env.emu.clock({ advanceMs: 3 * 60_000 });
    await env.emu.fireTrigger('points', 'reproof');
    const deducted = requestIds.filter((requestId) => posted.has(deductId(requestId))).length;
    expect(await balanceOf(wang)).toBe(before - 15 * deducted + 1);
    await expectReconciled();
  }, 120_000);
});
