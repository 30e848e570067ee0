import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { MallOrderView } from '../../components/order-card';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { usePagedList, type Page } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Reply } from '../../shared/contract/envelope';
import type { Asset } from '../../shared/domain/ledger';
import { walletAfterOrder } from '../../utils/mall-order';
import { visibleBalances } from '../../utils/points';
import { BalanceCards } from './balances';
import { History, type PostingView } from './history';
import { PendingHolds, type Outcome, type Posted, type Returned } from './holds';
import { MyOrders } from './orders';
import './index.scss';

type Tab = 'history' | 'orders';

const go = (url: string) => () => void Taro.navigateTo({ url });
const goMall = go('/pages/mall/index');
const noOrders: Reply<Page<MallOrderView>> = { ok: true, data: { items: [], nextOffset: null } };
const noHolds: Reply<{ items: [] }> = { ok: true, data: { items: [] } };

/** 我的积分: balances by kind with the virtue level, the history, and (for those who can order) mall orders (`?tab=orders`). */
function PointsPage() {
  const me = useMe();
  const balance = useRemote(() => call('points.balance', {}));
  const [tab, setTab] = useState<Tab>(useRouter().params.tab === 'orders' ? 'orders' : 'history');
  const [kind, setKind] = useState<Asset | ''>('');
  const history = usePagedList<PostingView>((offset) => call('points.history', { ...(kind ? { asset: kind } : {}), offset, limit: 20 }), kind);
  const roles = me.data?.roles ?? [];
  const shops = roles.includes('resident') || roles.includes('member');
  // Only residents and members order from the mall; for anyone else there is nothing to fetch.
  const orders = usePagedList<MallOrderView>(
    (offset) => (shops ? call('mall.listOrders', { scope: 'mine', offset, limit: 10 }) : Promise.resolve(noOrders)),
    shops ? 'mine' : 'none',
  );
  // Charges above a merchant's cap wait here for the resident (待确认扣分).
  const holds = useRemote(() => (shops ? call('points.pendingHolds', {}) : Promise.resolve(noHolds)), shops ? 'mine' : 'none');
  useReloadOnShow(holds.reload);
  usePullRefresh(() => Promise.all([balance.reload(), holds.reload(), tab === 'history' ? history.reload() : orders.reload()]));

  // A cancellation's reply is the order as it now stands: the row and the wallet show it at once; the history
  // gains a refund posting, read when that tab is next opened rather than by the cancel button.
  const historyStale = useRef(false);
  const onCancelled = (cancelled: MallOrderView | null) => {
    if (!cancelled) {
      void Promise.all([orders.reload(), balance.reload(), history.reload()]);
      return;
    }
    orders.edit((o) => (o.id === cancelled.id ? cancelled : o));
    balance.update((d) => ({ ...d, balances: walletAfterOrder(d.balances, cancelled, 'refunded') }));
    historyStale.current = true;
  };
  // A confirmed hold leaves the list: its points left the balance when the merchant charged (a hold kept on the
  // balance adds the payment it posted now to the history). A rejected one brings them back: the reply carries the
  // virtue balance after it and the posting that returned them (none for a hold kept on the balance: nothing was
  // posted), shown as they are. Only a hold closed meanwhile (or a return still owed) is read again.
  const onHoldDecided = (holdId: string, outcome: Outcome, returned: Returned, posted: Posted) => {
    if (outcome === 'closed') void holds.reload();
    else holds.update((d) => ({ items: d.items.filter((h) => h.id !== holdId) }));
    if (outcome === 'confirmed') {
      // A hold kept on the balance is posted only now: its payment joins the history as the reply gives it.
      if (posted && (kind === '' || kind === posted.asset)) history.prepend([posted]);
      return;
    }
    if (!returned) {
      void Promise.all([balance.reload(), history.reload()]);
      return;
    }
    balance.update((d) => ({ ...d, balances: d.balances.map((b) => (b.asset === returned.balance.asset ? returned.balance : b)) }));
    const back = returned.posting;
    if (back && (kind === '' || kind === back.asset)) history.prepend([back]);
  };
  const showTab = (next: Tab) => {
    setTab(next);
    if (next === 'history' && historyStale.current) {
      historyStale.current = false;
      void history.reload();
    }
  };

  const failed = balance.state === 'error' ? balance : me.state === 'error' ? me : null;
  if (!balance.data || !me.data) {
    return <PageShell className="points">{failed ? <ErrorView error={failed.error} onRetry={failed.reload} /> : <Loading />}</PageShell>;
  }
  const kinds = visibleBalances(balance.data.balances, roles).map((b) => b.asset);
  return (
    <PageShell className="points">
      <PendingHolds holds={holds} onDecided={onHoldDecided} />
      <BalanceCards data={balance.data} roles={roles} />
      <View className="cells">
        {shops && (
          <View className="cell cell--link" onClick={go('/pages/points-code/index')}>
            <Text className="cell__body cell__title">积分码</Text>
            <Text className="cell__value">向爱心商家出示</Text>
          </View>
        )}
        <View className="cell cell--link" onClick={goMall}>
          <Text className="cell__body cell__title">积分超市</Text>
          <Text className="cell__value">用积分兑换生活用品</Text>
        </View>
        <View className="cell cell--link" onClick={go('/pages/ranking/index')}>
          <Text className="cell__body cell__title">党员积分排名</Text>
          <Text className="cell__value">每月评出明星党员</Text>
        </View>
      </View>
      {shops && (
        <Tabs
          tabs={[
            { value: 'history', label: '积分明细' },
            { value: 'orders', label: '我的兑换' },
          ]}
          value={tab}
          onChange={showTab}
        />
      )}
      {tab === 'history' || !shops ? (
        <History list={history} kinds={kinds} filter={kind} onFilter={setKind} />
      ) : (
        <MyOrders list={orders} onCancelled={onCancelled} goMall={goMall} />
      )}
    </PageShell>
  );
}

export default PointsPage;
