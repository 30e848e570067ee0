import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useSubmit } from '../../hooks/use-submit';
import type { WishView } from '../../shared/contract/wish';
import { afterFailure } from '../../utils/action-hints';
import { ActionButton } from '../action-button';
import './index.scss';

interface Category {
  minPoints: number;
  maxPoints: number;
}

interface Props {
  wish: WishView;
  category?: Category;
  /** Decided: the wish as the reply tells it, so the caller shows it without reading it again. */
  onDone: (text: string, wish: WishView) => void;
  /** Someone else already decided (or the wish was withdrawn): the caller shows the current state and says why. */
  onStale: (failure: { code: string; message: string }) => void;
}

/** 组织建单: approve with points inside the category's range, or reject with a reason the resident will read. */
export function ReviewActions({ wish, category, onDone, onStale }: Props) {
  const approve = useSubmit('wish.approve');
  const reject = useSubmit('wish.reject');
  const [points, setPoints] = useState(String(category?.minPoints ?? ''));
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const busy = approve.submitting || reject.submitting;
  const failure = approve.failure ?? reject.failure;
  const hint = failure ? afterFailure(failure.code).hint : null;
  const pointsText = points || String(category?.minPoints ?? '');

  function staleCheck(failure: { code: string; message: string }) {
    if (afterFailure(failure.code).refresh) onStale(failure);
  }

  async function onApprove() {
    const reply = await approve.submit({ wishId: wish.id, points: Number(pointsText) });
    if (reply?.ok) onDone('已通过', reply.data.wish);
    else if (reply) staleCheck(reply);
  }

  async function onReject() {
    const reply = await reject.submit({ wishId: wish.id, reason });
    if (reply?.ok) onDone('已驳回', reply.data.wish);
    else if (reply) staleCheck(reply);
  }

  return (
    <View className="review">
      {failure && (
        <Text className="review__error">
          {approve.fieldErrors.points ?? reject.fieldErrors.reason ?? failure.message}
          {hint ? ` ${hint}` : ''}
        </Text>
      )}
      {rejecting ? (
        <View className="review__reject">
          <Textarea
            className="review__reason"
            value={reason}
            placeholder="驳回原因（居民会看到），例如：请补充具体时间"
            placeholderClass="input-placeholder"
            maxlength={200}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className="review__buttons">
            <ActionButton kind="default" size="small" disabled={busy} onClick={() => setRejecting(false)}>
              取消
            </ActionButton>
            <ActionButton kind="warn" size="small" disabled={busy} busy={reject.submitting} onClick={onReject}>
              确认驳回
            </ActionButton>
          </View>
        </View>
      ) : (
        <View className="review__approve">
          <Text className="review__label">奖励积分</Text>
          <Input className="review__points" type="number" value={pointsText} onInput={(e) => setPoints(e.detail.value)} />
          {category && (
            <Text className="review__range">
              {category.minPoints}–{category.maxPoints}
            </Text>
          )}
          <View className="review__buttons">
            <ActionButton kind="warn" size="small" disabled={busy} onClick={() => setRejecting(true)}>
              驳回
            </ActionButton>
            <ActionButton size="small" disabled={busy} busy={approve.submitting} onClick={onApprove}>
              通过
            </ActionButton>
          </View>
        </View>
      )}
    </View>
  );
}
