import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { WishView } from '../../shared/contract/wish';
import { timeAgo } from '../../utils/time-ago';
import { WishStatusChip } from '../wish-status';
import './index.scss';

interface Props {
  wish: WishView;
  /** Lists of one's own wishes show the status; the wall shows only open wishes, so it does not. */
  showStatus?: boolean;
  /** The full description and photos (review queue); lists show two lines. */
  full?: boolean;
  children?: ReactNode;
}

export function WishCard({ wish, showStatus = false, full = false, children }: Props) {
  const who = [wish.resident.name, wish.resident.building].filter(Boolean).join(' · ');
  return (
    <View className="card wish-card" data-wish-id={wish.id}>
      <View className="wish-card__top">
        <Text className="tag">{wish.categoryName}</Text>
        {showStatus && <WishStatusChip status={wish.status} />}
        {wish.points !== null && <Text className="wish-card__points">+{wish.points} 积分</Text>}
      </View>
      <Text className="wish-card__title">{wish.title}</Text>
      <Text className={`wish-card__desc${full ? '' : ' is-clamped'}`}>{wish.description}</Text>
      {full && wish.photos.length > 0 && (
        <View className="wish-card__photos">
          {wish.photos.map((p) => (p.url ? <Image key={p.fileID} className="wish-card__photo" src={p.url} mode="aspectFill" /> : null))}
        </View>
      )}
      {wish.preferredTime && <Text className="wish-card__time-wanted">期望时间：{wish.preferredTime}</Text>}
      {wish.status === 'rejected' && wish.rejectReason && <Text className="wish-card__reason">未通过原因：{wish.rejectReason}</Text>}
      <View className="wish-card__meta">
        <Text className="wish-card__who">{who}</Text>
        <Text className="wish-card__time">{timeAgo(wish.createdAt)}</Text>
      </View>
      {children}
    </View>
  );
}
