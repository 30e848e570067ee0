import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Output } from '../../shared/contract';
import { shopCategoryLabels } from '../../shared/domain/merchant';
import { starsOf } from '../../utils/points';

export type PublicShop = Output<'shop.listVirtue'>['items'][number];

/** A shop as residents see it: name, kind, star level, shop points and how people rated it. */
export function ShopCard({ shop, rank, onClick, children }: { shop: PublicShop; rank?: number; onClick?: () => void; children?: ReactNode }) {
  return (
    <View className="card shop-card" data-shop={shop.id} onClick={onClick}>
      <View className="shop-card__head">
        {rank !== undefined && <Text className={`shop-card__rank${rank <= 3 ? ' is-top' : ''}`}>{rank}</Text>}
        <Text className="shop-card__name">{shop.name}</Text>
        <Text className="tag">{shopCategoryLabels[shop.category]}</Text>
      </View>
      <View className="shop-card__level">
        <Text className="shop-card__stars">{starsOf(shop.level.stars)}</Text>
        <Text className="shop-card__level-name">{shop.level.name}</Text>
        <Text className="shop-card__points">{shop.points} 分</Text>
      </View>
      <Text className="shop-card__meta">
        {shop.address} ·{' '}
        {shop.ratingCount > 0 && shop.ratingAvg !== null ? `评分 ${shop.ratingAvg.toFixed(1)}（${shop.ratingCount} 人）` : '暂无评价'}
      </Text>
      {children}
    </View>
  );
}
