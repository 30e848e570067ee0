import { Textarea } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import { SheetError, SheetForm } from '../../components/sheet-form';
import type { DueVisit } from './visit-item';

interface Props {
  visit: DueVisit;
  busy: boolean;
  /** The last failure; what was written stays for another try. */
  error: string | null;
  onSubmit: (note: string, photos: string[]) => void;
  onClose: () => void;
}

/** 记录走访: what was found (at least 2 characters) and up to three photos; the building is the home's. */
export function VisitSheet({ visit, busy, error, onSubmit, onClose }: Props) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const { fileIDs, uploading } = uploaded(photos);
  return (
    <BottomSheet
      title={`走访 ${visit.names[0] ?? ''}家`}
      hint={`${visit.buildingName} ${visit.room}`}
      onClose={onClose}
      footer={
        <ActionButton disabled={note.trim().length < 2 || uploading} busy={busy} onClick={() => onSubmit(note.trim(), fileIDs)}>
          {uploading ? '照片上传中…' : '保存走访记录'}
        </ActionButton>
      }
    >
      <SheetForm>
        <FormField label="走访情况" hint="身体、生活、有没有需要帮忙的事">
          <Textarea
            className="sheet-form__textarea"
            value={note}
            maxlength={300}
            placeholder="例如：身体还好，降压药快吃完了，需要代买"
            placeholderClass="input-placeholder"
            onInput={(e) => setNote(e.detail.value)}
          />
        </FormField>
        <FormField label="照片（可选）">
          <PhotoPicker photos={photos} onChange={setPhotos} max={3} />
        </FormField>
        <SheetError text={error} />
      </SheetForm>
    </BottomSheet>
  );
}
