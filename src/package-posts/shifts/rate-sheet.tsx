import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { StarRating } from '../../components/star-rating';

/** 服务评价: 1–5 stars and an optional comment for one shift. */
export function RateSheet(props: {
  holderName: string;
  busy: boolean;
  error: string | null;
  onSubmit: (stars: number, comment: string) => void;
  onClose: () => void;
}) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <BottomSheet
      title={`评价 ${props.holderName} 的服务`}
      hint="点星星打分，5 星最满意"
      onClose={props.onClose}
      footer={
        <ActionButton disabled={stars === 0} busy={props.busy} onClick={() => props.onSubmit(stars, comment.trim())}>
          提交评价
        </ActionButton>
      }
    >
      <View className="reason-sheet">
        <StarRating value={stars} onChange={setStars} />
        <Textarea
          className="reason-sheet__input"
          value={comment}
          maxlength={100}
          placeholder="说说服务怎么样（可不填）"
          placeholderClass="input-placeholder"
          onInput={(e) => setComment(e.detail.value)}
        />
        {props.error && <Text className="reason-sheet__error">{props.error}</Text>}
      </View>
    </BottomSheet>
  );
}
