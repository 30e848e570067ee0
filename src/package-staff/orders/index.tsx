import { Text } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { CancelOrder } from '../../components/cancel-order';
import { OrderCard, type MallOrderView } from '../../components/order-card';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { afterFailure } from '../../utils/action-hints';
import { toastResult } from '../../utils/toast';
import '../parts/index.scss';

type Result = { ok: boolean; text: string };

/** 确认领取: the resident has the goods in hand. */
function FulfilButton({ order, onDone }: { order: MallOrderView; onDone: (result: Result) => void }) {
  const fulfil = useSubmit('mall.fulfil');
  async function onClick() {
    const reply = await fulfil.submit({ orderId: order.id });
    if (!reply) return;
    if (reply.ok) onDone({ ok: true, text: `${order.buyerName}已领取` });
    else onDone({ ok: false, text: `${reply.message} ${afterFailure(reply.code).hint ?? ''}`.trim() });
  }
  return (
    <ActionButton size="small" busy={fulfil.submitting} onClick={onClick}>
      确认领取
    </ActionButton>
  );
}

/** 兑换领取: the community's orders waiting for hand-over; hand them over, or cancel (the points go back). */
function StaffOrdersPage() {
  const list = usePagedList((offset) => call('mall.listOrders', { scope: 'pending', offset, limit: 10 }), 'pending');
  usePullRefresh(list.reload);
  // A handed-over or cancelled order leaves the list; one that moved on meanwhile is read again.
  const done = (orderId: string) => (result: Result) => {
    toastResult(result);
    if (result.ok) list.edit((o) => (o.id === orderId ? null : o));
    else void list.reload();
  };
  return (
    <PageShell className="staff-orders">
      <Text className="staff-intro">居民到社区服务站领取商品时，核对姓名和商品后点“确认领取”。</Text>
      <PagedListView
        list={list}
        keyOf={(o) => o.id}
        render={(o) => (
          <OrderCard order={o} showBuyer>
            <CancelOrder order={o} byStaff onChanged={done(o.id)} />
            <FulfilButton order={o} onDone={done(o.id)} />
          </OrderCard>
        )}
        empty={<Empty title="没有待领取的订单" hint="居民在积分超市兑换后，订单会出现在这里。" />}
      />
    </PageShell>
  );
}

export default StaffOrdersPage;
