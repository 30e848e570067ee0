import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import type { ChargeView } from '../../utils/merchant';
import { ShopGate, useMyShop } from '../parts/shop-gate';
import { ChargeRow } from './charge-row';
import './index.scss';

type Scope = 'today' | 'all';
type Today = Output<'merchant.history'>['today'];

/** 今日核销 / 全部记录: the shop's charges, newest first, with today's totals; today's can be refunded. */
function HistoryPage() {
  const mine = useMyShop();
  const [scope, setScope] = useState<Scope>('today');
  const [today, setToday] = useState<Today | null>(null);
  const list = usePagedList<ChargeView>(async (offset) => {
    const reply = await call('merchant.history', { scope, offset, limit: 20 });
    if (reply.ok) setToday(reply.data.today);
    return reply;
  }, scope);
  usePullRefresh(list.reload);
  // A refund's reply is the charge as it now stands: its row changes in place, and today's totals lose it
  // exactly as the server's day tally did (only today's charges can be refunded).
  const onRefunded = (refunded: ChargeView) => {
    list.edit((c) => (c.id === refunded.id ? refunded : c));
    setToday((t) => t && { ...t, count: Math.max(0, t.count - 1), points: Math.max(0, t.points - refunded.points) });
  };

  return (
    <ShopGate mine={mine} className="merchant-history">
      {() => (
        <>
          {today && (
            <View className="card today">
              <View className="today__item">
                <Text className="today__value">{today.count}</Text>
                <Text className="today__label">今日核销（笔）</Text>
              </View>
              <View className="today__item">
                <Text className="today__value">{today.points}</Text>
                <Text className="today__label">今日积分</Text>
              </View>
              <View className="today__item">
                <Text className="today__value">{today.checks}</Text>
                <Text className="today__label">核验等级（次）</Text>
              </View>
            </View>
          )}
          <Tabs
            tabs={[
              { value: 'today', label: '今日核销' },
              { value: 'all', label: '全部记录' },
            ]}
            value={scope}
            onChange={setScope}
          />
          <View className="cells">
            <PagedListView
              list={list}
              keyOf={(c) => c.id}
              render={(c) => <ChargeRow charge={c} onRefunded={onRefunded} />}
              empty={<Empty title={scope === 'today' ? '今天还没有核销' : '还没有核销记录'} hint="在「扫码核销」扫描居民的积分码即可扣分。" />}
            />
          </View>
        </>
      )}
    </ShopGate>
  );
}

export default HistoryPage;
