// Speed, size and memory figures for Linli. Printed, never asserted: compare them across changes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET, budgetOf, costTable, measureMainFlows } from '../test/functions/cost-flows';
import { databaseOf, seedLedger } from '../test/functions/ledger-fixture';
import * as personas from '../test/functions/personas';
import { residentHeader, residents, uploadFile, xlsx } from '../test/functions/roster-kit';
import { repoRoot, startEmulator, type TestEmulator } from '../test/helpers/emulator';
import { cpuMsOf, memoryMiB } from './bench-proc';
import { dashboardReadsAt } from './bench-stats';
import { workers } from './bench-workers';

const rows: [string, string][] = [];
const fig = (name: string, value: string) => {
  rows.push([name, value]);
  console.log(`${name.padEnd(58)} ${value}`);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function dirSize(dir: string, filter: (path: string) => boolean = () => true): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, d) => {
    const p = join(dir, d.name);
    return sum + (d.isDirectory() ? dirSize(p, filter) : filter(p) ? statSync(p).size : 0);
  }, 0);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

function rssOf(pid: number | undefined): string {
  if (!pid) return 'n/a';
  const { rss, peak } = memoryMiB(pid);
  return `${rss.toFixed(0)} MiB now, ${peak.toFixed(0)} MiB peak`;
}

function sizes() {
  const functions = join(repoRoot, 'dist/cloudfunctions');
  for (const name of readdirSync(functions)) {
    const code = readFileSync(join(functions, name, 'index.js'));
    fig(`size: function ${name} (index.js, gzip; limit 300 KiB)`, `${kb(code.length)} (${kb(gzipSync(code).length)})`);
  }
  const weapp = join(repoRoot, 'dist/weapp');
  if (existsSync(weapp)) {
    const code = (p: string) => !p.endsWith('.map');
    const subpackages = readdirSync(weapp).filter((d) => d.startsWith('package-'));
    const subSizes = subpackages.map((d) => [d, dirSize(join(weapp, d), code)] as const);
    fig('size: weapp main package (limit 2 MiB)', kb(dirSize(weapp, code) - subSizes.reduce((n, [, size]) => n + size, 0)));
    for (const [name, size] of subSizes) fig(`size: weapp subpackage ${name}`, kb(size));
  } else fig('size: weapp', 'not built (npm run build:weapp)');
  const h5 = join(repoRoot, 'dist/h5');
  if (existsSync(h5)) fig('size: H5 js+css', kb(dirSize(h5, (p) => /\.(js|css)$/.test(p))));
}

/**
 * One `require` in a fresh node: wall and CPU milliseconds, without node's own start-up. In the cloud's
 * environment (as the emulator runs functions): without TENCENTCLOUD the SDK's `cloud.init` would first probe a
 * metadata host that exists only outside Tencent Cloud, a cost no deployed function pays.
 */
function requireOnce(module: string): [number, number] {
  const script = `const c = process.cpuUsage(), t = performance.now(); require(${JSON.stringify(module)});
    const u = process.cpuUsage(c); process.stdout.write(JSON.stringify([performance.now() - t, (u.user + u.system) / 1000]));`;
  const env = { ...process.env, TENCENTCLOUD: 'true' };
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8', env }));
}

/**
 * Cold start on WeChat Cloud is mostly `require`: each function against the bare SDK it loads anyway,
 * interleaved in one run so both see the same machine. CPU time is printed too: it shrugs off load.
 */
function coldRequire(runs = 7) {
  const functions = join(repoRoot, 'dist/cloudfunctions');
  const targets = [
    ['wx-server-sdk (bare)', 'wx-server-sdk'],
    ...readdirSync(functions).map((n) => [`function ${n}`, join(functions, n, 'index.js')]),
  ];
  const samples = targets.map(() => [[], []] as [number[], number[]]);
  for (let i = 0; i < runs; i++) {
    targets.forEach(([, module], t) => requireOnce(module).forEach((v, k) => samples[t][k].push(v)));
  }
  const [sdkWall, sdkCpu] = samples[0].map((s) => percentile(s, 50));
  targets.forEach(([label], t) => {
    const [wall, cpu] = samples[t].map((s) => percentile(s, 50));
    const ratio = `${(wall / sdkWall).toFixed(2)}× / ${(cpu / sdkCpu).toFixed(2)}× the SDK`;
    fig(`cold require: ${label} (median of ${runs}, wall / CPU)`, `${ms(wall)} / ${ms(cpu)} (${ratio}; aim ≤ 1.1×)`);
  });
}

const wang = 'demo-resident-wang';
const liu = 'demo-grid-liu';
const zhang = 'demo-member-zhang';
const members = [zhang, 'demo-member-chen', 'demo-member-huang', 'demo-member-ma', 'demo-member-yang', 'demo-member-zhu'];
const wish = { title: '帮忙换灯泡', description: '厨房灯泡坏了，够不着，想请人帮忙换一下', categoryId: 'repair' };

async function call(emu: TestEmulator, openid: string, action: string, payload: unknown = {}, requestId?: string): Promise<any> {
  return emu.invoke(action.split('.')[0], { action, payload, ...(requestId ? { requestId } : {}) }, openid);
}

async function latency(emu: TestEmulator, label: string, n: number, once: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push((await timed(() => once(i)))[0]);
  fig(`latency: ${label} ×${n} (p50 / p95)`, `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`);
}

async function perAction(emu: TestEmulator) {
  const records = await emu.meter();
  const byAction = new Map<string, { n: number; requests: number; read: number; written: number }>();
  for (const r of records) {
    const key = r.action ?? r.trigger ?? r.function;
    const agg = byAction.get(key) ?? { n: 0, requests: 0, read: 0, written: 0 };
    agg.n += 1;
    agg.requests += r.dbRequests;
    agg.read += r.read;
    agg.written += r.written;
    byAction.set(key, agg);
  }
  for (const [action, a] of byAction) {
    fig(
      `db per call: ${action} (requests / docs read / written)`,
      `${(a.requests / a.n).toFixed(1)} / ${(a.read / a.n).toFixed(1)} / ${(a.written / a.n).toFixed(1)}`,
    );
  }
}

/** The meter's record of the last call: what one invocation of an action cost the database. */
async function costOf(emu: TestEmulator, label: string, reply: Promise<any>) {
  const answer = await reply;
  const [record] = await emu.meter(1);
  fig(
    `db requests per action: ${label} (requests / docs read / written)`,
    `${record.dbRequests} / ${record.read} / ${record.written}${answer.ok ? '' : ` (${answer.code})`}`,
  );
  return answer;
}

/** What a crowd round came to: all at once against one by one, in wall time, emulator CPU and DB requests. */
interface CrowdRatios {
  wall: number[];
  cpu: number[];
  requests: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The write path: what one posting costs, and a crowd of spends on one balance against the same spends one by one. */
async function ledger(emu: TestEmulator, rounds = Math.max(1, Number(process.argv[3]) || 1)): Promise<CrowdRatios> {
  const sun = 'demo-staff-sun';
  const award = (amount: number, requestId: string) =>
    call(emu, sun, 'points.award', { openid: wang, asset: 'volunteer', amount, reason: '志愿服务' }, requestId);
  const spend = (i: number, prefix: string) =>
    call(emu, sun, 'points.deduct', { openid: wang, asset: 'volunteer', amount: 1, reason: '兑换' }, `${prefix}-${i}`);

  await costOf(emu, 'points.award', award(500, 'bench-award-500'));
  await costOf(emu, 'points.award (replayed requestId)', award(500, 'bench-award-500'));
  await costOf(emu, 'points.deduct', spend(0, 'bench-cost'));
  await call(emu, 'demo-merchant-zhou', 'points.balance');
  await call(emu, sun, 'points.award', { openid: wang, asset: 'virtue', amount: 50, reason: '志愿服务' }, 'bench-virtue');
  const code = await call(emu, wang, 'points.issueCode', {}, 'bench-code');
  await costOf(
    emu,
    'merchant.charge',
    call(emu, 'demo-merchant-zhou', 'merchant.charge', { token: code.data.token, points: 5, note: '' }, 'bench-charge'),
  );
  const item = await call(emu, 'demo-admin-wu', 'mall.setItem', { name: '环保袋', price: 10, asset: 'volunteer', stock: 5 }, 'bench-item');
  await costOf(emu, 'mall.order', call(emu, wang, 'mall.order', { itemId: item.data.item.id, qty: 1 }, 'bench-order'));
  const created = await call(emu, wang, 'wish.create', wish, 'bench-wish');
  const wishId = created.data.wish.id;
  await call(emu, liu, 'wish.approve', { wishId, points: 10 }, 'bench-wish-approve');
  await call(emu, zhang, 'wish.claim', { wishId }, 'bench-wish-claim');
  await call(emu, zhang, 'wish.checkIn', { wishId }, 'bench-wish-checkin');
  await emu.clock({ advanceMs: 60 * 60 * 1000 });
  await call(emu, zhang, 'wish.complete', { wishId, proof: '已完成服务，居民满意' }, 'bench-wish-complete');
  await costOf(emu, 'wish.confirm', call(emu, wang, 'wish.confirm', { wishId, rating: 5, comment: '很好' }, 'bench-wish-confirm'));
  await emu.clock({ reset: true });

  // Each round makes the same n spends one after another, then all at once; on a shared machine the rounds' spread
  // says how far one figure can be trusted (`npm run bench -- ledger 3` for three rounds).
  const n = 200;
  await award(2 * n * rounds, 'bench-award-spends');
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const requestRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const tag = rounds > 1 ? ` [round ${round + 1} of ${rounds}]` : '';
    // The emulator's CPU time beside the wall time: on a shared machine it shows the work a crowd wastes on
    // conflicts, whatever else the machine is doing; the wall time adds the pauses between attempts.
    const cpu0 = cpuMsOf(emu.pid);
    const [oneByOneMs] = await timed(async () => {
      for (let i = 0; i < n; i++) await spend(i, `bench-serial-${round}`);
    });
    const cpu1 = cpuMsOf(emu.pid);
    const requestsOf = async () => (await emu.meter(n)).filter((r) => r.action === 'points.deduct').reduce((sum, r) => sum + r.dbRequests, 0);
    const oneByOneRequests = await requestsOf();
    fig(`ledger: ${n} spends of 1 on one balance, one after another (wall / emulator CPU)${tag}`, `${ms(oneByOneMs)} / ${ms(cpu1 - cpu0)}`);
    const crowdStart = performance.now();
    const finishedAt: number[] = [];
    const [crowdMs, spends] = await timed(() =>
      Promise.all(
        Array.from({ length: n }, (_, i) => spend(i, `bench-crowd-${round}`).finally(() => finishedAt.push(performance.now() - crowdStart))),
      ),
    );
    const cpu2 = cpuMsOf(emu.pid);
    const crowdRequests = await requestsOf();
    requestRatios.push(crowdRequests / oneByOneRequests);
    const outcome = (code: string) => spends.filter((r) => (code === 'ok' ? r.ok : r.code === code)).length;
    ratios.push(crowdMs / oneByOneMs);
    cpuRatios.push((cpu2 - cpu1) / (cpu1 - cpu0));
    fig(
      `ledger: the same ${n} spends all at once (wall / emulator CPU)${tag}`,
      `${ms(crowdMs)} / ${ms(cpu2 - cpu1)} (${(crowdMs / oneByOneMs).toFixed(2)}× / ${((cpu2 - cpu1) / (cpu1 - cpu0)).toFixed(2)}× one by one; aim ≤ 3×)`,
    );
    fig(`ledger: … DB requests of the ${n} spends, one by one / all at once${tag}`, `${oneByOneRequests} / ${crowdRequests}`);
    // Where the crowd's time goes: a long tail (the last few spends pausing long after the rest) or a slow middle.
    const at = (share: number) => ms(finishedAt[Math.min(n - 1, Math.floor(share * n))]);
    fig(`ledger: … the crowd's spends answered: a quarter / half / 90% / all by${tag}`, `${at(0.25)} / ${at(0.5)} / ${at(0.9)} / ${at(1)}`);
    fig(
      `ledger: … spent / insufficient / busy / other${tag}`,
      `${outcome('ok')} / ${outcome('POINTS_INSUFFICIENT')} / ${outcome('POINTS_BUSY')} / ${spends.filter((r) => !r.ok && r.code !== 'POINTS_INSUFFICIENT' && r.code !== 'POINTS_BUSY').length}`,
    );
  }
  if (rounds > 1) {
    // The emulator's CPU ratio is the steadier figure on a shared machine: the wall ratio moves with whatever else runs.
    const spread = (values: number[]) => `${median(values).toFixed(2)}× (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×)`;
    fig(
      `ledger: all at once / one by one over ${rounds} rounds, wall / emulator CPU (median, min–max)`,
      `${spread(ratios)} / ${spread(cpuRatios)}; aim ≤ 3×`,
    );
  }
  await mallCrowd(emu);
  await merchantCrowd(emu);
  const balance = await call(emu, wang, 'points.balance');
  fig('ledger: … volunteer balance left', String(balance.data.balances.find((b: any) => b.asset === 'volunteer').balance));
  const [reconcileMs, report] = await timed(() => call(emu, sun, 'points.reconcile'));
  fig(
    'ledger: points.reconcile (accounts, postings, differences)',
    `${ms(reconcileMs)} (${report.data.accounts}, ${report.data.postings}, ${report.data.differences.length})`,
  );
  return { wall: ratios, cpu: cpuRatios, requests: requestRatios };
}

/**
 * A crowd at the mall: the same 100 orders of one item by six buyers, one after another, then all at once. An order
 * holds its stock and the buyer's points by conditional updates (mall held-stock.ts), so a crowd on one shelf does
 * not contend, where one transaction per order made it commit one by one, each loser retrying on the item.
 */
async function mallCrowd(emu: TestEmulator) {
  const n = 100;
  const buyers = members.slice(0, 6);
  for (const buyer of buyers) {
    await call(
      emu,
      'demo-staff-sun',
      'points.award',
      { openid: buyer, asset: 'volunteer', amount: 2 * n, reason: '志愿服务' },
      `bench-mall-${buyer}`,
    );
  }
  const shelf = (name: string, requestId: string) =>
    call(emu, 'demo-admin-wu', 'mall.setItem', { name, price: 1, asset: 'volunteer', stock: 2 * n }, requestId);
  const [item, warmItem] = [await shelf('环保袋', 'bench-mall-item'), await shelf('毛巾', 'bench-mall-warm-item')];
  const orderOf = (itemId: string, i: number, prefix: string) =>
    call(emu, buyers[i % buyers.length], 'mall.order', { itemId, qty: 1 }, `${prefix}-${i}`);
  const order = (i: number, prefix: string) => orderOf(item.data.item.id, i, prefix);
  // Untimed, a crowd of orders of another item first: each instance compiles the order's write path on its first.
  await Promise.all(Array.from({ length: n }, (_, i) => orderOf(warmItem.data.item.id, i, 'bench-mall-warm')));
  const requestsOf = async () => (await emu.meter(n)).filter((r) => r.action === 'mall.order').reduce((sum, r) => sum + r.dbRequests, 0);
  const [oneByOneMs] = await timed(async () => {
    for (let i = 0; i < n; i++) await order(i, 'bench-mall-serial');
  });
  const oneByOneRequests = await requestsOf();
  const [crowdMs, orders] = await timed(() => Promise.all(Array.from({ length: n }, (_, i) => order(i, 'bench-mall-crowd'))));
  const crowdRequests = await requestsOf();
  crowdFigures(`mall: ${n} orders of one item by ${buyers.length} buyers`, `${n} orders`, [oneByOneMs, crowdMs], [oneByOneRequests, crowdRequests]);
  fig('mall: … placed', `${orders.filter((r) => r.ok).length} of ${n}`);
}

/**
 * A crowd at one shop: the same 100 charges of six residents' codes at 周记, one by one, then all at once. A direct
 * charge counts itself on the shop's desk and takes the resident's points by conditional updates (ledger
 * quick-charge.ts), so the desk a shop's charges share is not a transaction's to lose.
 */
async function merchantCrowd(emu: TestEmulator) {
  const n = 100;
  const residents = members.slice(0, 6);
  for (const who of residents) {
    await call(emu, 'demo-staff-sun', 'points.award', { openid: who, asset: 'virtue', amount: 150, reason: '文明行为' }, `bench-shop-${who}`);
  }
  const codes = async (count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => call(emu, residents[i % residents.length], 'points.issueCode', {})));
  const chargeWith = (merchant: string, token: string, requestId: string) =>
    call(emu, merchant, 'merchant.charge', { token, points: 1, note: '' }, requestId);
  // Untimed, a crowd at the other shop first: each instance compiles the charge's write path on its first.
  const warm = await codes(n);
  await Promise.all(warm.map((code, i) => chargeWith('demo-merchant-fang', code.data.token, `bench-shop-warm-${i}`)));
  const requestsOf = async () => (await emu.meter(n)).filter((r) => r.action === 'merchant.charge').reduce((sum, r) => sum + r.dbRequests, 0);
  const serial = await codes(n);
  const [oneByOneMs] = await timed(async () => {
    for (const [i, code] of serial.entries()) await chargeWith('demo-merchant-zhou', code.data.token, `bench-shop-serial-${i}`);
  });
  const oneByOneRequests = await requestsOf();
  const crowd = await codes(n);
  const [crowdMs, charges] = await timed(() =>
    Promise.all(crowd.map((code, i) => chargeWith('demo-merchant-zhou', code.data.token, `bench-shop-crowd-${i}`))),
  );
  const crowdRequests = await requestsOf();
  crowdFigures(
    `merchant: ${n} charges at one shop from ${residents.length} residents`,
    `${n} charges`,
    [oneByOneMs, crowdMs],
    [oneByOneRequests, crowdRequests],
  );
  fig('merchant: … charged', `${charges.filter((r) => r.ok).length} of ${n}`);
}

/** A crowd's two figures: its wall time and its DB requests, one by one against all at once, with the ratio of each. */
function crowdFigures(what: string, calls: string, [oneByOneMs, crowdMs]: [number, number], [oneByOne, crowd]: [number, number]) {
  fig(`${what}, one by one / all at once (wall)`, `${ms(oneByOneMs)} / ${ms(crowdMs)} (${(crowdMs / oneByOneMs).toFixed(2)}×)`);
  fig(`${what.split(':')[0]}: … DB requests of the ${calls}, one by one / all at once`, `${oneByOne} / ${crowd} (${(crowd / oneByOne).toFixed(2)}×)`);
}

/**
 * Issue 10's table: what each action of the main flows costs the database, from the meter, on a fresh
 * seed (the same calls as test/functions/db-cost.test.ts): warm (the flows' second pass), with the first,
 * cold pass beside it, and the actions over their budget when warm.
 */
async function dbCostPerAction(emu: TestEmulator) {
  await emu.reset();
  const costs = await measureMainFlows(emu);
  console.log(`\nDB requests per action (docs read / examined / written); budget ${BUDGET.action}, a page read ${BUDGET.list}`);
  for (const line of costTable(costs)) console.log(`  ${line}`);
  const over = costs.filter((c) => c.requests > budgetOf(c));
  fig('db budget: actions over budget', `${over.length} of ${costs.length}: ${over.map((c) => `${c.label} ${c.requests}`).join(', ')}`);
}

/** Docs read by the open ranking and the daily reconcile over a seeded ledger of `count` postings plus a day's calls. */
async function readsOver(emu: TestEmulator, count: number): Promise<{ ranking: number; reconcile: number }> {
  await emu.reset();
  const { month } = await seedLedger(emu, count);
  for (let i = 0; i < 4; i++) {
    const entry = { openid: zhang, itemId: 'party-volunteer', reason: '按月录入', evidence: { text: '签到表', photos: [] } };
    await call(emu, 'demo-staff-sun', 'points.partyEntry', entry, `bench-flat-party-${i}`);
  }
  await call(emu, wang, 'points.ranking', { month });
  const ranking = [...(await emu.meter())].reverse().find((r) => r.action === 'points.ranking')!.read;
  await emu.fireTrigger('points', 'reconcile');
  const reconcile = [...(await emu.meter())].reverse().find((r) => r.trigger === 'reconcile')!.read;
  return { ranking, reconcile };
}

/** Issue 10's "reads that stay flat": docs read at 1 k against 100 k postings (seeded through the SDK), and the ratio. */
async function flatReads(emu: TestEmulator) {
  const small = await readsOver(emu, 1_000);
  const big = await readsOver(emu, 100_000);
  for (const key of ['ranking', 'reconcile'] as const) {
    const label = key === 'ranking' ? 'points.ranking' : 'daily reconcile';
    fig(
      `flat reads: ${label}, docs read at 1 k / 100 k postings`,
      `${small[key]} / ${big[key]} (${(big[key] / small[key]).toFixed(2)}×; aim ≤ 1.1×)`,
    );
  }
}

/**
 * Balances that stay flat (points/compact.ts): one person credited 1,000 times, as party entries and wish awards credit
 * without reading the balance, with the ledger's ten-minute timer fired after every 100 credits as it would run
 * between them. The bytes of their balance document just before the timer, after 100 and after 1,000 credits: without
 * compaction it held a lot for every credit ever made.
 */
async function balanceGrowth(emu: TestEmulator) {
  await emu.reset();
  const balances = databaseOf(emu).collection('balances');
  const award = { openid: zhang, asset: 'volunteer', amount: 1, reason: '志愿服务' };
  const seen = new Map<number, { bytes: number; lots: number }>();
  for (let i = 1; i <= 1_000; i++) {
    const reply = await call(emu, 'demo-staff-sun', 'points.award', award, `bench-growth-${i}`);
    if (!reply.ok) throw new Error(`points.award: ${JSON.stringify(reply)}`);
    if (i % 100 > 0) continue;
    const doc = (await balances.doc(`user:${zhang}|volunteer|0`).get()).data;
    seen.set(i, { bytes: JSON.stringify(doc).length, lots: doc.lots.length });
    await emu.fireTrigger('points', 'reproof');
  }
  const [small, big] = [seen.get(100)!, seen.get(1_000)!];
  fig(
    'flat balance: bytes before the timer, 100 / 1,000 credits',
    `${small.bytes} / ${big.bytes} (${(big.bytes / small.bytes).toFixed(2)}×; aim ≤ 1.1×)`,
  );
  fig('flat balance: lots held before the timer, 100 / 1,000 credits', `${small.lots} / ${big.lots}`);
}

/**
 * Issue 14's "reads that stay flat" for the reports: docs read by report.dashboard, report.gridRanking and the
 * first page of report.cases (a year of one community) at 10 k and 1 M case events.
 */
async function statsReads() {
  const small = await dashboardReadsAt(10_000);
  const big = await dashboardReadsAt(1_000_000);
  const actions = [
    ['report.dashboard', 'dashboard'],
    ['report.gridRanking', 'gridRanking'],
    ['report.cases (已办结, first page)', 'resolvedList'],
  ] as const;
  for (const r of [small, big]) {
    for (const [label, key] of actions)
      fig(
        `stats reads: ${label}, a year, ${r.events.toLocaleString('en')} case events (requests / docs read)`,
        `${r[key].requests} / ${r[key].read}`,
      );
    fig(`stats reads: verify of yesterday at ${r.events.toLocaleString('en')} events`, `${r.cases} cases, ${r.differences} differences`);
  }
  for (const [label, key] of actions)
    fig(`stats reads: ${label} docs read, 1 M / 10 k events`, `${(big[key].read / small[key].read).toFixed(2)}× (aim ≤ 1.1×)`);
}

/**
 * 人口台账: one user action importing a 5,000-row XLSX — the page calls roster.import again while it answers
 * `running` — with the wall time, the calls, and the DB requests of all of them and of the costliest one.
 */
async function rosterImport(emu: TestEmulator) {
  const staff = 'demo-staff-sun';
  const data = await xlsx([residentHeader, ...residents(5000)]);
  const fileID = await uploadFile(emu, staff, data);
  const payload = { fileID, communityId: 'community-wutong', kind: 'residents' };
  const started = performance.now();
  let calls = 0;
  for (let state = 'running'; state === 'running'; calls++) {
    const reply = await call(emu, staff, 'roster.import', payload);
    if (!reply.ok) throw new Error(`roster.import: ${reply.code} ${reply.message}`);
    state = reply.data.status;
  }
  const wall = performance.now() - started;
  const records = await emu.meter(calls);
  const requests = records.reduce((sum, r) => sum + r.dbRequests, 0);
  const slowest = Math.max(...records.map((r) => r.durationMs ?? 0));
  fig(`roster.import: 5,000 rows (${kb(data.length)} XLSX), one user action`, `${ms(wall)} in ${calls} calls, slowest call ${ms(slowest)}`);
  fig('roster.import: 5,000 rows, DB requests (all calls / most in one call)', `${requests} / ${Math.max(...records.map((r) => r.dbRequests))}`);
  const [listMs] = await timed(() => call(emu, staff, 'roster.list', { limit: 20 }));
  const [record] = await emu.meter(1);
  fig('roster.list: a page of 20 of 5,000 (time, DB requests)', `${ms(listMs)}, ${record.dbRequests}`);
}

/**
 * The ledger's crowd as the cloud would run it: `instances` warm instances of the points function (started by as
 * many concurrent balance reads, so that no spend waits for an instance or pays a cold start), then ledger()'s rounds.
 */
async function crowd(emu: TestEmulator, instances: number, rounds: number) {
  // In steps of 25 more at once: 200 instances starting together on a 2-core machine each took longer than the
  // function's timeout to load (the steps' calls reuse the instances already warm and start the rest).
  const warmUp = (action: string) =>
    timed(async () => {
      for (let crowdSize = Math.min(25, instances); ; crowdSize = Math.min(crowdSize + 25, instances)) {
        const [stepMs] = await timed(() => Promise.all(Array.from({ length: crowdSize }, () => call(emu, wang, action))));
        console.log(`crowd: ${crowdSize} ${action} at once ${ms(stepMs)}, RSS ${rssOf(emu.pid)}`);
        if (crowdSize === instances) break;
      }
    });
  const [warmMs] = await warmUp('points.balance');
  fig(`crowd: ${instances} instances of points started and warm (${instances} concurrent balance reads)`, ms(warmMs));
  // The mall's crowd (mallCrowd) meets as many instances of the mall, warm as well.
  const [mallWarmMs] = await warmUp('mall.listItems');
  fig(`crowd: ${instances} instances of mall started and warm (${instances} concurrent shelf reads)`, ms(mallWarmMs));
  // Warm for writing too: each instance compiles the write path (transaction, posting, retry record) on its first
  // write, which on the cloud it does on a CPU of its own. Here that is 64 compilations on two shared cores, which
  // made a crowd's first round about twice as slow as its second. Credits to eight people at once, so the crowds stay small.
  const people = [personas.wang, personas.li, ...personas.members.slice(0, 4), personas.merchant, personas.fang];
  const [writeWarmMs] = await timed(() =>
    Promise.all(
      Array.from({ length: instances }, (_, i) =>
        call(
          emu,
          personas.sun,
          'points.award',
          { openid: people[i % people.length], asset: 'volunteer', amount: 1, reason: '志愿服务' },
          `bench-warm-${i}`,
        ),
      ),
    ),
  );
  fig(`crowd: … and warm for writing (${instances} concurrent credits to ${people.length} people)`, ms(writeWarmMs));
  fig('crowd: emulator RSS with them warm', rssOf(emu.pid));
  return ledger(emu, rounds);
}

/**
 * `npm run bench -- crowd` with no count: the same crowd of 200 spends met by 8, 16, 32 and 64 warm instances, each in
 * an emulator of its own. On the cloud each instance has a CPU of its own; here all of them share this machine's
 * cores, so the curve shows where the ledger's conflicts end and the machine's CPU begins: the requests ratio is what a
 * crowd costs the database wherever it runs, the CPU ratio what it costs this machine.
 */
async function crowdCurve(rounds: number) {
  const rows: string[] = [];
  for (const instances of [8, 16, 32, 64]) {
    const emu = await crowdEmulator(instances);
    const ratios = await crowd(emu, instances, rounds).finally(() => emu.stop());
    const x = (values: number[]) => `${median(values).toFixed(2)}×`;
    rows.push(`${String(instances).padStart(3)} instances: wall ${x(ratios.wall)}, emulator CPU ${x(ratios.cpu)}, DB requests ${x(ratios.requests)}`);
  }
  for (const row of rows) fig('crowd: 200 spends all at once / one by one (median)', row);
}

const crowdEmulator = (instances: number) =>
  startEmulator({ env: { LINLI_FUNCTION_INSTANCES: String(instances), LINLI_WARM_FUNCTIONS: String(instances + 20) } });

async function main() {
  // `npm run bench -- overhead [rounds] [seconds]`: only the per-call overhead, user.me against a bare server.
  if (process.argv[2] === 'overhead')
    return (await import('./bench-overhead')).overhead(fig, Number(process.argv[3]) || 3, Number(process.argv[4]) || 5);
  // `npm run bench -- roster`: only the roster import.
  if (process.argv[2] === 'roster') {
    const emu = await startEmulator();
    return rosterImport(emu).finally(() => emu.stop());
  }
  // `npm run bench -- ledger`: only the write path (the rest takes minutes on a loaded machine).
  if (process.argv[2] === 'ledger') {
    const emu = await startEmulator();
    return ledger(emu).finally(() => emu.stop());
  }
  // `npm run bench -- crowd [instances] [rounds]`: the write path with as many instances of a function as the crowd
  // (the cloud runs each concurrent call in an instance of its own), all warm before the clock starts; without a
  // count, the curve over 8 to 64 instances (crowdCurve).
  if (process.argv[2] === 'crowd') {
    const rounds = Number(process.argv[4]) || 2;
    const instances = Number(process.argv[3]);
    if (!instances) return crowdCurve(rounds);
    const emu = await crowdEmulator(instances);
    return crowd(emu, instances, rounds)
      .then(() => undefined)
      .finally(() => emu.stop());
  }
  // `npm run bench -- cold`: only the bundle sizes and cold requires.
  if (process.argv[2] === 'cold') {
    sizes();
    return coldRequire();
  }
  // `npm run bench -- stats`: only the reports' reads at 10 k and 1 M case events.
  if (process.argv[2] === 'stats') return statsReads();
  // `npm run bench -- workers`: cold / warm user.me and the memory of every function warm (a worker each).
  if (process.argv[2] === 'workers') return workers();
  // `npm run bench -- scale [docs]`: only the store at scale (listWall at 100 vs 100 k wishes, start on 1 M documents).
  if (process.argv[2] === 'scale') return (await import('./bench-scale')).scale();
  // `npm run bench -- flat`: only the reads over a big ledger.
  if (process.argv[2] === 'flat') {
    const emu = await startEmulator();
    return flatReads(emu).finally(() => emu.stop());
  }
  // `npm run bench -- growth`: only a balance credited 1,000 times, compacted by the timer.
  if (process.argv[2] === 'growth') {
    const emu = await startEmulator();
    return balanceGrowth(emu).finally(() => emu.stop());
  }
  sizes();
  coldRequire();
  const [startMs, emu] = await timed(() => startEmulator());
  try {
    fig('emulator: start to listening', ms(startMs));
    const [coldMs] = await timed(() => call(emu, wang, 'user.me'));
    fig('cold: first user.me (loads function + SDK)', ms(coldMs));
    await latency(emu, 'user.me', 100, () => call(emu, wang, 'user.me'));
    await latency(emu, 'wish.create', 50, (i) => call(emu, wang, 'wish.create', wish, `bench-create-${i}`));
    const queue = await call(emu, liu, 'wish.listQueue', { limit: 50 });
    await latency(emu, 'wish.approve', 50, (i) => call(emu, liu, 'wish.approve', { wishId: queue.data.items[i].id, points: 10 }));
    await latency(emu, 'wish.listWall (page of 20)', 100, () => call(emu, zhang, 'wish.listWall'));
    await perAction(emu);

    const wall = await call(emu, zhang, 'wish.listWall', { limit: 10 });
    const [raceMs, replies] = await timed(() =>
      Promise.all(
        Array.from({ length: 54 }, (_, i) => call(emu, members[i % 6], 'wish.claim', { wishId: wall.data.items[0].id }, `bench-race-${i}`)),
      ),
    );
    fig('race: 54 concurrent wish.claim (wall time, winners)', `${ms(raceMs)}, ${replies.filter((r) => r.ok).length} winner`);

    await ledger(emu);
    await rosterImport(emu);
    fig('memory: emulator process RSS', rssOf(emu.pid));
    await dbCostPerAction(emu);
    await flatReads(emu);
    await balanceGrowth(emu);
    await statsReads();
  } finally {
    await emu.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
