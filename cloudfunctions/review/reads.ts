import { reviewMine, reviewResults } from '../../src/shared/contract';
import { periodOf, roundIdOf, scoreIdOf, type ReviewKind } from '../../src/shared/domain/review';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import type { ReviewRound } from './review-docs';
import { MAX_ROUND_MEMBERS, roundView, shownRound } from './rounds';

/** The members of the round who served this resident (a wish of theirs carried out and confirmed). */
async function servedBy(residentId: string, round: ReviewRound): Promise<ReviewRound['members']> {
  const wishes = await table(collections.wishes)
    .where({ residentId, status: 'confirmed', claimantId: _.in(round.members.map((m) => m.id)) })
    .field({ claimantId: true })
    .limit(MAX_ROUND_MEMBERS)
    .get();
  const served = new Set(wishes.map((w) => w.claimantId));
  return round.members.filter((m) => served.has(m.id));
}

// 我的评议: a member rates themself and every other member of the round; anyone else the members who served them.
export const mine = defineHandler(reviewMine, async (_input, { openid, user }) => {
  const round = await shownRound(roundIdOf(user.communityId, periodOf(new Date())));
  if (!round || round.status !== 'open') return { round: round ? roundView(round) : null, targets: [] };
  const member = round.members.some((m) => m.id === openid);
  const [people, given] = await Promise.all([
    member ? Promise.resolve(round.members) : servedBy(openid, round),
    table(collections.reviewRatings)
      .where({ roundId: round._id, raterId: openid })
      .field({ memberId: true, grade: true })
      .limit(MAX_ROUND_MEMBERS)
      .get(),
  ]);
  const gradeOf = new Map(given.map((r) => [r.memberId, r.grade]));
  const kindOf = (id: string): ReviewKind => (!member ? 'mass' : id === openid ? 'self' : 'peer');
  const targets = people.map((m) => ({ memberId: m.id, name: m.name, kind: kindOf(m.id), grade: gradeOf.get(m.id) ?? null }));
  // Oneself first: 自评 comes before 互评.
  targets.sort((a, b) => Number(b.kind === 'self') - Number(a.kind === 'self'));
  return { round: roundView(round), targets };
});

// 评议结果: once published, every member's result for everyone in the community; before that, staff see who has
// been rated how often (never by whom, never the grades).
export const results = defineHandler(reviewResults, async ({ period, offset, limit }, { openid, user }) => {
  const round = await table(collections.reviewRounds).get(roundIdOf(user.communityId, period ?? periodOf(new Date())));
  if (!round) return { round: null, items: [], nextOffset: null };
  const published = round.status === 'published';
  if (!published && !user.roles.includes('staff')) return { round: roundView(round), items: [], nextOffset: null };
  const page = round.members.slice(offset, offset + limit);
  const scores = await table(collections.reviewScores).byIds(page.map((m) => scoreIdOf(round._id, m.id)));
  const items = page.map((m) => {
    const s = scores.get(scoreIdOf(round._id, m.id));
    return {
      memberId: m.id,
      name: m.name,
      selfDone: Boolean(s?.self),
      peerCount: s?.peer.count ?? 0,
      massCount: s?.mass.count ?? 0,
      result: published ? (s?.result ?? null) : null,
      me: m.id === openid,
    };
  });
  return { round: roundView(round), items, nextOffset: offset + limit < round.members.length ? offset + limit : null };
});
