import { Text, View } from '@tarojs/components';
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
