import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** The fields of a bottom sheet, on one rounded card. */
export function SheetForm({ children }: { children: ReactNode }) {
  return <View className="sheet-form">{children}</View>;
}

/** A failed submission, above the sheet's button; the input stays for another try. */
export function SheetError({ text }: { text: string | null | undefined }) {
  return text ? <Text className="sheet-error">{text}</Text> : null;
}
