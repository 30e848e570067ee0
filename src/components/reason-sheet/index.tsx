import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../action-button';
import { BottomSheet } from '../bottom-sheet';
import './index.scss';

interface Props {
  title: string;
  hint?: string;
  placeholder: string;
  /** Whether a reason must be written (the server asks for at least 2 characters). */
  required: boolean;
  submitText: string;
  kind?: 'primary' | 'warn';
  busy: boolean;
  /** The last failure, shown in the sheet; the written reason stays for another try. */
  error: string | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

/** A sheet asking why (放弃认领, 撤回): one text box and one button. */
export function ReasonSheet({ title, hint, placeholder, required, submitText, kind = 'primary', busy, error, onSubmit, onClose }: Props) {
  const [reason, setReason] = useState('');
  const missing = required && reason.trim().length < 2;
  return (
    <BottomSheet
      title={title}
      hint={hint}
      onClose={onClose}
      footer={
        <ActionButton kind={kind} disabled={missing} busy={busy} onClick={() => onSubmit(reason.trim())}>
          {submitText}
        </ActionButton>
      }
    >
      <View className="reason-sheet">
        <Textarea
          className="reason-sheet__input"
          value={reason}
          maxlength={200}
          placeholder={placeholder}
          placeholderClass="input-placeholder"
          onInput={(e) => setReason(e.detail.value)}
        />
        {error && <Text className="reason-sheet__error">{error}</Text>}
      </View>
    </BottomSheet>
  );
}
