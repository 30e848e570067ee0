import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { ReviewActions } from '../../components/review-actions';
import { WishCard } from '../../components/wish-card';
import type { WishView } from '../../shared/contract/wish';

interface Category {
  id: string;
  minPoints: number;
  maxPoints: number;
}

interface Props {
  category: Category | undefined;
  kind: 'review' | 'dispatch';
  wish: WishView;
  focused: boolean;
  onDone: (text: string, wish: WishView) => void;
  onStale: (failure: { code: string; message: string }) => void;
  onDispatch: (wish: WishView) => void;
}

/** One wish waiting for the organiser: full details and contacts, and the decision to take on it. */
export function QueueItem({ category, kind, wish, focused, onDone, onStale, onDispatch }: Props) {
  const contact = [wish.resident.phone, wish.resident.room].filter(Boolean).join(' · ') || '未登记';
  return (
    <WishCard wish={wish} full showStatus onOpen focused={focused}>
      <View className="queue__contact">
        <Text>联系方式：{contact}</Text>
        {wish.heldForReview && <Text className="queue__flag">内容需人工复核</Text>}
      </View>
      {kind === 'review' ? (
        <ReviewActions wish={wish} category={category} onDone={onDone} onStale={onStale} />
      ) : (
        <View className="queue__dispatch">
          <Text className={`queue__waiting${wish.unclaimedTooLong ? ' is-overdue' : ''}`}>
            {wish.unclaimedTooLong ? '已超时，仍无人认领' : '已发布，等待认领'}
          </Text>
          <ActionButton size="small" onClick={() => onDispatch(wish)}>
            派单
          </ActionButton>
        </View>
      )}
    </WishCard>
  );
}
