// A ledger of any size, written straight into the emulator through the SDK (the path the functions use) in
// batches: the postings, the balances and the party tallies they add up to, and the reconciliation
// checkpoint that proves them. Consistent by construction, so a reconcile of it finds no difference —
// and seeding 100 k postings takes seconds instead of 100 k calls. No jest here: the bench uses it too.
import * as cloud from 'wx-server-sdk';
import type { TestEmulator } from '../helpers/emulator';

const COMMUNITY = 'community-wutong';
const BATCH = 500;

/** The emulator's database as a function sees it, from this process. */
export function databaseOf(emu: TestEmulator): any {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${emu.url}/__tcb` }),
    TENCENTCLOUD_SECRETID: 'local-fixture',
    TENCENTCLOUD_SECRETKEY: 'local-fixture',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  // The emulator's own environment: any other id is refused, as on the cloud.
  cloud.init({ env: 'linli-local' });
  return cloud.database({ throwOnNotFound: false } as any);
}

export interface SeededLedger {
  /** The China-time month all seeded postings fall in. */
  month: string;
  members: string[];
  /** Each member's party points in `month`. */
  points: Map<string, number>;
  /** Just after the last seeded posting: the checkpoint's `through`. */
  through: Date;
}

/** Midnight in China, `days` before `now`, plus an hour: seeded postings stay within one China-time day. */
function startOf(now: Date, days: number): Date {
  const cst = new Date(now.getTime() + 8 * 3600_000 - days * 86_400_000);
  return new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate()) - 8 * 3600_000 + 3600_000);
}

const monthOf = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/**
 * `count` postings two days before the emulator's now, 10 ms apart: party points to and from `members`
 * fixed members (a deduction every fourth), and every tenth a volunteer credit.
 */
export async function seedLedger(emu: TestEmulator, count: number, memberCount = 39): Promise<SeededLedger> {
  const db = databaseOf(emu);
  const now = new Date((await emu.clock()).now);
  const start = startOf(now, 2);
  const month = monthOf(start);
  const members = Array.from({ length: memberCount }, (_, k) => `fixture-member-${String(k).padStart(3, '0')}`);
  const sums = new Map<string, number>();
  const tallies = new Map<string, { credited: number; debited: number }>();
  const move = (account: string, asset: string, amount: number) => sums.set(`${account}|${asset}`, (sums.get(`${account}|${asset}`) ?? 0) + amount);
  const issuer = `issuer:${COMMUNITY}`;
  const postings = Array.from({ length: count }, (_, i) => {
    const member = members[i % memberCount];
    const user = `user:${member}`;
    const asset = i % 10 === 9 ? 'volunteer' : 'party';
    const debit = asset === 'party' && i % 4 === 3;
    const amount = debit ? 1 : 1 + (i % 5);
    const [from, to] = debit ? [user, issuer] : [issuer, user];
    move(from, asset, -amount);
    move(to, asset, amount);
    if (asset === 'party') {
      const t = tallies.get(member) ?? { credited: 0, debited: 0 };
      tallies.set(member, debit ? { ...t, debited: t.debited + amount } : { ...t, credited: t.credited + amount });
    }
    const at = new Date(start.getTime() + i * 10);
    const _id = `fixture:${String(i).padStart(7, '0')}`;
    return {
      _id,
      asset,
      from,
      to,
      accounts: [from, to],
      amount,
      reason: '测试数据',
      ref: null,
      communityId: COMMUNITY,
      at,
      by: 'fixture',
      byName: '测试',
    };
  });
  const through = new Date(start.getTime() + count * 10);
  const balances = [...sums].map(([key, balance]) => {
    const [account, asset] = key.split('|');
    return {
      _id: `${key}|0`,
      account,
      asset,
      shard: 0,
      balance,
      lifetimeIn: Math.max(0, balance),
      lots: [],
      communityId: COMMUNITY,
      updatedAt: through,
    };
  });
  const tallyDocs = [...tallies].map(([openid, t]) => ({
    _id: `tally:${COMMUNITY}:${month}:${openid}`,
    communityId: COMMUNITY,
    month,
    openid,
    total: t.credited - t.debited,
    credited: t.credited,
    debited: t.debited,
    updatedAt: through,
  }));
  // The community's own accounts keep no cached balance (ledger.ts postIn): their postings are their balance.
  for (const [collection, docs] of [
    ['postings', postings],
    ['balances', balances.filter((b) => b.account !== issuer)],
    ['party_tallies', tallyDocs],
  ] as const) {
    for (let i = 0; i < docs.length; i += BATCH) await db.collection(collection).add({ data: docs.slice(i, i + BATCH) });
  }
  const totals = [...sums].map(([key, total]) => ({ account: key.split('|')[0], asset: key.split('|')[1], total }));
  await db
    .collection('ledger_checkpoints')
    .doc(COMMUNITY)
    .set({ data: { communityId: COMMUNITY, through, totals, postings: count, provedAt: through } });
  return { month, members, points: new Map(tallyDocs.map((t) => [t.openid, t.total])), through };
}
