import { DomainError } from './errors';
import { monthRange } from './time';

/**
 * 党员积分 "1+1−1" by month. A month's score is what a member's party postings moved within that China-time
 * month: base + bonuses − deductions, reversals included in the month they are posted (a closed month is
 * never reopened; corrections land in the open one). Deductions are always recorded in full, so a score —
 * and the running balance — may go below zero.
 */
/** 明星党员: how many places a closed month names. */
export const STAR_PLACES = 3;

/** A month that is over: its ranking can no longer change, and only such a month may be closed. */
export function isMonthOver(month: string, now: Date): boolean {
  return monthRange(month).end.getTime() <= now.getTime();
}

export function assertMonthOver(month: string, now: Date): void {
  if (!isMonthOver(month, now)) throw new DomainError('PARTY_MONTH_OPEN');
}

export interface MemberTally {
  openid: string;
  name: string;
  points: number;
}

export interface RankedMember extends MemberTally {
  rank: number;
  star: boolean;
}

/**
 * Highest score first; equal scores share a rank (1, 2, 2, 4) and are listed by name. 明星党员 are the
 * members ranked within the first three places with a positive score, so a tie for third names them all.
 */
export function rankMonth(tallies: readonly MemberTally[]): RankedMember[] {
  const sorted = [...tallies].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN') || (a.openid < b.openid ? -1 : 1));
  const ranked: RankedMember[] = [];
  sorted.forEach((m, i) => {
    const rank = i > 0 && sorted[i - 1].points === m.points ? ranked[i - 1].rank : i + 1;
    ranked.push({ ...m, rank, star: rank <= STAR_PLACES && m.points > 0 });
  });
  return ranked;
}

/** Net points per person from what was credited to and taken from each account (`user:<openid>` only). */
export function netByPerson(
  credits: readonly { account: string; total: number }[],
  debits: readonly { account: string; total: number }[],
): Map<string, number> {
  const net = new Map<string, number>();
  const add = (account: string, amount: number) => {
    if (!account.startsWith('user:')) return;
    const openid = account.slice('user:'.length);
    net.set(openid, (net.get(openid) ?? 0) + amount);
  };
  for (const c of credits) add(c.account, c.total);
  for (const d of debits) add(d.account, -d.total);
  return net;
}

/** The person behind a tally, as registered now; absent when they have left the community. */
export interface Registered {
  _id: string;
  name: string;
  roles: readonly string[];
}

/**
 * The month's tallies of party members only: someone registered without the member role (an admin credited
 * by mistake, a lapsed membership) is not ranked, whatever their party postings. A member who has left the
 * community keeps their place under a placeholder name.
 */
export function memberTallies(net: ReadonlyMap<string, number>, people: readonly Registered[]): MemberTally[] {
  const byId = new Map(people.map((p) => [p._id, p]));
  return [...net]
    .filter(([openid]) => byId.get(openid)?.roles.includes('member') ?? true)
    .map(([openid, points]) => ({ openid, name: byId.get(openid)?.name ?? '已离开社区的党员', points }));
}

/**
 * A member's party points in one China-time month, kept in step with every party posting in that posting's
 * own transaction, so the month's ranking reads one document per member instead of every posting.
 * `total` is what the ranking shows: `credited` (base, bonuses) less `debited` (deductions, reversals, expiry).
 */
export interface PartyTally {
  _id: string;
  communityId: string;
  month: string;
  openid: string;
  total: number;
  credited: number;
  debited: number;
  updatedAt: Date;
}

export function tallyId(communityId: string, month: string, openid: string): string {
  return `tally:${communityId}:${month}:${openid}`;
}

/** The month's net points per member, from the month's tallies. */
export function netOfTallies(tallies: readonly Pick<PartyTally, 'openid' | 'total'>[]): Map<string, number> {
  return new Map(tallies.map((t) => [t.openid, t.total]));
}
