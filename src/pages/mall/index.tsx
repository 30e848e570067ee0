import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { mallAssets } from '../../shared/domain/mall';
import { shelfAfterOrder, walletAfterOrder } from '../../utils/mall-order';
import { assetShort } from '../../utils/points';
import { ItemCard, type MallItemView } from './item-card';
import { OrderSheet } from './order-sheet';
import './index.scss';

/** 积分超市: the community's shelf, priced in volunteer or virtue points; residents and members order here. */
function MallPage() {
  const me = useMe();
  const items = useRemote(() => call('mall.listItems', {}));
  const balance = useRemote(() => call('points.balance', {}));
  const [ordering, setOrdering] = useState<MallItemView | null>(null);
  const reload = () => Promise.all([items.reload(), balance.reload()]);
  usePullRefresh(reload);

  const roles = me.data?.roles ?? [];
  const canOrder = roles.includes('resident') || roles.includes('member');
  const spendable = (asset: string) => balance.data?.balances.find((b) => b.asset === asset)?.spendable ?? 0;
  const shelf = (items.data?.items ?? []).filter((i) => i.active);

  return (
    <PageShell className="mall">
      {balance.data && (
        <View className="card mall__wallet">
          {mallAssets.map((a) => (
            <View key={a} className="mall__wallet-item" data-asset={a}>
              <Text className="mall__wallet-amount">{spendable(a)}</Text>
              <Text className="mall__wallet-label">可用{assetShort[a]}积分</Text>
            </View>
          ))}
        </View>
      )}
      {me.data && !canOrder && <Text className="section-title">积分超市面向本社区居民和党员，你可以浏览商品。</Text>}
      {items.state === 'loading' && <Loading />}
      {items.state === 'error' && <ErrorView error={items.error} onRetry={items.reload} />}
      {items.state === 'ready' && shelf.length === 0 && <Empty title="积分超市暂时没有商品" hint="社区上架新商品后会出现在这里。" />}
      {items.state === 'ready' && shelf.map((item) => <ItemCard key={item.id} item={item} canOrder={canOrder} onOrder={() => setOrdering(item)} />)}
      {ordering && (
        <OrderSheet
          key={ordering.id}
          item={shelf.find((i) => i.id === ordering.id) ?? ordering}
          spendable={spendable(ordering.asset)}
          onOrdered={(order) => {
            // The order says what it took: the shelf and the wallet are shown after it without reading them again.
            items.update((d) => ({ items: shelfAfterOrder(d.items, order) }));
            balance.update((d) => ({ ...d, balances: walletAfterOrder(d.balances, order, 'paid') }));
          }}
          onStale={() => void reload()}
          onClose={() => setOrdering(null)}
        />
      )}
    </PageShell>
  );
}

export default MallPage;
