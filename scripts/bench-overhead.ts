// Issue 17's per-call overhead: `user.me` through the emulator (dev surface → function → wx-server-sdk → gateway →
// database) against a bare node:http server answering a small JSON body, both driven by the same client loop with
// 50 calls in flight, in alternating rounds of the same run so that both see the same machine.
// `npm run bench -- overhead [rounds] [seconds]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { decodeEJSON, encodeEJSON } from '../emulator/src/db/ejson';
import { startEmulator, type TestEmulator } from '../test/helpers/emulator';
import { cpuMsOf } from './bench-proc';

const IN_FLIGHT = 50;
const WANG = 'demo-resident-wang';

const BARE_SERVER = `
const body = JSON.stringify({ ok: true, data: { openid: 'demo-resident-wang', roles: ['resident'], name: '王秀英' } });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });
`;

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  pid: number | undefined;
  /** Throws when a reply is not what the target answers when it works. */
  check: (status: number, text: string) => void;
}

interface Round {
  perSecond: number;
  cpuMsPerCall: number;
  /** Of which the process's main thread (HTTP, gateway, database; the rest is function instances and V8's helpers). */
  mainMsPerCall: number;
}

/** `IN_FLIGHT` loops, each posting the next request as soon as its last one answered, for `seconds`. */
async function drive(target: Target, seconds: number): Promise<Round> {
  const until = performance.now() + seconds * 1000;
  let calls = 0;
  const cpu0 = cpuMsOf(target.pid);
  const main0 = cpuMsOf(target.pid, true);
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < until) {
      const res = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
      target.check(res.status, await res.text());
      calls += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
  const wall = (performance.now() - started) / 1000;
  return {
    perSecond: calls / wall,
    cpuMsPerCall: (cpuMsOf(target.pid) - cpu0) / calls,
    mainMsPerCall: (cpuMsOf(target.pid, true) - main0) / calls,
  };
}

async function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
  });
  return { child, url: `http://127.0.0.1:${port}/` };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[], digits: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(values).toFixed(digits)} (${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)})`;
};

/** bson's EJSON on one stored document of the hot path's size (a wish with its history): µs per encode and decode. */
function ejsonCost(fig: (name: string, value: string) => void) {
  const at = new Date();
  const wish = {
    _id: 'w-0123456789abcdef',
    title: '帮忙换灯泡',
    description: '厨房灯泡坏了，够不着，想请人帮忙换一下',
    status: 'open',
    points: 10,
    authorId: WANG,
    communityId: 'community-wutong',
    createdAt: at,
    history: Array.from({ length: 5 }, (_, i) => ({ at: new Date(at.getTime() + i), by: WANG, what: 'claim' })),
    location: { type: 'Point', coordinates: [120.1, 30.2] },
  };
  const text = encodeEJSON(wish);
  const perCall = (n: number, once: () => unknown) => {
    for (let i = 0; i < n / 10; i++) once();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) once();
    return ((performance.now() - t0) * 1000) / n;
  };
  const encode = perCall(20_000, () => encodeEJSON(wish));
  const decode = perCall(20_000, () => decodeEJSON(text, 0));
  fig(`overhead: EJSON (bson) of a ${text.length}-byte document, encode / decode`, `${encode.toFixed(1)} µs / ${decode.toFixed(1)} µs`);
}

export async function overhead(fig: (name: string, value: string) => void, rounds = 3, seconds = 5): Promise<void> {
  const bare = await startBare();
  let emu: TestEmulator | undefined;
  try {
    emu = await startEmulator();
    const me: Target = {
      label: 'user.me',
      url: `${emu.url}/__emulator/invoke/user`,
      headers: { 'content-type': 'application/json', 'x-linli-openid': WANG },
      body: JSON.stringify({ action: 'user.me', payload: {} }),
      pid: emu.pid,
      check: (status, text) => {
        if (status !== 200 || !(JSON.parse(text) as { ok?: boolean }).ok) throw new Error(`user.me failed: ${status} ${text.slice(0, 200)}`);
      },
    };
    const plain: Target = {
      label: 'bare node:http',
      url: bare.url,
      headers: { 'content-type': 'application/json' },
      body: '{}',
      pid: bare.child.pid,
      check: (status) => {
        if (status !== 200) throw new Error(`bare server answered ${status}`);
      },
    };
    // Warm: every instance of the function started, the connections open, the JIT past its first pass (each
    // instance has its own: one second was not enough for its CPU per call to settle).
    await drive(me, 4);
    await drive(plain, 1);
    const results = new Map<Target, Round[]>([
      [plain, []],
      [me, []],
    ]);
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const b = await drive(plain, seconds);
      const m = await drive(me, seconds);
      results.get(plain)!.push(b);
      results.get(me)!.push(m);
      ratios.push(m.perSecond / b.perSecond);
    }
    const calls = await emu.meter(1);
    for (const [target, rs] of results) {
      fig(
        `overhead: ${target.label}, ${IN_FLIGHT} in flight, calls/s (median, min–max of ${rounds}×${seconds} s)`,
        spread(
          rs.map((r) => r.perSecond),
          0,
        ),
      );
      fig(
        `overhead: … server CPU ms per call (median, min–max)`,
        spread(
          rs.map((r) => r.cpuMsPerCall),
          2,
        ),
      );
    }
    fig(
      'overhead: … user.me, of which the main thread (HTTP, gateway, DB)',
      spread(
        results.get(me)!.map((r) => r.mainMsPerCall),
        2,
      ),
    );
    fig(`overhead: user.me / bare, same round (median, min–max; aim ≥ 0.25×)`, `${spread(ratios, 3)}×`);
    fig('overhead: user.me DB requests per call', String(calls[0]?.dbRequests ?? 'n/a'));
    fig('overhead: instances of a function at most', process.env.LINLI_FUNCTION_INSTANCES ?? `one per core (${Math.max(2, availableParallelism())})`);
    ejsonCost(fig);
  } finally {
    bare.child.kill();
    await emu?.stop();
  }
}
