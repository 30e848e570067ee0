import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { Output } from '../../shared/contract';
import { assetShort } from '../../utils/points';

export type MallItemView = Output<'mall.listItems'>['items'][number];

/** The item's picture, or its first character on a tint of its points' colour when it has none (or it fails to load). */
function ItemPhoto({ item }: { item: MallItemView }) {
  const [failed, setFailed] = useState(false);
  if (!item.photoUrl || failed) {
    return (
      <View className={`mall-item__photo is-empty is-${item.asset}`}>
        <Text className="mall-item__initial">{Array.from(item.name)[0] ?? ''}</Text>
      </View>
    );
  }
  return <Image className="mall-item__photo" src={item.photoUrl} mode="aspectFill" lazyLoad onError={() => setFailed(true)} />;
}

/** One item on the shelf: its price in which points, what is left, and 兑换 for those who may order. */
export function ItemCard({ item, canOrder, onOrder }: { item: MallItemView; canOrder: boolean; onOrder: () => void }) {
  const soldOut = item.stock === 0;
  return (
    <View className={`card mall-item${soldOut ? ' is-sold-out' : ''}`} data-item-id={item.id}>
      <ItemPhoto key={item.photoUrl ?? ''} item={item} />
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
