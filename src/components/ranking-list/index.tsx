import { Text, View } from '@tarojs/components';
import type { Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';
import { monthLabel } from '../../utils/month';
import { Empty } from '../state-view';
import './index.scss';

export type Ranking = Output<'points.ranking'>;

/** A month's 党员积分 table: rank, name, points; a closed month names its 明星党员, and the viewer's own row stands out. */
export function RankingList({ ranking }: { ranking: Ranking }) {
  const stars = ranking.members.filter((m) => m.star);
  return (
    <View className="ranking">
      <Text className="section-title">
        {ranking.closed
          ? `${monthLabel(ranking.month)}已结算${ranking.closedAt ? `（${formatDateTime(ranking.closedAt)}）` : ''}`
          : `${monthLabel(ranking.month)}实时排名，月度结算后评出明星党员`}
      </Text>
      {stars.length > 0 && (
        <View className="card ranking__stars">
          <Text className="ranking__stars-title">明星党员</Text>
          <Text className="ranking__stars-names">{stars.map((m) => m.name).join('、')}</Text>
        </View>
      )}
      {ranking.members.length === 0 ? (
        <Empty title="这个月还没有党员积分记录" hint="社区录入基础分、加分和减分后，排名会出现在这里。" />
      ) : (
        <View className="cells">
          {ranking.members.map((m) => (
            <View key={`${m.rank}-${m.name}`} className={`cell ranking__row${m.me ? ' is-me' : ''}`} data-rank={m.rank}>
              <Text className={`ranking__rank${m.rank <= 3 ? ' is-top' : ''}`}>{m.rank}</Text>
              <View className="cell__body">
                <Text className="ranking__name">{m.name}</Text>
                {m.me && <Text className="tag ranking__me">我</Text>}
                {m.star && <Text className="tag ranking__star">★ 明星党员</Text>}
              </View>
              <Text className="ranking__points">{m.points} 分</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
