import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** A labelled form row; an error from the server's BAD_INPUT issues shows under the field it belongs to. */
export function FormField({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className={`form-field${error ? ' has-error' : ''}`}>
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__control">{children}</View>
      {error ? <Text className="form-field__error">{error}</Text> : hint ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  );
}

/** A labelled one-line text or number input, the usual row of the staff forms. */
export function InputField(props: {
  label: string;
  error?: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  type?: 'text' | 'number';
  maxlength?: number;
}) {
  const { label, error, hint, value, onChange, placeholder, type = 'text', maxlength } = props;
  return (
    <FormField label={label} error={error} hint={hint}>
      <Input
        className="staff-input"
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="input-placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
    </FormField>
  );
}
