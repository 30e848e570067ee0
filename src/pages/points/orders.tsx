import { CancelOrder } from '../../components/cancel-order';
import { OrderCard, type MallOrderView } from '../../components/order-card';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import type { PagedList } from '../../hooks/use-paged-list';
import { toastResult } from '../../utils/toast';

/** 我的兑换: orders from the points mall; one not yet handed over may still be cancelled. */
export function MyOrders({ list, onChanged, goMall }: { list: PagedList<MallOrderView>; onChanged: () => void; goMall: () => void }) {
  return (
    <PagedListView
      list={list}
      keyOf={(o) => o.id}
      render={(o) => (
        <OrderCard order={o}>
          {o.status === 'placed' && (
            <CancelOrder
              order={o}
              onChanged={(result) => {
                toastResult(result);
                onChanged();
              }}
            />
          )}
        </OrderCard>
      )}
      empty={<Empty title="还没有兑换记录" hint="积分可以在积分超市兑换米面油和生活用品。" action={{ text: '去积分超市', onClick: goMall }} />}
    />
  );
}
