import { CancelOrder } from '../../components/cancel-order';
import { OrderCard, type MallOrderView } from '../../components/order-card';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import type { PagedList } from '../../hooks/use-paged-list';
import { toastResult } from '../../utils/toast';

/** 我的兑换: orders from the points mall; one not yet handed over may still be cancelled. */
interface Props {
  list: PagedList<MallOrderView>;
  /** An order was cancelled (its points came back), or it moved on meanwhile (null: read the orders again). */
  onCancelled: (cancelled: MallOrderView | null) => void;
  goMall: () => void;
}

export function MyOrders({ list, onCancelled, goMall }: Props) {
  return (
    <PagedListView
      list={list}
      keyOf={(o) => o.id}
      render={(o) => (
        <OrderCard order={o}>
          {o.status === 'placed' && (
            <CancelOrder
              order={o}
              onChanged={(result, cancelled) => {
                toastResult(result);
                onCancelled(cancelled);
              }}
            />
          )}
        </OrderCard>
      )}
      empty={<Empty title="还没有兑换记录" hint="积分可以在积分超市兑换米面油和生活用品。" action={{ text: '去积分超市', onClick: goMall }} />}
    />
  );
}
