import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Output } from '../../shared/contract';
import { orderStatusLabels, type OrderStatus } from '../../shared/domain/mall';
import { formatDateTime } from '../../utils/date-time';
import { assetShort } from '../../utils/points';
import './index.scss';

export type MallOrderView = Output<'mall.order'>['order'];

/** Orange waits for someone, green is done, grey and red are over. */
const tones: Record<OrderStatus, string> = { reserved: 'waiting', placed: 'waiting', fulfilled: 'done', cancelled: 'over', refused: 'stopped' };

export function OrderStatusChip({ status }: { status: OrderStatus }) {
  return (
    <Text className={`order-status is-${tones[status]}`} data-status={status}>
      {orderStatusLabels[status]}
    </Text>
  );
}

/** One 积分超市 order: what, how many, for how many points, and where it stands; actions go underneath. */
export function OrderCard({ order, showBuyer = false, children }: { order: MallOrderView; showBuyer?: boolean; children?: ReactNode }) {
  const when = order.fulfilledAt ?? order.cancelledAt ?? order.createdAt;
  return (
    <View className="card order-card" data-order-id={order.id}>
      <View className="order-card__top">
        <Text className="order-card__name">
          {order.itemName} × {order.qty}
        </Text>
        <OrderStatusChip status={order.status} />
      </View>
      <View className="order-card__meta">
        <Text className="order-card__amount">
          {order.amount} {assetShort[order.asset]}积分
        </Text>
        <Text>{[showBuyer ? order.buyerName : '', formatDateTime(when)].filter(Boolean).join(' · ')}</Text>
      </View>
      {order.status === 'placed' && !showBuyer && <Text className="order-card__hint">请到社区服务站领取，工作人员确认后完成兑换</Text>}
      {order.cancelReason && <Text className="order-card__hint">取消原因：{order.cancelReason}（积分已退回）</Text>}
      {children && <View className="order-card__actions">{children}</View>}
    </View>
  );
}
