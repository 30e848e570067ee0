import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import type { Output } from '../../shared/contract';
import { assetShort } from '../../utils/points';

export type MallItemView = Output<'mall.listItems'>['items'][number];

/** One item on the shelf: its price in which points, what is left, and 兑换 for those who may order. */
export function ItemCard({ item, canOrder, onOrder }: { item: MallItemView; canOrder: boolean; onOrder: () => void }) {
  const soldOut = item.stock === 0;
  return (
    <View className={`card mall-item${soldOut ? ' is-sold-out' : ''}`} data-item-id={item.id}>
      <View className="mall-item__body">
        <Text className="mall-item__name">{item.name}</Text>
        {item.description && <Text className="mall-item__desc">{item.description}</Text>}
        <View className="mall-item__price">
          <Text className="mall-item__points">{item.price}</Text>
          <Text className="mall-item__asset">{assetShort[item.asset]}积分</Text>
        </View>
      </View>
      <View className="mall-item__side">
        <Text className="mall-item__stock">{soldOut ? '已兑完' : `库存 ${item.stock}`}</Text>
        {canOrder && (
          <ActionButton size="small" disabled={soldOut} onClick={onOrder}>
            兑换
          </ActionButton>
        )}
      </View>
    </View>
  );
}
