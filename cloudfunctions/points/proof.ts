// What reconciliation reads and keeps: the checkpoint of proven per-account totals, the postings after a
// point in time, and the cached balances to hold them against. Each read is an indexed, paged query.
import { addPostings, differencesOf, keyParts, totalKey, type AccountId, type Difference, type Posting } from '../../src/shared/domain/ledger';
import { chargePostingIds } from '../../src/shared/domain/merchant-charge';
import type { BalanceDoc } from '../_lib/ledger';
import { _, collections } from '../_lib/platform/runtime';
import type { AccountTotal, Checkpoint } from '../_lib/platform/documents';
import { table } from '../_lib/platform/typed-db';

export type { AccountTotal, Checkpoint };

export const PAGE = 1000;

/**
 * A posting's `at` is taken when its transaction starts, so a posting stamped just before now may still be
 * committing: a proof counts only postings older than this as settled, and the newer ones as late.
 */
export const SETTLE_MS = 5 * 60 * 1000;

export const emptyCheckpoint = (communityId: string): Checkpoint => ({
  _id: communityId,
  communityId,
  through: new Date(0),
  totals: [],
  postings: 0,
  provedAt: new Date(0),
});

export const totalsMap = (totals: readonly AccountTotal[]) => new Map(totals.map((t) => [totalKey(t.account, t.asset), t.total]));
export const totalsList = (totals: ReadonlyMap<string, number>): AccountTotal[] => [...totals].map(([key, total]) => ({ ...keyParts(key), total }));

export async function readCheckpoint(communityId: string): Promise<Checkpoint | null> {
  const doc = await table(collections.ledgerCheckpoints).get(communityId);
  return doc ? { ...doc, through: new Date(doc.through) } : null;
}

/** Any checkpoint is a proven state, so a later one simply replaces it. */
export async function saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
  const { _id, ...fields } = checkpoint;
  await table(collections.ledgerCheckpoints).set(_id, fields);
}

/**
 * The community's postings stamped at or after `from`, oldest first (index community_at). Paged by `at`:
 * the next page starts at the last page's last instant, skipping the postings of that instant already seen.
 */
export async function postingsSince(communityId: string, from: Date): Promise<Posting[]> {
  const out: Posting[] = [];
  const seen = new Set<string>();
  for (let cursor = from; ;) {
    const page = await table(collections.postings)
      .where({ communityId, at: _.gte(cursor) })
      .orderBy('at', 'asc')
      .limit(PAGE)
      .get();
    const fresh = page.filter((p) => !seen.has(p._id));
    out.push(...fresh);
    if (page.length < PAGE) return out;
    // A page of postings all stamped at one instant already seen would never move on.
    if (fresh.length === 0) throw new Error(`more than ${PAGE} postings at ${cursor.toISOString()}`);
    const last = new Date(page[page.length - 1].at);
    if (last.getTime() !== cursor.getTime()) seen.clear();
    for (const p of page) if (new Date(p.at).getTime() === last.getTime()) seen.add(p._id);
    cursor = last;
  }
}

/**
 * One account's postings stamped at or after `from` (index accounts_at): what its balance holds beyond a
 * cut. One page: the minutes after a cut never hold a thousand postings of one account.
 */
export async function accountPostingsSince(accountId: string, from: Date): Promise<Posting[]> {
  return (
    table(collections.postings)
      // A difference names its account by the string it was keyed by.
      .where({ accounts: accountId as AccountId, at: _.gte(from) })
      .orderBy('at', 'desc')
      .limit(PAGE)
      .get()
  );
}

/** A system account has SYSTEM_SHARDS balance documents per kind of points, so 30 accounts fill a page at most. */
const ACCOUNTS_PER_QUERY = 30;

/** The cached balances of these accounts, shards summed, by `<account>|<asset>` (index account). */
export async function balancesOfAccounts(accounts: Iterable<string>): Promise<Map<string, number>> {
  const list = [...new Set(accounts)];
  const sums = new Map<string, number>();
  for (let i = 0; i < list.length; i += ACCOUNTS_PER_QUERY) {
    const chunk = list.slice(i, i + ACCOUNTS_PER_QUERY);
    await addBalances(
      sums,
      await table(collections.balances)
        .where({ account: _.in(chunk) })
        .limit(PAGE)
        .get(),
    );
  }
  return sums;
}

/** Every cached balance of the community, paged by `_id` (index community_id). */
export async function allBalances(communityId: string): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (let after = ''; ;) {
    const page = await table(collections.balances)
      .where({ communityId, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    await addBalances(sums, page);
    if (page.length < PAGE) return sums;
    after = page[page.length - 1]._id;
  }
}

/**
 * Adds the balances to the sums, each with the debits reserved on it whose posting is not in (ledger quickDebit): their
 * points have left the balance ahead of the posting, which the ledger does not hold yet (or never will: the sweep
 * gives them back). And a shop's with the charges paid to it that it is not credited with yet (quick-charge.ts: the
 * credit goes with the desk's mark, after the payment). One more read, by id, when any balance has such a mark.
 */
async function addBalances(sums: Map<string, number>, docs: readonly BalanceDoc[]): Promise<void> {
  const add = (b: BalanceDoc, amount: number) => sums.set(totalKey(b.account, b.asset), (sums.get(totalKey(b.account, b.asset)) ?? 0) + amount);
  for (const b of docs) add(b, b.balance);
  const marked = docs.flatMap((b) => Object.values(b.pending ?? {}).map((debit) => ({ b, debit })));
  const credits = docs.flatMap((b) =>
    Object.values(b.deskPending ?? {}).map((held) => ({ b, postingId: chargePostingIds(held.charge._id).pay, amount: held.charge.points })),
  );
  if (marked.length === 0 && credits.length === 0) return;
  const posted = await table(collections.postings).byIds([...marked.map((m) => m.debit.postingId), ...credits.map((c) => c.postingId)]);
  for (const { b, debit } of marked) if (!posted.has(debit.postingId)) add(b, debit.amount);
  for (const { b, postingId, amount } of credits) if (posted.has(postingId)) add(b, amount);
}

/** The accounts a list of postings touched. */
export const accountsOf = (postings: readonly Posting[]): Set<AccountId> => new Set(postings.flatMap((p) => [p.from, p.to]));

/** The cached balances less what the late postings added to them: the balances as of the cut. */
function lessLate(cached: ReadonlyMap<string, number>, late: readonly Posting[]): Map<string, number> {
  const out = new Map(cached);
  for (const [key, moved] of addPostings(new Map(), late)) out.set(key, (out.get(key) ?? 0) - moved);
  return out;
}

const RECHECKS = 2;

/**
 * Holds the ledger's totals as of `cut` against the cached balances read now less the postings since `cut`.
 * The two reads are not one snapshot: a posting committing between them shows as a difference that is not
 * one, so each account that differs is read again (its balances, then its own postings since the cut)
 * before it is reported.
 */
export async function compareAt(
  ledger: ReadonlyMap<string, number>,
  cached: ReadonlyMap<string, number>,
  late: readonly Posting[],
  keys: ReadonlySet<string>,
  cut: Date,
): Promise<Difference[]> {
  let differences = differencesOf(ledger, lessLate(cached, late), keys);
  for (let round = 0; round < RECHECKS && differences.length > 0; round++) {
    const accounts = new Set(differences.map((d) => d.account));
    const again = await balancesOfAccounts(accounts);
    const lateAgain = new Map((await Promise.all([...accounts].map((a) => accountPostingsSince(a, cut)))).flat().map((p) => [p._id, p]));
    const mine = [...keys, ...again.keys()].filter((key) => accounts.has(keyParts(key).account));
    differences = differencesOf(ledger, lessLate(again, [...lateAgain.values()]), mine);
  }
  return differences;
}
