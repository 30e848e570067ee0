import { Text, View } from '@tarojs/components';
import { Children, type ReactNode } from 'react';
import type { Notice } from '../../hooks/use-outcome';
import './index.scss';

/**
 * Pinned to the bottom, as WeChat pages put their main action: the outcome of the last step (what happened,
 * what to do now), then the buttons. Nothing shows when there is nothing to do or say.
 */
export function PetitionBar({ notice, children }: { notice: Notice | null; children?: ReactNode }) {
  const buttons = Children.toArray(children);
  if (!notice && buttons.length === 0) return null;
  return (
    <View className="petition-bar">
      {notice && (
        <View className="petition-bar__notice" data-code={notice.code}>
          <Text className="petition-bar__message">{notice.message}</Text>
          {notice.hint && <Text className="petition-bar__hint">{notice.hint}</Text>}
        </View>
      )}
      {buttons.length > 0 && <View className="petition-bar__buttons">{buttons}</View>}
    </View>
  );
}

/** One button of the bar (a button and the sheet it opens); `name` marks it for styling and tests. */
export function BarItem({ name, children }: { name: string; children: ReactNode }) {
  return <View className={`petition-bar__item petition-bar__item--${name}`}>{children}</View>;
}

/** The page's padding under its last card, so the pinned bar never hides it. */
export const barPadding = 'has-petition-bar';
