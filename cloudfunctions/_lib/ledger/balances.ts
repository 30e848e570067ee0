// The cached balance of a person, shop or escrow: its document, how a posting moves it (lots, reserved debits) and
// the reads of it. The ledger's writes are in index.ts (in a transaction) and reserved-debit.ts (without one).
import { DomainError } from '../../../src/shared/domain/errors';
import type { ShopDesk } from '../../../src/shared/domain/merchant';
import type { Charge } from '../../../src/shared/domain/merchant-charge';
import type { UsedCode } from '../../../src/shared/domain/points-code';
import {
  isSystemAccount,
  lapsesAt,
  mergeLasting,
  NEVER_LAPSES,
  pendingField,
  settleLots,
  spendable,
  spendLots,
  type AccountId,
  type Asset,
  type Lot,
  type Posting,
} from '../../../src/shared/domain/ledger';
import { addDays, dayCst } from '../../../src/shared/domain/time';
import { collections } from '../platform/runtime';
import { table } from '../platform/typed-db';

/**
 * The cached balance of one person, shop or escrow in one kind of points. (`shard` is 0: system accounts, once
 * split over shards, keep no cached balance — see postIn.)
 */
export interface BalanceDoc {
  _id: string;
  account: AccountId;
  asset: Asset;
  shard: number;
  balance: number;
  /** Credited in total, not counting reversals: what virtue levels are measured by. */
  lifetimeIn: number;
  lots: Lot[];
  communityId: string;
  updatedAt: Date;
  /**
   * A resident's spending at merchants on one China-time day (their daily cap), as a transaction wrote it before
   * `merchantDays`: a document that still keeps today's here is charged in a transaction, which moves it there.
   */
  merchantDay?: MerchantDay | null;
  /**
   * A resident's spending at merchants by China-time day, moved with the payments: incremented by a charge without a
   * transaction (quick-charge.ts: the day's key is created by the first), and kept to today's alone by every write of
   * the whole document.
   */
  merchantDays?: Record<string, { total: number; count: number }> | null;
  /** The points codes merchants charged that could still be scanned (single use: points-code.ts). */
  usedCodes?: UsedCode[] | null;
  /** A shop's virtue balance: what its charges decide by (charges.ts deskIn). */
  desk?: ShopDesk | null;
  /**
   * Charges counted on the desk whose payment may not be in yet, or whose credit is not (quick-charge.ts), by
   * pendingField of the charge id: the shop's balance is credited when the mark goes, or the day given back.
   */
  deskPending?: Record<string, HeldCharge> | null;
  /** How many `deskPending` there are: what the merchant sweep finds desks by (index desk_pending_count). */
  deskPendingCount?: number;
  /**
   * Points that left `balance` by a reserved debit (quickDebit) and are not yet taken from `lots`: the next write of
   * the whole document takes them (settleLots), except those still `pending`. Absent on a document no write of the
   * whole document has made since reserved debits came: such a balance is not reserved on until one has.
   */
  unsettled?: number;
  /** Debits reserved on this balance whose posting may not be in yet (quickDebit), by pendingField. */
  pending?: Record<string, PendingDebit> | null;
  /** How many `pending` there are: what the sweep finds balances by (index pending_count). */
  pendingCount?: number;
  /** When the soonest of `lots` lapses: a debit is reserved only before then (after it, lapsed points wait to be expired). */
  lapsesAt?: Date;
  /**
   * How many entries writes have added to `lots` and `merchantDays` since the document was last compacted (a credit's
   * lot, a charge's day): what the compaction finds documents by (points/compact.ts, index growth). Absent: none yet.
   */
  growth?: number;
}

/** A debit taken from a balance ahead of its posting (quickDebit): the posting is made next, or the points go back. */
export interface PendingDebit {
  postingId: string;
  amount: number;
  at: Date;
  /** A merchant charge's: the day of `merchantDays` it counted on, given back with the points. */
  merchantDay?: string;
  /** A merchant charge's: the code it took (`usedCodes`), given back with the points so it can be scanned again. */
  codeId?: string;
  /**
   * A hold's (a charge above the per-charge cap, kept on the balance: held-charge.ts): its points wait here for the
   * resident's answer until then. Its charge decides it, through the merchant's sweep; the ledger's sweep leaves it.
   */
  holdUntil?: Date;
}

/**
 * A charge counted on its shop's desk ahead of the shop's credit (charge-marks.ts): a direct charge until it is paid
 * and credited, a hold on the resident's balance until it is decided.
 */
export interface HeldCharge {
  charge: Charge;
  at: Date;
}

/** What one resident spent at merchants on `day`. */
export interface MerchantDay {
  day: string;
  total: number;
  count: number;
}

export function balanceId(account: string, asset: Asset, shard = 0): string {
  return `${account}|${asset}|${shard}`;
}

/** Whether debiting `p` from `doc` would be refused for want of points. */
export function overdraws(doc: BalanceDoc | null, p: Posting, fromLot?: string): boolean {
  try {
    moveOut(doc ?? emptyBalance(p, 'from', 0), p, fromLot);
    return false;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'POINTS_INSUFFICIENT') return true;
    throw error;
  }
}

export function emptyBalance(p: Posting, side: 'from' | 'to', shard: number): BalanceDoc {
  const account = p[side];
  return {
    _id: balanceId(account, p.asset, shard),
    account,
    asset: p.asset,
    shard,
    balance: 0,
    lifetimeIn: 0,
    lots: [],
    communityId: p.communityId,
    updatedAt: p.at,
    unsettled: 0,
    pending: {},
    pendingCount: 0,
    lapsesAt: NEVER_LAPSES,
  };
}

export function withoutId(doc: BalanceDoc): Omit<BalanceDoc, '_id'> {
  const { _id: _ignored, ...data } = doc;
  return data;
}

/** `p` debited from the balance (from the lot `fromLot` only, for expiry). */
export function moveOut(doc: BalanceDoc, p: Posting, fromLot?: string): BalanceDoc {
  const { settled, own, reserved } = settle(doc, p._id);
  // Reserved already (quickDebit, then this transaction was the call's retry): its points left the balance then.
  if (own) return { ...settled, updatedAt: p.at };
  const lots = debitLots(settled.lots, p, reserved, fromLot);
  const lifetimeIn = p.reversalOf ? doc.lifetimeIn - p.amount : doc.lifetimeIn;
  return { ...settled, balance: doc.balance - p.amount, lifetimeIn, lots, lapsesAt: lapsesAt(lots), updatedAt: p.at };
}

/** `p` credited to the balance, as a lot of its own. */
export function moveIn(doc: BalanceDoc, p: Posting): BalanceDoc {
  const { settled } = settle(doc, p._id);
  const lots = [...settled.lots, { postingId: p._id, remaining: p.amount, expiresAt: p.expiresAt }];
  const lifetimeIn = p.reversalOf ? doc.lifetimeIn : doc.lifetimeIn + p.amount;
  const growth = (doc.growth ?? 0) + 1;
  return { ...settled, balance: doc.balance + p.amount, lifetimeIn, lots, lapsesAt: lapsesAt(lots), updatedAt: p.at, growth };
}

/**
 * The balance as the compaction leaves it (points/compact.ts): the points reserved debits took are taken from the
 * lots as any write of the whole document takes them (settle), the lots that never lapse are made one
 * (mergeLasting), the spending of days before yesterday is dropped (a day's total is needed for its cap, and
 * yesterday's by a charge cut short across midnight, which the sweeps give back within minutes), and `growth` is 0.
 * The balance, its lifetime total and its marks are as they were.
 */
export function compacted(doc: BalanceDoc, now: Date): BalanceDoc {
  const { settled } = settle(doc, '');
  const since = dayCst(addDays(now, -1));
  const days = doc.merchantDays && Object.fromEntries(Object.entries(doc.merchantDays).filter(([day]) => day >= since));
  return { ...settled, lots: mergeLasting(settled.lots), ...(days ? { merchantDays: days } : {}), growth: 0 };
}

/**
 * The balance as a write of the whole document leaves it: the reserved debits' points taken from the lots, but for
 * those still pending (their posting may yet fail, and then the points go back), and the pending debit of the posting
 * `postingId` — its own, when the call that reserved it is being retried — done with.
 */
function settle(doc: BalanceDoc, postingId: string): { settled: BalanceDoc; own: PendingDebit | null; reserved: number } {
  const field = pendingField(postingId);
  const own = doc.pending?.[field] ?? null;
  const others = Object.fromEntries(Object.entries(doc.pending ?? {}).filter(([key]) => key !== field));
  const reserved = Object.values(others).reduce((sum, d) => sum + d.amount, 0);
  const lots = settleLots(doc.lots, (doc.unsettled ?? 0) - reserved);
  const settled = { ...doc, lots, unsettled: reserved, pending: others, pendingCount: Object.keys(others).length, lapsesAt: lapsesAt(lots) };
  return { settled, own, reserved };
}

/** The lots once `p` is debited from them; `reserved` points of them are promised to pending debits already. */
function debitLots(lots: Lot[], p: Posting, reserved: number, fromLot?: string): Lot[] {
  if (fromLot) {
    const lot = lots.find((l) => l.postingId === fromLot);
    if (!lot || lot.remaining < p.amount) throw new DomainError('POINTS_INSUFFICIENT');
    return lots.flatMap((l) => (l === lot ? (l.remaining > p.amount ? [{ ...l, remaining: l.remaining - p.amount }] : []) : [l]));
  }
  if (p.override === null && spendable(lots, p.at) - reserved < p.amount) throw new DomainError('POINTS_INSUFFICIENT');
  return spendLots(lots, p.amount, p.at, true);
}

/** A replay's answer: the balances of the posting's holders as they stand now. */
export async function balancesAfter(p: Posting): Promise<Map<AccountId, number>> {
  const holders = [p.from, p.to].filter((a) => !isSystemAccount(a));
  const docs = await Promise.all(holders.map((a) => table(collections.balances).get(balanceId(a, p.asset))));
  return new Map(holders.map((a, i) => [a, docs[i]?.balance ?? 0]));
}

type Standing = {
  balance: number;
  lifetimeIn: number;
  lots: Lot[];
  merchantDay: MerchantDay | null;
  merchantDays: BalanceDoc['merchantDays'];
  usedCodes: UsedCode[];
};

/** An account's balances across all kinds of points, shards summed (and a person's day at merchants). */
export async function balancesOf(accountId: AccountId): Promise<Map<Asset, Standing>> {
  const docs = await table(collections.balances).where({ account: accountId }).limit(1000).get();
  const out = new Map<Asset, Standing>();
  for (const doc of docs) {
    const sum = out.get(doc.asset) ?? { balance: 0, lifetimeIn: 0, lots: [], merchantDay: null, merchantDays: null, usedCodes: [] };
    out.set(doc.asset, {
      balance: sum.balance + doc.balance,
      lifetimeIn: sum.lifetimeIn + doc.lifetimeIn,
      lots: [...sum.lots, ...settleLots(doc.lots, doc.unsettled ?? 0)],
      merchantDay: sum.merchantDay ?? doc.merchantDay ?? null,
      merchantDays: sum.merchantDays ?? doc.merchantDays ?? null,
      usedCodes: [...sum.usedCodes, ...(doc.usedCodes ?? [])],
    });
  }
  return out;
}

/** A posting by its id (a replay's answer, with the balances it left: balancesAfter). */
export async function findPosting(id: string): Promise<Posting | null> {
  return table(collections.postings).get(id);
}
