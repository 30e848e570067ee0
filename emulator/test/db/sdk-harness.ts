// Test-only transport: a minimal HTTP server that hands every SDK request body to CloudDatabase.handle, so
// the REAL wx-server-sdk (signing, EJSON, response decoding, runTransaction retries) drives the engine.
// The emulator's real server is built elsewhere; this shim only knows `database.*`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as cloud from 'wx-server-sdk';
import { CloudDatabase, type CloudDatabaseOptions, type DbMeterEvent } from '../../src/db';

export interface Harness {
  engine: CloudDatabase;
  db: ReturnType<typeof cloud.database>;
  meter: DbMeterEvent[];
  /** Every request body the SDK sent, and the engine's reply to it, in order. */
  requests: Record<string, unknown>[];
  replies: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startHarness(opts: Partial<CloudDatabaseOptions> = {}): Promise<Harness> {
  const meter: DbMeterEvent[] = [];
  const requests: Record<string, unknown>[] = [];
  const replies: Record<string, unknown>[] = [];
  const engine = new CloudDatabase({ file: ':memory:', now: () => Date.now(), onMeter: (e) => meter.push(e), ...opts });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      requests.push(body);
      const reply = engine.handle(String(body.action), body) as Record<string, unknown>;
      replies.push(reply);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // How wx-server-sdk finds a local endpoint (see DESIGN.md): TCB_CONTEXT_CNFG.URL, dummy keys, and
  // TENCENTCLOUD=true so it does not probe the cloud metadata host first.
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/tcb` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  cloud.init({ env: 'test' });
  return {
    engine,
    db: cloud.database(),
    meter,
    requests,
    replies,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      engine.close();
    },
  };
}
