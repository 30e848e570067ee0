import { pointsCloseMonth, pointsRanking } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import {
  assertMonthOver,
  memberTallies,
  netByPerson,
  rankMonth,
  type MemberTally,
  type Registered,
  type RankedMember,
} from '../../src/shared/domain/party';
import { monthOf, monthRange } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/handler';
import { _, collections, db, type Loose } from '../_lib/runtime';

/** A closed month's ranking as frozen by `points.closeMonth`; `_id` is `<communityId>:<month>`. */
interface MonthSnapshot {
  _id: string;
  communityId: string;
  month: string;
  members: RankedMember[];
  closedAt: Date;
  closedBy: string;
  closedByName: string;
}

const snapshots = () => db.collection(collections.partyMonths);

async function findSnapshot(communityId: string, month: string): Promise<MonthSnapshot | null> {
  const res: Loose = await snapshots().doc(`${communityId}:${month}`).get();
  return (res.data as MonthSnapshot | null) ?? null;
}

/** Each member's party points in the month, summed by the database from the month's postings. */
async function tallies(communityId: string, month: string): Promise<MemberTally[]> {
  const { start, end } = monthRange(month);
  const $ = db.command.aggregate;
  const side = async (field: '$to' | '$from') => {
    const res: Loose = await db
      .collection(collections.postings)
      .aggregate()
      .match({ communityId, asset: 'party', at: _.gte(start).and(_.lt(end)) })
      .group({ _id: field, total: $.sum('$amount') })
      .limit(100_000)
      .end();
    return (res.list as { _id: string; total: number }[]).map((r) => ({ account: r._id, total: r.total }));
  };
  const [credits, debits] = await Promise.all([side('$to'), side('$from')]);
  const net = netByPerson(credits, debits);
  if (net.size === 0) return [];
  const people: Loose = await db
    .collection(collections.users)
    .where({ _id: _.in([...net.keys()]) })
    .field({ name: true, roles: true })
    .limit(1000)
    .get();
  return memberTallies(net, people.data as Registered[]);
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
  const closed = await findSnapshot(user.communityId, month);
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
    .add({ data: snapshot })
    .then(() => true)
    .catch(() => false);
  // Two closes at once: the insert is keyed by month, so one wins and the other returns the winner's snapshot.
  const stored = inserted ? snapshot : await findSnapshot(user.communityId, month);
  if (!stored) throw new DomainError('INTERNAL');
  return { ...view(month, stored.members, stored.closedAt, openid), replayed: !inserted };
});
