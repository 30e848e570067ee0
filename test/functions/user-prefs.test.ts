// 关怀模式 follows the person: set on 我的 with user.setPrefs, kept on their user document, told by user.me.
import { ok, useEmulator } from './call';
import { chen, li, wang } from './personas';

const env = useEmulator();
const { call } = env;

const careModeOf = async (openid: string) => ok(await call(openid, 'user.me')).careMode;

describe('关怀模式 setting', () => {
  it('is on by default for the elderly, off for others, until the person chooses', async () => {
    expect(await careModeOf(wang)).toEqual({ choice: null, byDefault: true }); // born 1946
    expect(await careModeOf(li)).toEqual({ choice: null, byDefault: false }); // born 1988
  });

  it('turns 70 with the server clock: 陈静 (born 1960) gets it by default in 2030', async () => {
    expect((await careModeOf(chen)).byDefault).toBe(false);
    await env.emu.clock({ set: '2030-03-01T02:00:00.000Z' });
    expect((await careModeOf(chen)).byDefault).toBe(true);
  });

  it('persists the choice, answers with it, and a retry replays the first reply', async () => {
    const first = await call(li, 'user.setPrefs', { careMode: true }, 'prefs-req-1');
    expect(ok(first)).toEqual({ careMode: { choice: true, byDefault: false } });
    expect(await careModeOf(li)).toEqual({ choice: true, byDefault: false });

    await call(li, 'user.setPrefs', { careMode: false }, 'prefs-req-2');
    // The first request retried after a later one: the stored reply comes back and nothing is written again.
    expect(ok(await call(li, 'user.setPrefs', { careMode: true }, 'prefs-req-1'))).toEqual(ok(first));
    const [retry] = await env.emu.meter(1);
    expect(retry.written).toBe(0);
    expect(await careModeOf(li)).toEqual({ choice: false, byDefault: false });
  });

  it('lets the elderly turn it off, and costs few requests with every query indexed', async () => {
    ok(await call(wang, 'user.setPrefs', { careMode: false }, 'prefs-off-1'));
    const [set] = await env.emu.meter(1);
    expect(set.dbRequests).toBeLessThanOrEqual(8);
    expect(await careModeOf(wang)).toEqual({ choice: false, byDefault: true });
    const [me] = await env.emu.meter(1);
    expect(me.dbRequests).toBeLessThanOrEqual(3);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('takes only a yes or no, from a registered caller, and touches nobody else', async () => {
    expect(await call(li, 'user.setPrefs', { careMode: 'yes' }, 'prefs-bad-1')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await call(li, 'user.setPrefs', { careMode: true, openid: wang }, 'prefs-bad-2')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await call('o-not-registered', 'user.setPrefs', { careMode: true }, 'prefs-bad-3')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await careModeOf(wang)).toEqual({ choice: null, byDefault: true });
  });
});
