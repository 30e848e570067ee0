import { Text, View } from '@tarojs/components';
import type { Output } from '../../shared/contract';
import { reviewGradeLabels } from '../../shared/domain/review';
import { formatDateTime } from '../../utils/date-time';

export type Round = NonNullable<Output<'review.mine'>['round']>;
export type Member = Output<'review.results'>['items'][number];

const statusText: Record<Round['status'], string> = { open: '评议中', closing: '已结束，结果计算中', published: '结果已公布' };

/** The round as every page heads it: which half-year, where it stands, who opened it. */
export function RoundCard({ round }: { round: Round }) {
  return (
    <View className="card review-round">
      <Text className="review-round__title">{round.label}民主评议</Text>
      <Text className="review-round__line">
        {statusText[round.status]} · 参评党员 {round.memberCount} 人
      </Text>
      <Text className="review-round__line">
        {round.openedByName} 开启于 {formatDateTime(round.openedAt)}
        {round.publishedAt ? `，${formatDateTime(round.publishedAt)} 公布` : ''}
      </Text>
    </View>
  );
}

/** The rule in one sentence, as src/shared/domain/review.ts has it. */
export function RuleNote() {
  return (
    <Text className="review-rule">
      计分：自评占 20%，党员互评占 40%，群众评议占 40%（没有群众评议时按其余两项折算）。90 分以上为优秀，党员积分加 10 分；75 分以上为合格，加 5
      分；60 分以上为基本合格；不足 60 分为不合格，减 10 分。评议人不公开。
    </Text>
  );
}

/** One member's row: progress while open (staff), the result once published. */
export function MemberRow({ m, published }: { m: Member; published: boolean }) {
  const result = m.result;
  return (
    <View className="card review-member">
      <View className="review-member__head">
        <Text className="review-member__name">
          {m.name}
          {m.me ? '（我）' : ''}
        </Text>
        {published && result && (
          <Text className={`review-member__points ${result.points > 0 ? 'is-plus' : result.points < 0 ? 'is-minus' : ''}`}>
            {reviewGradeLabels[result.grade]} {result.points > 0 ? `+${result.points}` : result.points < 0 ? `${result.points}` : ''}
          </Text>
        )}
        {published && !result && <Text className="tag">评议人数不足，不计分</Text>}
      </View>
      {published && result && <Text className="review-member__line">加权得分 {result.score} 分</Text>}
      <Text className="review-member__line">
        自评：{m.selfDone ? '已评' : '未评'} · 互评 {m.peerCount} 人 · 群评 {m.massCount} 人
      </Text>
    </View>
  );
}
