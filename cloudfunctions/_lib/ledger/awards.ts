import { awardParts, decideAward, defaultAwardRule, explainAward, ruleForCategory, type AwardRule } from '../../../src/shared/domain/award';
import { account, type PostingInput } from '../../../src/shared/domain/ledger';
import type { WishAward } from '../../../src/shared/domain/wish';
import { addDays, startOfDayCst } from '../../../src/shared/domain/time';
import { post, postIn } from '.';
import { cachedPointRules, expiryFor } from './point-rules';
import { _, collections } from '../platform/runtime';
import { table, type Tx } from '../platform/typed-db';
import { warmCached } from '../platform/warm-cache';

/** The part of a wish that settling its award needs. */
export interface AwardedWish {
  _id: string;
  title: string;
  communityId: string;
  categoryId: string;
  residentId: string;
  claimantId: string | null;
  points: number | null;
  checkedInAt: Date | null;
  completedAt: Date | null;
  confirmedAt: Date | null;
  award: WishAward | null;
}

const SYSTEM = { by: 'system', byName: '系统' };

/** The community's rule (point_rules.award), before any category's counting mode. */
export async function communityAwardRule(communityId: string): Promise<AwardRule> {
  const rules = await cachedPointRules(communityId);
  return { ...defaultAwardRule, ...(rules?.award ?? {}) };
}

/** How long a warm instance keeps a category's counting mode: staff edit categories a few times a year. */
const CATEGORY_TTL_MS = 60_000;

/** The community's rule, with the category's counting mode on top (both as a warm instance keeps them). */
export async function awardRule(communityId: string, categoryId: string): Promise<AwardRule> {
  const category = () => warmCached(`award-category:${categoryId}`, CATEGORY_TTL_MS, () => table(collections.categories).get(categoryId));
  const [rule, found] = await Promise.all([communityAwardRule(communityId), category()]);
  return ruleForCategory(rule, found);
}

/**
 * What the award's limits count, in one query (index claimant_status_confirmed): the member's confirmed wishes
 * since the earlier of today's start (China time) and the pair window. Today's are what the member already got
 * for wishes today (the daily cap: the awards posted for wishes confirmed today); this resident's within the
 * window are the pair's recent count. Bounded by the window, never by the member's history.
 */
async function recentFor(wish: AwardedWish, memberId: string, rule: AwardRule, now: Date): Promise<{ today: number; pairs: number }> {
  const [dayStart, since] = [startOfDayCst(now), addDays(now, -rule.pairDays)];
  const recent = await table(collections.wishes)
    .where({ claimantId: memberId, status: 'confirmed', confirmedAt: _.gte(dayStart < since ? dayStart : since), _id: _.neq(wish._id) })
    .field({ residentId: true, confirmedAt: true, award: true })
    .limit(1000)
    .get();
  const at = (w: { confirmedAt: Date | null }) => new Date(w.confirmedAt ?? 0).getTime();
  const today = recent.filter((w) => at(w) >= dayStart.getTime() && w.award?.status === 'posted').reduce((sum, w) => sum + (w.award?.amount ?? 0), 0);
  const pairs = recent.filter((w) => w.residentId === wish.residentId && at(w) >= since.getTime()).length;
  return { today, pairs };
}

/** Moves the award out of `from` only if nobody settled it meanwhile. */
async function record(wishId: string, from: WishAward['status'], award: WishAward): Promise<boolean> {
  const updated = await table(collections.wishes)
    .where({ _id: wishId, 'award.status': from })
    .update({ award: _.set(award) });
  return updated === 1;
}

async function awardPosting(wish: AwardedWish, amount: number): Promise<PostingInput> {
  return {
    _id: wish.award!.key,
    asset: 'volunteer',
    from: account.issuer(wish.communityId),
    to: account.user(wish.award!.memberId),
    amount,
    reason: `微心愿「${wish.title}」`,
    ref: wish._id,
    communityId: wish.communityId,
    expiresAt: await expiryFor(wish.communityId, 'volunteer'),
    ...SYSTEM,
  };
}

export async function postAward(wish: AwardedWish, amount: number) {
  return post(await awardPosting(wish, amount));
}

/** What a pending award comes to now: the rule, what the member earned today, and how often this pair met lately. */
async function decide(wish: AwardedWish, award: WishAward, now: Date) {
  const rule = await awardRule(wish.communityId, wish.categoryId);
  const { today, pairs } = await recentFor(wish, award.memberId, rule, now);
  const parts = awardParts(rule, wish, award.rating);
  const decision = decideAward(rule, parts.total, today, pairs);
  return { decision, breakdown: explainAward(rule, parts, decision) };
}

type Decided = Awaited<ReturnType<typeof decide>>;

const heldAward = (award: WishAward, { decision, breakdown }: Decided): WishAward => ({
  ...award,
  status: decision.action === 'review' ? 'review' : 'none',
  amount: decision.action === 'review' ? decision.amount : 0,
  note: decision.action === 'post' ? null : decision.why,
  breakdown,
});

/**
 * Settles a confirmed wish's pending award inside the confirmation's transaction: posted with it, held for
 * staff, or nothing due — so a confirmation and its points commit together or not at all.
 */
export async function settleIn(tx: Tx, wish: AwardedWish): Promise<WishAward | null> {
  const award = wish.award;
  if (!award || award.status !== 'pending' || !wish.claimantId) return award;
  const decided = await decide(wish, award, new Date());
  if (decided.decision.action !== 'post') return heldAward(award, decided);
  const { amount } = decided.decision;
  const { posting } = await postIn(tx, await awardPosting(wish, amount), { creditBalance: 'unread' });
  return { ...award, status: 'posted', amount, postingId: posting._id, breakdown: decided.breakdown };
}

/**
 * Settles a confirmed wish's pending award (the sweep, for awards confirmed before settling moved into the
 * confirmation, or left pending): posts it, holds it for staff, or records why nothing is due. Safe to run
 * twice (the posting id is the award key).
 */
export async function settleAward(wish: AwardedWish): Promise<WishAward | null> {
  const award = wish.award;
  if (!award || award.status !== 'pending' || !wish.claimantId) return award;
  const decided = await decide(wish, award, new Date());
  if (decided.decision.action === 'post') {
    const { posting } = await postAward(wish, decided.decision.amount);
    const posted: WishAward = { ...award, status: 'posted', amount: decided.decision.amount, postingId: posting._id, breakdown: decided.breakdown };
    await record(wish._id, 'pending', posted);
    return posted;
  }
  const held = heldAward(award, decided);
  await record(wish._id, 'pending', held);
  return held;
}

export { record as recordAward };
