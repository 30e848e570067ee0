import { ok, useEmulator } from './call';
import { gao, liu, sun, wang } from './personas';
import { rid } from './points-helpers';

/** 积分明细与冲正: staff read a person's postings of their community and reverse one from there. */
const env = useEmulator();
const { call } = env;
let serial = 0;
const act = (who: string, action: string, payload: Record<string, unknown>) => call(who, action, payload, rid('history-of', ++serial));

describe('points.historyOf', () => {
  it('shows staff a person’s postings signed for that person; a reversal made from it marks the original', async () => {
    const { postingId } = ok(await act(gao, 'points.award', { openid: wang, asset: 'volunteer', amount: 12, reason: '重复登记的活动' }));
    const page = ok(await call(sun, 'points.historyOf', { openid: wang }));
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'points.historyOf', ok: true, uncovered: [] });
    expect(record!.dbRequests).toBeLessThanOrEqual(3);
    expect(page.items[0]).toMatchObject({ id: postingId, amount: 12, reason: '重复登记的活动', byName: '高敏', reversal: false, reversed: false });

    ok(await act(sun, 'points.reverse', { postingId, reason: '重复发放，予以冲正' }));
    const after = ok(await call(sun, 'points.historyOf', { openid: wang })).items;
    expect(after.map((p: any) => [p.amount, p.reversal, p.reversed])).toEqual([
      [-12, true, false],
      [12, false, true],
    ]);
    // The person reads the same lines in their own history.
    expect(ok(await call(wang, 'points.history', {})).items.map((p: any) => p.id)).toEqual(after.map((p: any) => p.id));
  });

  it('is for community staff only', async () => {
    expect(await call(liu, 'points.historyOf', { openid: wang })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(wang, 'points.historyOf', { openid: wang })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });
});
