import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import '../../components/sheet-form/index.scss';
import { StarRating } from '../../components/star-rating';
import { useSubmit } from '../../hooks/use-submit';
import type { StepProps } from './steps';

type SheetProps = StepProps & { onClose: () => void };

/** 完成服务: what was done, with up to six photos as proof; the resident then confirms. */
export function CompleteSheet({ wish, outcome, onClose }: SheetProps) {
  const complete = useSubmit('wish.complete');
  const [proof, setProof] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const { fileIDs, uploading } = uploaded(photos);

  async function onSubmit() {
    const reply = await complete.submit({ wishId: wish.id, proof, photos: fileIDs });
    if (outcome.closesSheet(reply, '已提交', 'complete')) onClose();
  }

  return (
    <BottomSheet
      title="完成服务"
      hint="简单说说做了什么，可附上照片，居民确认后积分计入你的志愿服务积分。"
      onClose={onClose}
      footer={
        <>
          {complete.failure && !complete.fieldErrors.proof && <Text className="sheet-error">{complete.failure.message}</Text>}
          <ActionButton disabled={uploading} busy={complete.submitting} onClick={onSubmit}>
            {uploading ? '图片上传中…' : '提交完成'}
          </ActionButton>
        </>
      }
    >
      <View className="sheet-form">
        <FormField label="服务说明" error={complete.fieldErrors.proof ?? complete.fieldErrors.photos}>
          <Textarea
            className="sheet-form__textarea complete__proof"
            value={proof}
            maxlength={300}
            placeholder="例如：已上门换好灯泡，试过能正常使用"
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setProof(e.detail.value);
              complete.clearField('proof');
            }}
          />
        </FormField>
        <FormField label="照片（可选，最多 6 张）">
          <PhotoPicker photos={photos} onChange={setPhotos} max={6} />
        </FormField>
      </View>
    </BottomSheet>
  );
}

/** 确认并评价: 1–5 stars and an optional word of thanks. */
export function RateSheet({ wish, outcome, onClose }: SheetProps) {
  const confirm = useSubmit('wish.confirm');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');

  async function onSubmit() {
    const reply = await confirm.submit({ wishId: wish.id, rating: stars, ...(comment.trim() ? { comment } : {}) });
    if (outcome.closesSheet(reply, '感谢评价', 'confirm')) onClose();
  }

  return (
    <BottomSheet
      title="确认并评价"
      hint={`${wish.claimant?.name ?? '志愿者'}的服务已完成。确认后，积分将记给帮助你的志愿者。`}
      onClose={onClose}
      footer={
        <>
          {confirm.failure && <Text className="sheet-error">{confirm.fieldErrors.rating ?? confirm.failure.message}</Text>}
          <ActionButton disabled={stars === 0} busy={confirm.submitting} onClick={onSubmit}>
            {stars === 0 ? '请先选择星级' : '确认完成'}
          </ActionButton>
        </>
      }
    >
      <View className="sheet-form">
        <FormField label="服务满意度">
          <StarRating value={stars} onChange={setStars} />
        </FormField>
        <FormField label="想说的话（可选）" error={confirm.fieldErrors.comment}>
          <Textarea
            className="sheet-form__textarea rate__comment"
            value={comment}
            maxlength={200}
            placeholder="例如：小张很热心，谢谢！"
            placeholderClass="input-placeholder"
            onInput={(e) => setComment(e.detail.value)}
          />
        </FormField>
      </View>
    </BottomSheet>
  );
}
