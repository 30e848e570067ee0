import { account, type PostingInput } from '../../src/shared/domain/ledger';
import {
  reviewGradeLabels,
  reviewKindLabels,
  reviewOutcome,
  reviewPostingId,
  scoreIdOf,
  periodLabel,
  emptyTally,
  type ReviewOutcome,
} from '../../src/shared/domain/review';
import { monthOf } from '../../src/shared/domain/time';
import { AlreadyPosted, postIn } from '../_lib/ledger';
import { expiryFor } from '../_lib/ledger/point-rules';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { ReviewRound, ReviewScore } from './review-docs';

/** A run stops taking up members after this long (the timer fires every minute; a run cut off goes on next time). */
const RUN_MS = 20_000;
/** Members settled between two saves of the round's progress. */
const BATCH = 20;

const ITEM_NAME = '民主评议';
const OVERDRAFT = '党员积分减分如实记录，余额不足时记为负分';

/** What the member's result rests on, in words, for the evidence beside the posting. */
function evidenceText(s: ReviewScore, o: ReviewOutcome): string {
  const avg = (p: { sum: number; count: number }) => (p.count > 0 ? `${p.count} 人，平均 ${Math.round(p.sum / p.count)} 分` : '无');
  const self = s.self ? reviewGradeLabels[s.self] : '未自评';
  return `${reviewKindLabels.self}：${self}；${reviewKindLabels.peer}：${avg(s.peer)}；${reviewKindLabels.mass}：${avg(s.mass)}；加权 ${o.score} 分`;
}

function postingOf(round: ReviewRound, s: ReviewScore, o: ReviewOutcome, expiresAt: Date | null): PostingInput {
  const [issuer, holder] = [account.issuer(round.communityId), account.user(s.memberId)];
  return {
    _id: reviewPostingId(round._id, s.memberId),
    asset: 'party',
    from: o.points < 0 ? holder : issuer,
    to: o.points < 0 ? issuer : holder,
    amount: Math.abs(o.points),
    reason: `${periodLabel(round.period)}${ITEM_NAME}：${reviewGradeLabels[o.grade]}（${o.score} 分）`,
    ref: round._id,
    communityId: round.communityId,
    by: round.closedBy ?? round.openedBy,
    byName: round.closedByName ?? round.openedByName,
    expiresAt: o.points < 0 ? null : expiresAt,
  };
}

/**
 * One member's result: the weighted outcome, its party posting (a bonus or a deduction; none for 0 or 未参评), the
 * evidence beside it (党员积分明细) and the tally marked settled — one transaction. The posting's id is the round's
 * and the member's, and a settled tally is skipped, so a run cut off anywhere and run again posts each member once.
 */
async function settleMember(round: ReviewRound, member: { id: string; name: string }, expiresAt: Date | null): Promise<boolean> {
  const scoreId = scoreIdOf(round._id, member.id);
  const now = new Date();
  const work = async (ledgerDone: boolean) =>
    transact(async (tx) => {
      const scores = tableIn(tx, collections.reviewScores);
      const score: ReviewScore = (await scores.get(scoreId)) ?? {
        _id: scoreId,
        roundId: round._id,
        communityId: round.communityId,
        memberId: member.id,
        memberName: member.name,
        ...emptyTally(),
        updatedAt: now,
        settled: false,
        result: null,
        postingId: null,
      };
      if (score.settled) return false;
      const result = reviewOutcome(score);
      const posting = result && result.points !== 0 ? postingOf(round, score, result, expiresAt) : null;
      if (posting && result && !ledgerDone) {
        const { posting: saved } = await postIn(tx, posting, {
          creditBalance: 'unread',
          overdraft: result.points < 0 ? { by: posting.by, reason: OVERDRAFT } : null,
        });
        await tableIn(tx, collections.partyEntries).set(saved._id, {
          communityId: round.communityId,
          month: monthOf(saved.at),
          memberId: member.id,
          memberName: member.name,
          itemId: round._id,
          kind: result.points < 0 ? 'deduction' : 'bonus',
          itemName: ITEM_NAME,
          points: result.points,
          reason: saved.reason,
          evidence: { text: evidenceText(score, result), photos: [] },
          by: saved.by,
          byName: saved.byName,
          at: saved.at,
        });
      }
      await scores.set(scoreId, { ...fieldsOf(score), settled: true, result, postingId: posting?._id ?? null, updatedAt: now });
      return posting !== null;
    }, 'POINTS_BUSY');
  try {
    return await work(false);
  } catch (error) {
    // Its posting is made (the tally was lost or rewritten since): only the tally is marked, never a second posting.
    if (!(error instanceof AlreadyPosted)) throw error;
    return work(true);
  }
}

/**
 * The `settle` timer: the rounds closed and not yet published, member by member in the order they were fixed at
 * opening, saving the round's progress after each batch; a round whose members are all settled is published.
 */
export async function settleRounds(): Promise<Record<string, unknown>> {
  const started = Date.now();
  const rounds = await table(collections.reviewRounds).where({ status: 'closing' }).orderBy('closedAt', 'asc').limit(5).get();
  let [posted, settled, published] = [0, 0, 0];
  for (const round of rounds) {
    const expiresAt = await expiryFor(round.communityId, 'party');
    let cursor = round.settled;
    while (cursor < round.members.length && Date.now() - started < RUN_MS) {
      const batch = round.members.slice(cursor, cursor + BATCH);
      for (const member of batch) if (await settleMember(round, member, expiresAt)) posted += 1;
      cursor += batch.length;
      settled += batch.length;
      await table(collections.reviewRounds).change(round._id, { settled: cursor });
    }
    if (cursor >= round.members.length) {
      await table(collections.reviewRounds).change(round._id, { status: 'published', publishedAt: new Date() });
      published += 1;
    }
  }
  return { rounds: rounds.length, settled, posted, published };
}
