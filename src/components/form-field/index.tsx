import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { lengthCount } from '../../utils/form-errors';
import './index.scss';

/**
 * A labelled form row; its error (the form's own check or the server's) shows under the field it belongs to.
 * `count` ("12/30", see lengthCount) sits by the label and turns red when the text is over the limit.
 */
export function FormField(props: { label: string; error?: string; hint?: string; count?: { text: string; over: boolean }; children: ReactNode }) {
  const { label, error, hint, count, children } = props;
  return (
    <View className={`form-field${error ? ' has-error' : ''}`}>
      <View className="form-field__head">
        <Text className="form-field__label">{label}</Text>
        {count && <Text className={`form-field__count${count.over ? ' is-over' : ''}`}>{count.text}</Text>}
      </View>
      <View className="form-field__control">{children}</View>
      {error ? <Text className="form-field__error">{error}</Text> : hint ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  );
}

/** A labelled one-line text or number input, the usual row of the staff forms; a text limit shows as a counter. */
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
    <FormField label={label} error={error} hint={hint} count={maxlength && type === 'text' ? lengthCount(value, maxlength) : undefined}>
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

/** The banner after a tap on 提交 with problems left: all of them, so none is found only on the next try. */
export function FormErrorBanner({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <View className="banner-error form-error-banner">
      <Text className="form-error-banner__title">{`还有 ${errors.length} 处需要修改：`}</Text>
      {errors.map((message, i) => (
        <Text key={`${i}-${message}`} className="form-error-banner__item">
          {`· ${message}`}
        </Text>
      ))}
    </View>
  );
}
