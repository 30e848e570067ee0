import { Textarea } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import { SheetError, SheetForm } from '../../components/sheet-form';
import { useSubmit } from '../../hooks/use-submit';
import type { StepProps } from './steps';

/**
 * 办结反馈: what was done, for the resident to rate. At the grid (当场办结) photos from before and after are
 * the proof; higher levels attach whatever shows the result.
 */
export function ResolveSheet({ petition, outcome, onClose }: StepProps & { onClose: () => void }) {
  const resolve = useSubmit('petition.resolve');
  const [feedback, setFeedback] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [before, setBefore] = useState<Photo[]>([]);
  const [after, setAfter] = useState<Photo[]>([]);
  const atGrid = petition.level === 'grid';
  const sets = [uploaded(photos), uploaded(before), uploaded(after)];
  const uploading = sets.some((s) => s.uploading);
  const missingPhotos = atGrid && (sets[1].fileIDs.length === 0 || sets[2].fileIDs.length === 0);

  async function onSubmit() {
    const [p, b, a] = sets.map((s) => s.fileIDs);
    const reply = await resolve.submit({ petitionId: petition.id, feedback, photos: p, beforePhotos: b, afterPhotos: a });
    if (outcome.closesSheet(reply, '已办结', 'resolve')) onClose();
  }

  const errors = resolve.fieldErrors;
  return (
    <BottomSheet
      title={atGrid ? '当场办结' : '办结反馈'}
      hint="办理结果会告知居民和附议的邻居，请居民评价。"
      onClose={onClose}
      footer={
        <>
          <SheetError text={errors.feedback ? null : resolve.failure?.message} />
          <ActionButton disabled={uploading || missingPhotos} busy={resolve.submitting} onClick={onSubmit}>
            {uploading ? '图片上传中…' : missingPhotos ? '请上传处理前后的照片' : '提交办理结果'}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="办理结果" error={errors.feedback}>
          <Textarea
            className="sheet-form__textarea resolve__feedback"
            value={feedback}
            maxlength={500}
            placeholder="例如：已联系施工队重新铺设坡道，周三完工，轮椅可以通行"
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setFeedback(e.detail.value);
              resolve.clearField('feedback');
            }}
          />
        </FormField>
        {atGrid ? (
          <>
            <FormField label="处理前（必传，最多 3 张）" error={errors.beforePhotos}>
              <PhotoPicker photos={before} onChange={setBefore} max={3} />
            </FormField>
            <FormField label="处理后（必传，最多 3 张）" error={errors.afterPhotos}>
              <PhotoPicker photos={after} onChange={setAfter} max={3} />
            </FormField>
          </>
        ) : (
          <FormField label="照片（可选，最多 6 张）" error={errors.photos}>
            <PhotoPicker photos={photos} onChange={setPhotos} max={6} />
          </FormField>
        )}
      </SheetForm>
    </BottomSheet>
  );
}
