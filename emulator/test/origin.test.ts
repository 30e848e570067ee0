import { join } from 'node:path';
import { rawRequest, startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');
/** The H5 dev server's origin, as `npm run dev` declares it. */
const DEV_ORIGIN = 'http://127.0.0.1:4999';
const json = { 'content-type': 'application/json' };
/** What the SDK sends to add a document, as a page would forge it. */
const insert = (collectionName: string) => JSON.stringify({ action: 'database.insertDocument', collectionName, data: ['{"x":1}'] });

/**
 * A web page the developer happens to visit can make the browser send requests to 127.0.0.1: the emulator must
 * act on none of them, while its own H5 app, the dev server's, tests and the SDK keep working.
 */
describe('requests from web pages', () => {
  let emu: TestEmulator;
  const post = (path: string, headers: Record<string, string>, body = '{}') => rawRequest(emu.url, path, { method: 'POST', headers, body });

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_DEV_ORIGINS: DEV_ORIGIN, LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') } });
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.reset());

  it.each(['http://evil.example', 'http://127.0.0.1:1', 'http://localhost:1', 'null'])(
    'refuses every dev endpoint from %s, changing nothing',
    async (origin) => {
      const from = { ...json, origin };
      await emu.clock({ advanceMs: 3_600_000 });
      const before = await emu.clock();
      const invocations = (await emu.meter()).length;

      expect((await post('/__emulator/clock', from, JSON.stringify({ advanceMs: 86_400_000 }))).status).toBe(403);
      expect((await post('/__emulator/reset', from)).status).toBe(403);
      expect((await post('/__emulator/triggers/ticker', from)).status).toBe(403);
      expect((await post('/__emulator/invoke/whoami', from)).status).toBe(403);
      expect(
        (await post('/__emulator/upload?cloudPath=uploads/x/a.png', { ...from, 'content-type': 'image/png', 'x-linli-openid': 'x' }, 'png')).status,
      ).toBe(403);
      expect((await rawRequest(emu.url, '/__emulator/outbox', { headers: { origin } })).status).toBe(403);
      expect(
        (await rawRequest(emu.url, '/__emulator/clock', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })).status,
      ).toBe(403);

      expect((await emu.clock()).offsetMs).toBe(before.offsetMs);
      expect(await emu.meter()).toHaveLength(invocations);
    },
  );

  it('refuses the SDK endpoint to any page, even its own', async () => {
    const sdkCall = insert('evil');
    for (const origin of ['http://evil.example', emu.url]) {
      expect((await post('/__tcb', { ...json, origin }, sdkCall)).status).toBe(403);
    }
    const found = await emu.invoke<unknown[]>('counter', { op: 'find', collection: 'evil', query: {} });
    expect(found).toEqual([]);
  });

  it('refuses a POST that a page could send without asking first (no JSON content type)', async () => {
    const before = await emu.clock();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await post('/__emulator/clock', { 'content-type': type }, JSON.stringify({ advanceMs: 86_400_000 }))).status).toBe(415);
      expect((await post('/__emulator/reset', { 'content-type': type })).status).toBe(415);
    }
    expect((await post('/__emulator/clock', {}, JSON.stringify({ advanceMs: 86_400_000 }))).status).toBe(415);
    expect((await post('/__tcb', { 'content-type': 'text/plain' }, insert('plain'))).status).toBe(415);
    expect((await emu.clock()).offsetMs).toBe(before.offsetMs);
    expect(await emu.invoke('counter', { op: 'find', collection: 'plain', query: {} })).toEqual([]);
  });

  it('serves its own origin, the dev server and callers without an Origin', async () => {
    const port = new URL(emu.url).port;
    for (const origin of [emu.url, `http://localhost:${port}`, DEV_ORIGIN]) {
      const res = await post('/__emulator/clock', { ...json, origin }, JSON.stringify({ advanceMs: 1000 }));
      expect(res.status).toBe(200);
      expect((await rawRequest(emu.url, '/__emulator/personas', { headers: { origin } })).status).toBe(200);
    }
    expect((await post('/__emulator/clock', json, JSON.stringify({ advanceMs: 1000 }))).status).toBe(200);
    expect((await emu.clock()).offsetMs).toBeGreaterThanOrEqual(4000);
    const preflight = await rawRequest(emu.url, '/__emulator/invoke/whoami', {
      method: 'OPTIONS',
      headers: { origin: DEV_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });
});
