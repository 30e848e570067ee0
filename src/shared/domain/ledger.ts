import { DomainError } from './errors';
import { levelFor } from './levels';

/**
 * 积分 points: one double-entry, append-only ledger for four kinds of points. Every change is an immutable
 * posting from one account to another; balances are cached sums kept in step in the same transaction.
 */
export const assets = ['volunteer', 'party', 'virtue', 'shop'] as const;
export type Asset = (typeof assets)[number];

/**
 * What staff may credit or debit by hand (加分/减分). Party points move only through 党员积分录入 (members,
 * its items, evidence and caps) and shop points only through a shop inspection, so neither is here.
 */
export const adjustableAssets = ['volunteer', 'virtue'] as const satisfies readonly Asset[];
export type AdjustableAsset = (typeof adjustableAssets)[number];

export const assetLabels: Record<Asset, string> = {
  volunteer: '志愿服务积分',
  party: '党员积分',
  virtue: '美德信用积分',
  shop: '商铺积分',
};

/**
 * Accounts: `issuer:<communityId>` is where a community's points come from (its balance is minus what it
 * issued); `mall:<communityId>` and `fee:<communityId>` are where spent points go (积分超市, property-fee
 * relief); `user:<openid>` a person; `shop:<shopId>` a merchant's shop; `hold:<chargeId>` escrow for a
 * merchant charge awaiting the resident's confirmation (it empties to the shop or back to the person).
 */
export type AccountKind = 'issuer' | 'mall' | 'fee' | 'user' | 'shop' | 'hold';
export type AccountId = `${AccountKind}:${string}`;

export const account = {
  issuer: (communityId: string): AccountId => `issuer:${communityId}`,
  mall: (communityId: string): AccountId => `mall:${communityId}`,
  fee: (communityId: string): AccountId => `fee:${communityId}`,
  user: (openid: string): AccountId => `user:${openid}`,
  shop: (shopId: string): AccountId => `shop:${shopId}`,
  hold: (chargeId: string): AccountId => `hold:${chargeId}`,
};

export function kindOf(id: string): AccountKind {
  const kind = id.slice(0, id.indexOf(':'));
  if (kind === 'issuer' || kind === 'mall' || kind === 'fee' || kind === 'user' || kind === 'shop' || kind === 'hold') return kind;
  throw new DomainError('POINTS_INVALID', `未知的积分账户：${id}`);
}

/** The community's own accounts: they take part in every posting, so their balance is split to spread writes. */
export function isSystemAccount(id: string): boolean {
  const kind = kindOf(id);
  return kind === 'issuer' || kind === 'mall' || kind === 'fee';
}

/** Only an issuer may go below zero: a person or a shop never spends points they do not have. */
export function mayGoNegative(id: string): boolean {
  return kindOf(id) === 'issuer';
}

/** A posting as stored. `_id` is the idempotency key derived from its cause (e.g. `wish:<id>:confirmed`). */
export interface Posting {
  _id: string;
  asset: Asset;
  from: AccountId;
  to: AccountId;
  amount: number;
  reason: string;
  /** What caused it: a wish id, an order id, a receipt number. */
  ref: string | null;
  communityId: string;
  at: Date;
  by: string;
  byName: string;
  /** Set on a reversing posting: the posting it undoes. */
  reversalOf: string | null;
  /** A staff decision to let a reversal take a balance below zero, recorded as such. */
  override: { by: string; reason: string } | null;
  /** When the points credited by this posting lapse (null: never). */
  expiresAt: Date | null;
  /**
   * A payment into a held charge's escrow: the shop it is for, so that the payer's history names the shop without
   * reading the charge (payments made before it was kept have none: their charge is read).
   */
  shopId?: string | null;
  /**
   * A reserved debit's (quickDebit): a random id of the call that reserved it, so that when its insert finds the id
   * taken the call tells its own insert (the answer lost) from a twin's. Their times cannot: two calls of one double
   * tap can stamp the same millisecond.
   */
  attempt?: string;
}

export type PostingInput = Omit<Posting, 'at' | 'reversalOf' | 'override' | 'expiresAt'> &
  Partial<Pick<Posting, 'reversalOf' | 'override' | 'expiresAt'>>;

export function assertValidPosting(p: Pick<Posting, '_id' | 'asset' | 'from' | 'to' | 'amount'>): void {
  if (!assets.includes(p.asset)) throw new DomainError('POINTS_INVALID', `未知的积分种类：${String(p.asset)}`);
  if (!Number.isSafeInteger(p.amount) || p.amount <= 0) throw new DomainError('POINTS_INVALID', '积分数量须为正整数');
  if (p.from === p.to) throw new DomainError('POINTS_INVALID', '转出和转入账户不能相同');
  if (!p._id || p._id.length > 120) throw new DomainError('POINTS_INVALID', '积分记录缺少幂等编号');
  kindOf(p.from);
  kindOf(p.to);
}

/** The id of the posting that reverses `postingId`: one reversal per posting, by construction. */
export function reversalId(postingId: string): string {
  return `reversal:${postingId}`;
}

/** A mistake is fixed by posting the opposite, never by editing. A reversal itself cannot be reversed. */
export function reversalOf(
  original: Posting,
  by: { openid: string; name: string },
  reason: string,
  override: Posting['override'] = null,
): PostingInput {
  if (original.reversalOf) throw new DomainError('POINTS_REVERSAL_OF_REVERSAL');
  return {
    _id: reversalId(original._id),
    asset: original.asset,
    from: original.to,
    to: original.from,
    amount: original.amount,
    reason,
    ref: original._id,
    communityId: original.communityId,
    by: by.openid,
    byName: by.name,
    reversalOf: original._id,
    override,
  };
}

/** Points credited by one posting and not yet spent; spending takes the lots that lapse first. */
export interface Lot {
  postingId: string;
  remaining: number;
  expiresAt: Date | null;
}

function lapsesFirst(a: Lot, b: Lot): number {
  if (a.expiresAt === null || b.expiresAt === null) return a.expiresAt === b.expiresAt ? 0 : a.expiresAt === null ? 1 : -1;
  return new Date(a.expiresAt).getTime() - new Date(b.expiresAt).getTime();
}

export function isLive(lot: Lot, now: Date): boolean {
  return lot.expiresAt === null || new Date(lot.expiresAt).getTime() > now.getTime();
}

/** What can be spent now: the lots that have not lapsed. */
export function spendable(lots: readonly Lot[], now: Date): number {
  return lots.filter((l) => isLive(l, now)).reduce((sum, l) => sum + l.remaining, 0);
}

/** What a holder can spend now: their balance, less the credited points that have lapsed and wait to be expired. */
export function spendableBalance(held: { balance: number; lots: readonly Lot[] } | undefined, now: Date): number {
  return held ? Math.min(held.balance, spendable(held.lots, now)) : 0;
}

/**
 * Takes `amount` from the live lots, the ones that lapse soonest first. Refuses with POINTS_INSUFFICIENT
 * unless `allowShort` (a recorded staff override), in which case the balance may go below zero.
 */
export function spendLots(lots: readonly Lot[], amount: number, now: Date, allowShort = false): Lot[] {
  if (!allowShort && spendable(lots, now) < amount) throw new DomainError('POINTS_INSUFFICIENT');
  let left = amount;
  const ordered = [...lots].sort(lapsesFirst);
  const kept: Lot[] = [];
  for (const lot of ordered) {
    const take = isLive(lot, now) ? Math.min(left, lot.remaining) : 0;
    left -= take;
    if (lot.remaining - take > 0) kept.push({ ...lot, remaining: lot.remaining - take });
  }
  return kept;
}

/** A lapse date later than any lot's: what `lapsesAt` says of lots none of which lapse. */
export const NEVER_LAPSES = new Date('9999-12-31T00:00:00.000Z');

/** When the soonest of `lots` still holding points lapses (NEVER_LAPSES when none does). */
export function lapsesAt(lots: readonly Lot[]): Date {
  const dates = lots.filter((l) => l.remaining > 0 && l.expiresAt !== null).map((l) => new Date(l.expiresAt as Date).getTime());
  return dates.length > 0 ? new Date(Math.min(...dates)) : NEVER_LAPSES;
}

/**
 * The lots once `owed` points are taken from them: points a reserved debit took from the balance before any lot
 * had lapsed (see quickDebit in the ledger), taken now the way spendLots would have taken them then — the soonest
 * to lapse first, lapsed since or not.
 */
export function settleLots(lots: readonly Lot[], owed: number): Lot[] {
  if (owed <= 0) return [...lots];
  let left = owed;
  const kept: Lot[] = [];
  for (const lot of [...lots].sort(lapsesFirst)) {
    const take = Math.min(left, lot.remaining);
    left -= take;
    if (lot.remaining - take > 0) kept.push({ ...lot, remaining: lot.remaining - take });
  }
  return kept;
}

/**
 * The lots with those that never lapse made one, in the place of the first of them and under its posting: they are
 * spent alike and never expired one by one (expiry takes a lapsing lot by its posting), so one credit's lot differs
 * from another's only in the document's size. Lots that lapse stay each their own.
 */
export function mergeLasting(lots: readonly Lot[]): Lot[] {
  const lasting = lots.filter((l) => l.expiresAt === null);
  if (lasting.length < 2) return [...lots];
  const merged: Lot = { ...lasting[0], remaining: lasting.reduce((sum, l) => sum + l.remaining, 0) };
  return lots.flatMap((l) => (l === lasting[0] ? [merged] : l.expiresAt === null ? [] : [l]));
}

/**
 * The field of a balance's `pending` that a posting's reserved debit is marked under: its id with the characters a
 * field name cannot hold (`.`, a leading `$`) escaped, as in a URL.
 */
export function pendingField(postingId: string): string {
  return postingId.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** 美德信用等级: what merchants see. Levels come from lifetime virtue credit, so spending never lowers them. */
export const virtueLevels = [
  { stars: 1, name: '一星', min: 0 },
  { stars: 2, name: '二星', min: 50 },
  { stars: 3, name: '三星', min: 150 },
  { stars: 4, name: '四星', min: 300 },
  { stars: 5, name: '五星', min: 600 },
] as const;

export function virtueLevel(lifetime: number): (typeof virtueLevels)[number] {
  return levelFor(virtueLevels, lifetime);
}

/**
 * Reconciliation: the ledger's sum per account and kind (credits − debits), keyed `<account>|<asset>`, is
 * what the cached balances of that account must add up to.
 */
export const totalKey = (accountId: string, asset: Asset): string => `${accountId}|${asset}`;

export function keyParts(key: string): { account: string; asset: Asset } {
  const cut = key.lastIndexOf('|');
  return { account: key.slice(0, cut), asset: key.slice(cut + 1) as Asset };
}

/** Adds the postings to running totals, in place. */
export function addPostings(
  totals: Map<string, number>,
  postings: readonly Pick<Posting, 'from' | 'to' | 'asset' | 'amount'>[],
): Map<string, number> {
  for (const p of postings) {
    totals.set(totalKey(p.to, p.asset), (totals.get(totalKey(p.to, p.asset)) ?? 0) + p.amount);
    totals.set(totalKey(p.from, p.asset), (totals.get(totalKey(p.from, p.asset)) ?? 0) - p.amount);
  }
  return totals;
}

export interface Difference {
  account: string;
  asset: Asset;
  /** What the postings add up to. */
  postings: number;
  /** What the cached balances hold. */
  balance: number;
}

/**
 * The accounts among `keys` whose cached balance is not what their postings add up to. A system account (issuer,
 * mall, fee) keeps no cached balance — its balance is by definition what its postings add up to — so there is
 * nothing of it to hold against them; every posting's other side is a person, shop or escrow, which is held.
 */
export function differencesOf(ledger: ReadonlyMap<string, number>, cached: ReadonlyMap<string, number>, keys: Iterable<string>): Difference[] {
  const out: Difference[] = [];
  for (const key of new Set(keys)) {
    if (isSystemAccount(keyParts(key).account)) continue;
    const [postings, balance] = [ledger.get(key) ?? 0, cached.get(key) ?? 0];
    if (postings !== balance) out.push({ ...keyParts(key), postings, balance });
  }
  return out;
}
