import { Text, View } from '@tarojs/components';
import type { Output } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import { starsOf, visibleBalances } from '../../utils/points';

type Balances = Output<'points.balance'>;

/** One card per kind of points: the balance, what can be spent now, and what was ever earned. */
export function BalanceCards({ data, roles }: { data: Balances; roles: readonly Role[] }) {
  return (
    <View className="balances">
      {visibleBalances(data.balances, roles).map((b) => (
        <View key={b.asset} className={`card balance is-${b.asset}`} data-asset={b.asset}>
          <View className="balance__head">
            <Text className="balance__label">{b.label}</Text>
            {b.asset === 'virtue' && (
              <Text className="balance__level" data-stars={data.virtueLevel.stars}>
                {starsOf(data.virtueLevel.stars)} {data.virtueLevel.name}
              </Text>
            )}
          </View>
          <View className="balance__row">
            <Text className="balance__amount">{b.balance}</Text>
            <Text className="balance__meta">
              可用 {b.spendable} · 累计获得 {b.lifetime}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
