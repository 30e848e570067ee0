import { ok, useEmulator, clearOfMidnight } from './call';
import { merchantKit } from './merchant-helpers';
import { li, merchant, wang } from './personas';
import { expectCovered, pointsKit } from './points-helpers';

const env = useEmulator();
// Their charges are counted by the shop's China-time day: no test may start just before it turns.
beforeEach(() => clearOfMidnight(env.emu));
const { call } = env;
const { giveVirtue, codeOf, charge, virtueOf, takenBy } = merchantKit(env);
const { expectReconciled } = pointsKit(env);

describe('积分码: show, scan, charge once', () => {
  it('the merchant sees surname, level and balance; scanning does not use the code, charging does', async () => {
    await giveVirtue(wang, 120);
    const issued = ok(await call(wang, 'points.issueCode', {}, 'code-once-0001'));
    const { now } = await env.emu.clock();
    expect(issued.ttlSeconds).toBe(60);
    expect(new Date(issued.expiresAt).getTime() - new Date(now).getTime()).toBeLessThanOrEqual(60_000);
    const seen = ok(await call(merchant, 'merchant.scan', { token: issued.token }));
    expect(seen).toMatchObject({ resident: { name: '王**', level: { stars: 2, name: '二星' } }, balance: 120, perCharge: 50, dailyLeft: 200 });
    expect(JSON.stringify(seen)).not.toContain(wang);
    ok(await call(merchant, 'merchant.scan', { token: issued.token }));

    const { charge: done } = ok(await charge(merchant, issued.token, 30, '酱油两瓶'));
    expect(done).toMatchObject({ residentName: '王**', points: 30, note: '酱油两瓶', mode: 'direct', status: 'posted', refundable: true });
    expect([await virtueOf(wang), await takenBy(merchant)]).toEqual([90, 30]);
    expect(ok(await call(wang, 'points.history', { asset: 'virtue' })).items[0]).toMatchObject({
      amount: -30,
      reason: '「周记便利店」消费：酱油两瓶',
      byName: '周记便利店',
      shopId: 'shop-zhouji',
    });

    expect(await call(merchant, 'merchant.scan', { token: issued.token })).toMatchObject({ ok: false, code: 'POINTS_CODE_USED' });
    expect(await charge(merchant, issued.token, 30)).toMatchObject({ ok: false, code: 'POINTS_CODE_USED' });
    expect(await virtueOf(wang)).toBe(90);
    const today = ok(await call(merchant, 'merchant.history'));
    expect(today).toMatchObject({ items: [{ id: done.id, status: 'posted' }], today: { count: 1, points: 30 } });
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('a retried charge (same requestId) answers the first reply and takes nothing more', async () => {
    await giveVirtue(wang, 100);
    const token = await codeOf(wang);
    const first = ok(await charge(merchant, token, 20, '', 'charge-retry-01'));
    expect(ok(await charge(merchant, token, 20, '', 'charge-retry-01'))).toEqual(first);
    expect(await virtueOf(wang)).toBe(80);
    // A retry that arrives after the code expired is still the same charge; a new request with it is not.
    await env.emu.clock({ advanceMs: 61_000 });
    expect(ok(await charge(merchant, token, 20, '', 'charge-retry-01'))).toEqual(first);
    expect(await charge(merchant, token, 20, '', 'charge-retry-02')).toMatchObject({ ok: false, code: 'POINTS_CODE_EXPIRED' });
    expect(await virtueOf(wang)).toBe(80);
  });

  it('forged, altered and expired codes get clear errors and take nothing', async () => {
    await giveVirtue(wang, 100);
    const token = await codeOf(wang);
    const [v, sealed] = token.split('.');
    const bytes = Buffer.from(sealed, 'base64url');
    const flipped = (at: number) => {
      const altered = Buffer.from(bytes);
      altered[at] ^= 1;
      return `${v}.${altered.toString('base64url')}`;
    };
    for (const bad of [
      flipped(3),
      flipped(bytes.length - 1),
      `${v}.${sealed.slice(0, -4)}`,
      `${token}.AAAA`,
      'LL1.AAAAAAAAAAAAAAAAAAAAAA.mi0k2x8w.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXU',
      'LL1.garbage.token.here',
    ]) {
      expect(await call(merchant, 'merchant.scan', { token: bad })).toMatchObject({ ok: false, code: 'POINTS_CODE_INVALID' });
      expect(await charge(merchant, bad, 10)).toMatchObject({
        ok: false,
        code: 'POINTS_CODE_INVALID',
        message: '积分码无效，请让居民刷新后重新出示',
      });
    }
    await env.emu.clock({ advanceMs: 61_000 });
    expect(await call(merchant, 'merchant.scan', { token })).toMatchObject({ ok: false, code: 'POINTS_CODE_EXPIRED' });
    expect(await charge(merchant, token, 10)).toMatchObject({ ok: false, code: 'POINTS_CODE_EXPIRED' });
    expect(await virtueOf(wang)).toBe(100);
    ok(await charge(merchant, await codeOf(wang), 10));
    expect(await virtueOf(wang)).toBe(90);
  });

  it('refuses a merchant their own code, and a charge beyond the balance takes nothing and leaves the code usable', async () => {
    await giveVirtue(merchant, 50);
    expect(await call(merchant, 'merchant.scan', { token: await codeOf(merchant) })).toMatchObject({ ok: false, code: 'MERCHANT_OWN_CODE' });
    await giveVirtue(li, 20);
    const token = await codeOf(li);
    expect(await charge(merchant, token, 30)).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(await virtueOf(li)).toBe(20);
    expect(ok(await charge(merchant, token, 20)).charge.status).toBe('posted');
    expect(await virtueOf(li)).toBe(0);
    expect(ok(await call(merchant, 'merchant.history')).items.map((c: any) => [c.points, c.status])).toEqual([[20, 'posted']]);
    await expectReconciled();
  });

  it('verifying the level records a check, takes nothing, and leaves the code for a charge', async () => {
    await giveVirtue(wang, 60);
    const token = await codeOf(wang);
    expect(ok(await call(merchant, 'merchant.verifyLevel', { token }, 'verify-0001'))).toMatchObject({
      resident: { name: '王**', level: { stars: 2 } },
    });
    expect(await virtueOf(wang)).toBe(60);
    expect(ok(await call(merchant, 'merchant.history')).today).toEqual({ count: 0, points: 0, checks: 1 });
    ok(await charge(merchant, token, 5));
    expect(await call(merchant, 'merchant.verifyLevel', { token }, 'verify-0002')).toMatchObject({ ok: false, code: 'POINTS_CODE_USED' });
  });
});
