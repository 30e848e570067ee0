import { join } from 'node:path';
import { EmulatorCallError, startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');

interface WhoAmI {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  event: Record<string, unknown>;
}

describe('caller context', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') } });
  });
  afterAll(() => emu.stop());

  it('gives getWXContext() the caller picked by X-Linli-OpenId, and the event its userInfo', async () => {
    const res = await emu.invoke<WhoAmI>('whoami', { tag: 'one' }, 'demo-resident-wang');
    expect(res.before).toEqual({ OPENID: 'demo-resident-wang', APPID: expect.any(String), SOURCE: 'wx_client', ENV: 'linli-local' });
    expect(res.after).toEqual(res.before);
    expect(res.event).toEqual({ tag: 'one', userInfo: { appId: res.before.APPID, openId: 'demo-resident-wang' } });
  });

  it("runs functions in SCF mode, as the cloud does: the SDK sends its requests through Node's own HTTP agent", async () => {
    await expect(emu.invoke('platform')).resolves.toEqual({ runenv: 'SCF', namespace: 'linli-local', region: 'ap-shanghai', nodeAgent: true });
  });

  it('gives an anonymous caller no OPENID', async () => {
    const res = await emu.invoke<WhoAmI>('whoami', { tag: 'anon' });
    expect(res.before.OPENID).toBeUndefined();
    expect(res.before.SOURCE).toBe('wx_client');
    expect(res.event).toEqual({ tag: 'anon' });
  });

  it('keeps each of 60 concurrent callers in its own context across awaited database I/O', async () => {
    const openids = Array.from({ length: 60 }, (_, i) => `concurrent-user-${i}`);
    const results = await Promise.all(openids.map((openid) => emu.invoke<WhoAmI>('whoami', { tag: openid }, openid)));
    results.forEach((res, i) => {
      expect(res.before.OPENID).toBe(openids[i]);
      expect(res.after.OPENID).toBe(openids[i]);
      expect(res.event.tag).toBe(openids[i]);
    });
    // What the functions wrote between the two awaits was also attributed to the right caller.
    const meter = await emu.meter(60);
    expect(meter.map((m) => m.caller.openid).sort()).toEqual([...openids].sort());
    expect(meter.every((m) => m.ok && m.dbRequests === 2 && m.written === 1)).toBe(true);
  });

  it('passes the caller on to a function called with cloud.callFunction, with SOURCE wx_client,scf', async () => {
    const res = await emu.invoke<{ self: Record<string, unknown>; callee: WhoAmI }>(
      'services',
      { op: 'callWhoami', tag: 'nested' },
      'demo-member-zhang',
    );
    expect(res.self).toMatchObject({ OPENID: 'demo-member-zhang', SOURCE: 'wx_client' });
    expect(res.callee.before).toEqual({ ...res.self, SOURCE: 'wx_client,scf' });
    expect(res.callee.event.tag).toBe('nested');
    const [parent, child] = await emu.meter(2).then((m) => [m.find((r) => r.function === 'services')!, m.find((r) => r.function === 'whoami')!]);
    expect(child.parentId).toBe(parent.invocationId);
  });

  it('rejects callFunction inside a function when the callee throws, as the SDK does', async () => {
    const res = await emu.invoke<{ threw: boolean; message: string }>('services', { op: 'callBoom' }, 'demo-member-zhang');
    expect(res.threw).toBe(true);
    expect(res.message).toMatch(/^callFunction:fail Error: boom: deliberate failure/);
  });

  it('answers a throwing function the way wx.cloud.callFunction fails', async () => {
    const err: EmulatorCallError = await emu.invoke<never>('services', { op: 'boom' }).catch((e: EmulatorCallError) => e);
    expect(err).toBeInstanceOf(EmulatorCallError);
    expect(err.status).toBe(500);
    expect(err.body.errCode).toBe(-504002);
    expect(err.body.errMsg).toMatch(/^cloud\.callFunction:fail -504002 functions execute fail\. Error: boom: deliberate failure/);
    expect(err.body.errMsg).not.toMatch(/emulator\/dist|emulator\/src/);
    const [record] = await emu.meter(1);
    expect(record).toMatchObject({ function: 'services', ok: false });
  });

  it('answers 404 for a function that does not exist', async () => {
    const err: EmulatorCallError = await emu.invoke<never>('nope', {}).catch((e: EmulatorCallError) => e);
    expect(err.status).toBe(404);
    expect(err.body.errCode).toBe(-504001);
  });
});
