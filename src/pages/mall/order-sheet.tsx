import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { NoticeBanner } from '../../components/notice-banner';
import { OrderCard, type MallOrderView } from '../../components/order-card';
import { useSubmit } from '../../hooks/use-submit';
import { afterFailure } from '../../utils/action-hints';
import { assetShort } from '../../utils/points';
import type { MallItemView } from './item-card';

/** The contract's most per order. */
const MAX_QTY = 10;

interface Props {
  item: MallItemView;
  /** The buyer's spendable points of the item's kind. */
  spendable: number;
  /** The order went through: the page shows what it took from the shelf and the wallet. */
  onOrdered: (order: MallOrderView) => void;
  /** Stock or points ran out meanwhile: the page reads them again. */
  onStale: () => void;
  onClose: () => void;
}

/** 兑换: pick a quantity, see the cost against what can be spent, order; then the order's state. */
export function OrderSheet({ item, spendable, onOrdered, onStale, onClose }: Props) {
  const order = useSubmit('mall.order');
  const [qty, setQty] = useState(1);
  const [placed, setPlaced] = useState<MallOrderView | null>(null);
  const most = Math.max(1, Math.min(MAX_QTY, item.stock));
  const cost = item.price * qty;
  const short = cost - spendable;
  const kind = `${assetShort[item.asset]}积分`;

  async function onSubmit() {
    const reply = await order.submit({ itemId: item.id, qty });
    if (!reply) return;
    if (reply.ok) {
      setPlaced(reply.data.order);
      onOrdered(reply.data.order);
    } else if (afterFailure(reply.code).refresh) onStale();
  }

  if (placed) {
    return (
      <BottomSheet
        title={placed.status === 'placed' ? '兑换成功' : '兑换结果'}
        onClose={onClose}
        footer={
          <ActionButton kind="default" onClick={() => void Taro.redirectTo({ url: '/pages/points/index?tab=orders' })}>
            查看我的兑换
          </ActionButton>
        }
      >
        <OrderCard order={placed} />
      </BottomSheet>
    );
  }

  return (
    <BottomSheet
      title={`兑换「${item.name}」`}
      hint={`每件 ${item.price} ${kind}，库存 ${item.stock} 件，一次最多 ${MAX_QTY} 件。`}
      onClose={onClose}
      footer={
        <ActionButton disabled={short > 0 || item.stock === 0} busy={order.submitting} onClick={onSubmit}>
          {`用 ${cost} 积分兑换`}
        </ActionButton>
      }
    >
      <NoticeBanner failure={order.failure} />
      <View className="card order-sheet">
        <View className="order-sheet__row">
          <Text className="order-sheet__label">数量</Text>
          <View className="stepper">
            <Text className={`stepper__button${qty <= 1 ? ' is-off' : ''}`} onClick={() => setQty((n) => Math.max(1, n - 1))}>
              −
            </Text>
            <Text className="stepper__value">{qty}</Text>
            <Text className={`stepper__button${qty >= most ? ' is-off' : ''}`} onClick={() => setQty((n) => Math.min(most, n + 1))}>
              +
            </Text>
          </View>
        </View>
        <View className="order-sheet__row">
          <Text className="order-sheet__label">合计</Text>
          <Text className="order-sheet__cost">
            {cost} {kind}
          </Text>
        </View>
        <Text className={`order-sheet__balance${short > 0 ? ' is-short' : ''}`}>
          {short > 0 ? `你的${kind}可用 ${spendable} 分，还差 ${short} 分` : `你的${kind}可用 ${spendable} 分，兑换后剩 ${-short} 分`}
        </Text>
      </View>
    </BottomSheet>
  );
}
