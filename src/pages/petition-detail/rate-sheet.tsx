import { Textarea } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { SheetError, SheetForm } from '../../components/sheet-form';
import type { PetitionOutcome } from '../../hooks/use-petition-outcome';
import { useSubmit } from '../../hooks/use-submit';
import { ratingLabels, ratings, type PetitionRating } from '../../shared/domain/petition';

interface Props {
  petitionId: string;
  /** 不满意 sends the case back: once to the level that resolved it, then to the community for review. */
  reopens: number;
  outcome: PetitionOutcome;
  onClose: () => void;
}

/** 评价: 满意 / 基本满意 / 不满意, with a comment that 不满意 must give. */
export function RateSheet({ petitionId, reopens, outcome, onClose }: Props) {
  const rate = useSubmit('petition.rate');
  const [rating, setRating] = useState<PetitionRating | ''>('');
  const [comment, setComment] = useState('');
  const needsComment = rating === 'unsatisfied' && comment.trim().length < 2;

  async function onSubmit() {
    if (!rating) return;
    const reply = await rate.submit({ petitionId, rating, ...(comment.trim() ? { comment } : {}) });
    if (outcome.closesSheet(reply, rating === 'unsatisfied' ? '已退回重办' : '感谢评价', 'rate')) onClose();
  }

  const back = reopens === 0 ? '诉求将退回原办理单位重新办理。' : '诉求将交社区复核。';
  return (
    <BottomSheet
      title="评价办理结果"
      hint="你的评价会记入办理单位的考核。"
      onClose={onClose}
      footer={
        <>
          <SheetError text={rate.fieldErrors.comment ?? rate.failure?.message} />
          <ActionButton disabled={!rating || needsComment} busy={rate.submitting} onClick={onSubmit}>
            {!rating ? '请先选择' : needsComment ? '请说明哪里不满意' : '提交评价'}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="对办理结果" hint={rating === 'unsatisfied' ? back : undefined}>
          <ChoiceChips name="rating" choices={ratings.map((r) => ({ value: r, label: ratingLabels[r] }))} value={rating} onChange={setRating} />
        </FormField>
        <FormField label={rating === 'unsatisfied' ? '哪里不满意（必填）' : '想说的话（可选）'} error={rate.fieldErrors.comment}>
          <Textarea
            className="sheet-form__textarea rate__comment"
            value={comment}
            maxlength={200}
            placeholder={rating === 'unsatisfied' ? '例如：坡道还是有裂缝，轮椅过不去' : '例如：修得很快，谢谢！'}
            placeholderClass="input-placeholder"
            onInput={(e) => setComment(e.detail.value)}
          />
        </FormField>
      </SheetForm>
    </BottomSheet>
  );
}
