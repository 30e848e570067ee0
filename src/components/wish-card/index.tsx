import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { WishView } from '../../shared/contract/wish';
import { timeAgo } from '../../utils/time-ago';
import { PhotoGrid } from '../photo-grid';
import { WishStatusChip } from '../wish-status';
import './index.scss';

interface Props {
  wish: WishView;
  /** Lists of one's own wishes show the status; the wall shows only open wishes, so it does not. */
  showStatus?: boolean;
  /** The full description and photos (review queue); lists show two lines. */
  full?: boolean;
  /** Tapping the card opens the wish's detail page. */
  onOpen?: boolean;
  /** Marks the card the user came for (a notice linked to it). */
  focused?: boolean;
  /** Actions under the card; taps on them never open the detail page. */
  children?: ReactNode;
}

export function openWish(id: string): void {
  void Taro.navigateTo({ url: `/pages/wish-detail/index?id=${encodeURIComponent(id)}` });
}

/** Hourly wishes pay for the time served, so the wall promises the most, not a fixed sum. */
export function pointsBadge(wish: Pick<WishView, 'points' | 'offer'>): string {
  return wish.offer?.mode === 'hourly' ? `最多 +${wish.points} 积分` : `+${wish.points} 积分`;
}

export function WishCard({ wish, showStatus = false, full = false, onOpen = false, focused = false, children }: Props) {
  const who = [wish.resident.name, wish.resident.building].filter(Boolean).join(' · ');
  const classes = ['card', 'wish-card', onOpen ? 'is-link' : '', focused ? 'is-focused' : ''].filter(Boolean).join(' ');
  return (
    <View className={classes} data-wish-id={wish.id} onClick={onOpen ? () => openWish(wish.id) : undefined}>
      <View className="wish-card__top">
        <Text className="tag">{wish.categoryName}</Text>
        {showStatus && <WishStatusChip status={wish.status} />}
        {wish.unclaimedTooLong && <Text className="tag tag--overdue">超时未认领</Text>}
        {wish.points !== null && <Text className="points-badge">{pointsBadge(wish)}</Text>}
      </View>
      <Text className="wish-card__title">{wish.title}</Text>
      {wish.offer && wish.status === 'approved' && <Text className="wish-card__offer">{wish.offer.text}</Text>}
      <Text className={`wish-card__desc${full ? '' : ' is-clamped'}`}>{wish.description}</Text>
      {full && <PhotoGrid photos={wish.photos} />}
      {wish.preferredTime && <Text className="wish-card__time-wanted">期望时间：{wish.preferredTime}</Text>}
      {wish.status === 'rejected' && wish.rejectReason && <Text className="wish-card__reason">未通过原因：{wish.rejectReason}</Text>}
      <View className="wish-card__meta">
        <Text className="wish-card__who">{who}</Text>
        {wish.claimant && <Text className="wish-card__claimant">认领：{wish.claimant.name}</Text>}
        <Text className="wish-card__time">{timeAgo(wish.createdAt)}</Text>
      </View>
      {children && <View onClick={(e) => e.stopPropagation()}>{children}</View>}
    </View>
  );
}
