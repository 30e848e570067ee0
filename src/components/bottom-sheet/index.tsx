import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface Props {
  title: string;
  hint?: string;
  onClose: () => void;
  children: ReactNode;
  /** Pinned under the scrolling body (the sheet's submit button). */
  footer?: ReactNode;
}

/** WeChat's half-screen dialog: tapping the dimmed page or 关闭 dismisses it. */
export function BottomSheet({ title, hint, onClose, children, footer }: Props) {
  return (
    <View className="sheet-mask" onClick={onClose}>
      <View className="sheet" onClick={(e) => e.stopPropagation()}>
        <View className="sheet__header">
          <Text className="sheet__title">{title}</Text>
          <Text className="sheet__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        {hint && <Text className="sheet__hint">{hint}</Text>}
        <View className="sheet__body">{children}</View>
        {footer && <View className="sheet__footer">{footer}</View>}
      </View>
    </View>
  );
}
