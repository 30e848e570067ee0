// The SDK endpoint under a crowd: many invocations in flight at once, each making its own SDK requests over shared
// keep-alive connections, and raw requests beside them. Every reply must reach the request that asked, every write
// land once, and the meter count each request for the invocation that made it. Counts only, never times.
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { rawRequest, startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(120_000);

const functionsDir = join(__dirname, 'fixtures/functions');
const CROWD = 150;
const ids = Array.from({ length: CROWD }, (_, i) => `crowd-${i}`);

describe('the SDK endpoint under many concurrent calls', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({
      functionsDir,
      // A loaded machine must not turn a slow answer into a failed one: this test counts, it does not time.
      env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json'), LINLI_FUNCTION_TIMEOUT_MS: '60000' },
    });
  });
  afterAll(() => emu.stop());

  it(`writes once for each of ${CROWD} concurrent transactions, then answers each of ${CROWD} concurrent reads with its own document`, async () => {
    const written = await Promise.all(ids.map((id) => emu.invoke('counter', { id })));
    expect(written).toEqual(ids.map(() => ({ value: 1 })));
    const writes = await emu.meter(CROWD);
    expect(writes.filter((r) => r.ok && r.written === 1)).toHaveLength(CROWD);

    // Twice each, interleaved, so that replies of one connection's successive requests cannot be swapped unseen.
    const reads = await Promise.all([...ids, ...ids].map((id) => emu.invoke<{ _id: string; value: number }>('counter', { op: 'read', id })));
    reads.forEach((doc, i) => expect(doc).toMatchObject({ _id: ids[i % CROWD], value: 1 }));
    const meter = await emu.meter(2 * CROWD);
    expect(meter.map((r) => [r.ok, r.dbRequests, r.read])).toEqual(meter.map(() => [true, 1, 1]));
  });

  it('answers raw SDK requests sent all at once, each with its own document', async () => {
    const request = (id: string, i: number) =>
      emu
        .fetch(`/__tcb?env=linli-local&seqId=raw-${i}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            action: 'database.getDocument',
            collectionName: 'counters',
            queryType: 'WHERE',
            query: JSON.stringify({ _id: id }),
            limit: 1,
            envName: 'linli-local',
            wxCloudApiToken: '',
          }),
        })
        .then((res) => res.json() as Promise<{ data: { list: string[] }; requestId: string }>);
    const replies = await Promise.all([...ids, ...ids, ...ids].map(request));
    expect(replies.map((r) => r.data.list.map((text) => (JSON.parse(text) as { _id: string })._id))).toEqual(
      [...ids, ...ids, ...ids].map((id) => [id]),
    );
    expect(new Set(replies.map((r) => r.requestId)).size).toBe(3 * CROWD);
  });

  it('answers a body over the limit with 413 rather than cutting the connection', async () => {
    const body = Buffer.alloc(21 * 1024 * 1024, 0x20);
    const reply = await rawRequest(emu.url, '/__tcb?env=linli-local', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: 'BODY_TOO_LARGE' });
  });

  it('closes the connection after a 413, so the next request on a kept-alive agent is answered', async () => {
    // One kept-alive socket: left open, the next request went out on the socket holding the refused body's rest.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (bytes: number) =>
      new Promise<string>((resolve) => {
        const req = httpRequest(
          `${emu.url}/__tcb?env=linli-local`,
          { method: 'POST', headers: { 'content-type': 'application/json' }, agent },
          (res) => {
            res.resume();
            res.on('end', () => resolve(`${res.statusCode} ${res.headers.connection ?? ''}`));
          },
        );
        req.on('error', (err: NodeJS.ErrnoException) => resolve(`error ${err.code ?? err.message}`));
        req.setTimeout(10_000, () => req.destroy(new Error('no answer')));
        req.end(bytes > 0 ? Buffer.alloc(bytes, 0x20) : '{}');
      });
    try {
      expect(await send(21 * 1024 * 1024)).toBe('413 close');
      expect(await send(0)).toMatch(/^\d{3} /);
    } finally {
      agent.destroy();
    }
  });
});
