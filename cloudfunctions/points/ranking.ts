import { pointsCloseMonth, pointsRanking } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import {
  assertMonthOver,
  isMonthOver,
  memberTallies,
  netOfTallies,
  rankMonth,
  type MemberTally,
  type PartyTally,
  type RankedMember,
} from '../../src/shared/domain/party';
import { monthOf } from '../../src/shared/domain/time';
import { isProfile } from '../_lib/platform/actor';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import type { MonthSnapshot } from '../_lib/platform/documents';
import { table } from '../_lib/platform/typed-db';

const snapshots = () => table(collections.partyMonths);

export async function findSnapshot(communityId: string, month: string): Promise<MonthSnapshot | null> {
  return snapshots().get(`${communityId}:${month}`);
}

const TALLY_PAGE = 1000;

/** The month's tallies of the community, one indexed page after another (index community_month_id). */
async function monthTallies(communityId: string, month: string): Promise<PartyTally[]> {
  const out: PartyTally[] = [];
  for (let after = ''; ;) {
    const page = await table(collections.partyTallies)
      .where({ communityId, month, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(TALLY_PAGE)
      .get();
    out.push(...page);
    if (page.length < TALLY_PAGE) return out;
    after = out[out.length - 1]._id;
  }
}

/**
 * Each member's party points in the month, from the per-member tallies the ledger keeps with every party
 * posting: reads one document per member, however many postings the month holds.
 */
export async function tallies(communityId: string, month: string): Promise<MemberTally[]> {
  const net = netOfTallies(await monthTallies(communityId, month));
  if (net.size === 0) return [];
  const people = await table(collections.users)
    .where({ _id: _.in([...net.keys()]) })
    .field({ name: true, roles: true, erasingSince: true })
    .limit(1000)
    .get();
  // A member whose 注销 is under way shows as one who has left (the marker is no profile).
  return memberTallies(net, people.filter(isProfile));
}

function view(month: string, members: RankedMember[], closedAt: Date | null, viewer: string) {
  return {
    month,
    closed: closedAt !== null,
    closedAt: closedAt ? new Date(closedAt).toISOString() : null,
    members: members.map((m) => ({ rank: m.rank, name: m.name, points: m.points, star: m.star, me: m.openid === viewer })),
  };
}

// 党员积分排名: a closed month reads its snapshot; an open one is tallied live (stars are named at close).
export const ranking = defineHandler(pointsRanking, async ({ month = monthOf(new Date()) }, { openid, user }) => {
  // A month still running has no snapshot to look for.
  const closed = isMonthOver(month, new Date()) ? await findSnapshot(user.communityId, month) : null;
  if (closed) return view(month, closed.members, closed.closedAt, openid);
  const live = rankMonth(await tallies(user.communityId, month)).map((m) => ({ ...m, star: false }));
  return view(month, live, null, openid);
});

// 月度结算: freezes the month's ranking and names 明星党员; closing again returns the same snapshot.
export const closeMonth = defineHandler(pointsCloseMonth, async ({ month }, { openid, user }) => {
  assertMonthOver(month, new Date());
  const existing = await findSnapshot(user.communityId, month);
  if (existing) return { ...view(month, existing.members, existing.closedAt, openid), replayed: true };
  const members = rankMonth(await tallies(user.communityId, month));
  const _id = `${user.communityId}:${month}`;
  const snapshot: MonthSnapshot = {
    _id,
    communityId: user.communityId,
    month,
    members,
    closedAt: new Date(),
    closedBy: openid,
    closedByName: user.name,
  };
  const inserted = await snapshots()
    .add(snapshot)
    .then(() => true)
    .catch(() => false);
  // Two closes at once: the insert is keyed by month, so one wins and the other returns the winner's snapshot.
  const stored = inserted ? snapshot : await findSnapshot(user.communityId, month);
  if (!stored) throw new DomainError('INTERNAL');
  return { ...view(month, stored.members, stored.closedAt, openid), replayed: !inserted };
});
