import { Text, View } from '@tarojs/components';
import type { Failure } from '../../hooks/use-outcome';
import { afterFailure } from '../../utils/action-hints';
import './index.scss';

/** A failed step said where the user just tapped: the server's message, then what to do about it. */
export function NoticeBanner({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  const { hint } = afterFailure(failure.code);
  return (
    <View className="banner-error" data-code={failure.code}>
      <Text className="notice-banner__message">{failure.message}</Text>
      {hint && <Text className="notice-banner__hint">{hint}</Text>}
    </View>
  );
}
