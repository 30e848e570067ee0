import { Text, View } from '@tarojs/components';
import type { Done } from './admin-submit';
import './index.scss';

/** What the last save did, kept on screen (a toast fades before the admin can read it back). */
export function DoneCard({ done }: { done: Done | null }) {
  if (!done) return null;
  return (
    <View className="admin-done">
      <Text className="admin-done__title">{done.title}</Text>
      {done.detail && <Text className="admin-done__detail">{done.detail}</Text>}
    </View>
  );
}
