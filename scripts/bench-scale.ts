// `npm run bench -- scale`: the emulator's store as data grows (issue 17, "scale like a database").
// - wish.listWall at 100 wishes and at 100 k wishes of the caller's community, in the same run, and the ratio
//   (target ≤ 1.5×): through the (communityId, status, createdAt↓, _id↓) index a page reads 20 documents
//   whatever the collection holds;
// - start (spawn to listening) and RSS of an emulator process on a data dir of 1 M documents (targets ≤ 3 s,
//   ≤ 300 MiB): nothing is loaded at start.
// Documents are written straight into the stopped emulator's SQLite file with the Store, in batches (the
// indexes the emulator declared at its first start are kept up to date by the Store), as copies of a wish made
// through the real actions plus postings, notifications, retry records and users shaped like the real ones.
// `npm run bench -- scale <docs>` sets the total (default 1,000,000) for a quicker look.
import { join } from 'node:path';
import { Store, type Write } from '../emulator/src/db/store';
import { databaseOf } from '../test/functions/ledger-fixture';
import { caller } from '../test/functions/call';
import { startEmulator, type TestEmulator } from '../test/helpers/emulator';
import { memoryMiB } from './bench-proc';

const wang = 'demo-resident-wang';
const liu = 'demo-grid-liu';
const zhang = 'demo-member-zhang';
const BATCH = 10_000;
const MINUTE = 60_000;

const fig = (name: string, value: string) => console.log(`${name.padEnd(58)} ${value}`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

type Doc = Record<string, unknown>;

/** Writes `count` documents made by `make(i)` into the stopped emulator's store, BATCH per SQLite transaction. */
function write(store: Store, coll: string, count: number, make: (i: number) => Doc): void {
  for (let from = 0; from < count; from += BATCH) {
    const writes = Array.from({ length: Math.min(BATCH, count - from) }, (_, k): Write => {
      const doc = make(from + k);
      return { coll, id: doc._id, doc };
    });
    store.apply(writes);
  }
}

async function timedMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Median wall time of wish.listWall (a page of 20) for zhang, after a warm-up. */
async function listWall(emu: TestEmulator, runs = 60): Promise<{ ms: number; items: number }> {
  const call = caller(() => emu);
  let items = 0;
  for (let i = 0; i < 3; i++) items = (await call(zhang, 'wish.listWall')).data.items.length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timedMs(() => call(zhang, 'wish.listWall')));
  return { ms: median(samples), items };
}

/** Stops the emulator, writes into its store, starts it again; answers the time to listening. */
async function offline(emu: TestEmulator, change: (store: Store) => void): Promise<number> {
  await emu.kill('SIGTERM');
  const store = new Store(join(emu.dataDir, 'db.sqlite'));
  try {
    change(store);
  } finally {
    store.close();
  }
  return timedMs(() => emu.restart());
}

export async function scale(): Promise<void> {
  const total = Number(process.argv[3]) || 1_000_000;
  const emu = await startEmulator({ startLimitS: 120 });
  try {
    const call = caller(() => emu);
    const created = await call(
      wang,
      'wish.create',
      { title: '帮忙换灯泡', description: '厨房灯泡坏了，够不着，想请人帮忙换一下', categoryId: 'repair' },
      'bench-scale-create',
    );
    const wishId: string = created.data.wish.id;
    const approved = await call(liu, 'wish.approve', { wishId, points: 10 });
    if (!approved.ok) throw new Error(`wish.approve: ${approved.code} ${approved.message}`);
    const template = (await databaseOf(emu).collection('wishes').doc(wishId).get()).data as Doc;
    const now = new Date(template.createdAt as Date).getTime();
    const wishCopy = (i: number): Doc => {
      const at = new Date(now - (i + 1) * MINUTE);
      return { ...template, _id: `bench-wish-${String(i).padStart(7, '0')}`, createdAt: at, updatedAt: at, approvedAt: at };
    };

    // 100 wishes on the wall (the template and 99 copies), then 100 k.
    await offline(emu, (store) => write(store, 'wishes', 99, wishCopy));
    const small = await listWall(emu);
    const wishes = Math.min(100_000, total);
    await offline(emu, (store) => write(store, 'wishes', wishes - 100, (i) => wishCopy(i + 99)));
    const big = await listWall(emu);
    fig(`scale: wish.listWall at 100 wishes (median of 60)`, `${ms(small.ms)} (${small.items} items)`);
    fig(`scale: wish.listWall at ${wishes.toLocaleString('en')} wishes (median of 60)`, `${ms(big.ms)} (${big.items} items)`);
    fig('scale: listWall ratio (target ≤ 1.5×)', `${(big.ms / small.ms).toFixed(2)}×`);

    // The rest of the store, to `total` documents: a realistic mix of the big collections.
    const rest = Math.max(0, total - wishes);
    const [postings, notifications, requests, users] = [0.45, 0.25, 0.15, 0.15].map((share) => Math.floor(rest * share));
    const community = template.communityId;
    const t0 = performance.now();
    await emu.kill('SIGTERM');
    const store = new Store(join(emu.dataDir, 'db.sqlite'));
    try {
      write(store, 'postings', postings, (i) => ({
        _id: `bench-posting-${i}`,
        communityId: community,
        accounts: [`acct-user-${i % 5000}`, `acct-community-${i % 7}`],
        asset: 'points',
        amount: (i % 20) + 1,
        at: new Date(now - i * MINUTE),
        memo: '心愿完成奖励',
        ref: { kind: 'wish', id: `bench-wish-${i % wishes}` },
      }));
      write(store, 'notifications', notifications, (i) => ({
        _id: `bench-note-${i}`,
        openid: `bench-user-${i % users || 0}`,
        kind: 'wish.claimed',
        title: '您的心愿有人认领了',
        body: '邻居已认领您的心愿，请留意联系。',
        read: i % 3 === 0,
        createdAt: new Date(now - i * MINUTE),
      }));
      write(store, 'requests', requests, (i) => ({
        _id: `bench-request-${i}`,
        openid: `bench-user-${i % 5000}`,
        action: 'wish.claim',
        reply: { ok: true, data: { wish: { id: `bench-wish-${i % wishes}`, status: 'claimed' } } },
        at: new Date(now - i * MINUTE),
      }));
      write(store, 'users', users, (i) => ({
        _id: `bench-user-${i}`,
        name: `居民${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        roles: ['resident'],
        communityId: community,
        streetId: template.streetId,
        gridId: template.gridId,
        buildingId: `b-${i % 200}`,
        room: `${(i % 30) + 1}0${(i % 4) + 1}`,
        createdAt: new Date(now - i * MINUTE),
      }));
    } finally {
      store.close();
    }
    const writeS = (performance.now() - t0) / 1000;
    fig(
      `scale: writing ${rest.toLocaleString('en')} more documents into the store`,
      `${writeS.toFixed(1)} s (${Math.round(rest / writeS).toLocaleString('en')}/s)`,
    );
    const startMs = await timedMs(() => emu.restart());
    fig(`scale: emulator start on ${total.toLocaleString('en')} documents (target ≤ 3 s)`, ms(startMs));
    fig('scale: emulator RSS after start (target ≤ 300 MiB)', `${memoryMiB(emu.pid).rss.toFixed(0)} MiB`);
    const after = await listWall(emu, 10);
    fig(`scale: wish.listWall on ${total.toLocaleString('en')} documents (median of 10)`, ms(after.ms));
    fig('scale: emulator RSS after those calls', `${memoryMiB(emu.pid).rss.toFixed(0)} MiB`);
  } finally {
    await emu.stop();
  }
}
