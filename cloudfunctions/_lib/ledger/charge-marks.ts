import { DomainError } from '../../../src/shared/domain/errors';
import { account, NEVER_LAPSES, pendingField, type Lot, type Posting } from '../../../src/shared/domain/ledger';
import { assertUnused } from '../../../src/shared/domain/points-code';
import { chargeMode, type MerchantRules } from '../../../src/shared/domain/merchant';
import { chargePostingIds, paymentOf, type Charge } from '../../../src/shared/domain/merchant-charge';
import { _, collections } from '../platform/runtime';
import { fieldsOf } from '../platform/transact';
import { table, type Query } from '../platform/typed-db';
import { balanceId, type BalanceDoc, type HeldCharge } from '.';
import type { ReserveAlso } from './reserved-debit';
import { charges, residentDay } from './charges';
import { overdraws } from './balances';
import { deskId } from './shop-desk';

/**
 * What a merchant charge without a transaction takes and marks, whether it is paid at once (quick-charge.ts) or held
 * for the resident (held-charge.ts): the charge's reservation on the resident's balance, its count and mark on the
 * shop's desk, and how those go on (credited) or back.
 */

/** A resident's used codes kept by a charge without a transaction: far more than can be live (a code lives 60 s). */
const USED_KEPT = 20;

const deskMarkOf = (chargeId: string) => `deskPending.${pendingField(chargeId)}`;
const balances = () => table(collections.balances);

/** What a charge is made under: the community's rules, whether the desk's day is today, the code's expiry, the time. */
export type At = { rules: MerchantRules; sameDay: boolean; codeUntil: Date; now: Date };

/**
 * What a charge reserves on the resident's balance with the points, in the same conditional update: the day's spending
 * within their cap (`merchantDays.<day>`), and the code, which must not have been used (kept on `usedCodes`).
 */
export function reservation(charge: Charge, { rules, codeUntil }: At): ReserveAlso & { debit: NonNullable<ReserveAlso['debit']> } {
  const spent = `merchantDays.${charge.day}`;
  return {
    where: [
      // A document still keeping today's spending the old way is charged in a transaction, which moves it.
      { 'usedCodes.id': _.neq(charge.codeId), 'merchantDay.day': _.neq(charge.day) },
      _.or([{ [`${spent}.total`]: _.lte(rules.residentDaily - charge.points) }, { [spent]: _.exists(false) }]),
    ],
    changes: {
      [`${spent}.total`]: _.inc(charge.points),
      [`${spent}.count`]: _.inc(1),
      usedCodes: _.push({ each: [{ id: charge.codeId, until: codeUntil }], slice: -USED_KEPT }),
      // A day's key is made by its first charge: the compaction drops the days gone (points/compact.ts).
      growth: _.inc(1),
    },
    debit: { merchantDay: charge.day, codeId: charge.codeId },
  };
}

/**
 * The reservation found nothing to take: most often the resident cannot pay, has spent their day or showed a code
 * already used — their balance as it is now says so and refuses, without a transaction. Null otherwise (a lapse
 * due, a balance in an older shape): the transaction decides.
 */
export async function whyNot(charge: Charge, { rules, now }: At): Promise<null> {
  const doc = await balances().get(balanceId(account.user(charge.residentId), 'virtue'));
  assertUnused(doc?.usedCodes, charge.codeId);
  chargeMode(charge.points, rules, { shop: 0, resident: residentDay(doc, charge.day).total });
  const payment: Posting = { reversalOf: null, override: null, expiresAt: null, ...paymentOf(charge), at: now };
  if (overdraws(doc, payment)) throw new DomainError('POINTS_INSUFFICIENT');
  return null;
}

/** Counts the charge on the shop's desk, still open and in the community, within today's cap, with its mark. */
export async function holdOnDesk(charge: Charge, { sameDay, rules }: At): Promise<boolean> {
  const shopDaily = rules.shopDaily;
  const mark = deskMarkOf(charge._id);
  const open = { _id: deskId(charge.shopId), 'desk.status': 'active', 'desk.communityId': charge.communityId, [mark]: _.exists(false) };
  const held: HeldCharge = { charge, at: charge.createdAt };
  const counted = sameDay
    ? [
        { 'desk.today.day': charge.day, 'desk.today.total': _.lte(shopDaily - charge.points) },
        { 'desk.today.total': _.inc(charge.points), 'desk.today.count': _.inc(1) },
      ]
    : [{ 'desk.today.day': _.neq(charge.day) }, { 'desk.today': _.set({ day: charge.day, total: charge.points, count: 1, checks: 0 }) }];
  const updated = await balances()
    .where({ ...open, ...counted[0] } as Query<BalanceDoc>)
    .update({ ...counted[1], [mark]: held, deskPendingCount: _.inc(1) });
  return updated === 1;
}

/** The charge is paid: the shop is credited as its mark goes (once: only while the mark is there). */
export async function creditShop(charge: Charge, at: Date): Promise<void> {
  const mark = deskMarkOf(charge._id);
  const lot: Lot = { postingId: chargePostingIds(charge._id).pay, remaining: charge.points, expiresAt: null };
  await balances()
    .where({ _id: deskId(charge.shopId), [mark]: _.exists(true) })
    .update({
      balance: _.inc(charge.points),
      lifetimeIn: _.inc(charge.points),
      lots: _.push([lot]),
      lapsesAt: _.min(NEVER_LAPSES),
      growth: _.inc(1),
      [mark]: _.remove(),
      deskPendingCount: _.inc(-1),
      updatedAt: at,
    });
}

/** The charge will not be paid: the shop's day counts it no more (if it is still today's), and its mark goes. */
export async function giveDeskBack(charge: Charge): Promise<void> {
  const mark = deskMarkOf(charge._id);
  const base = { _id: deskId(charge.shopId), [mark]: _.exists(true) };
  const release = { [mark]: _.remove(), deskPendingCount: _.inc(-1) };
  const sameDay = await balances()
    .where({ ...base, 'desk.today.day': charge.day })
    .update({ ...release, 'desk.today.total': _.inc(-charge.points), 'desk.today.count': _.inc(-1) });
  if (sameDay === 0) await balances().where(base).update(release);
}

/** Writes a paid charge (the sweep may have written it already: then it is there, which is what counts). */
export async function insertCharge(charge: Charge): Promise<void> {
  try {
    await charges().add({ _id: charge._id, ...fieldsOf(charge) });
  } catch (error) {
    if (!(await charges().get(charge._id))) throw error;
  }
}

/** The charge a desk's mark carries, its times as dates. */
export function chargeOf(held: HeldCharge): Charge {
  const c = held.charge;
  return { ...c, createdAt: new Date(c.createdAt), updatedAt: new Date(c.updatedAt), holdUntil: c.holdUntil ? new Date(c.holdUntil) : null };
}
