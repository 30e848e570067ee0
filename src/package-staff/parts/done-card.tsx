import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Done {
  title: string;
  detail?: string;
}

/** What the last submission did, kept on screen (a toast fades before staff can read it back). */
export function DoneCard({ done }: { done: Done | null }) {
  if (!done) return null;
  return (
    <View className="staff-done">
      <Text className="staff-done__title">{done.title}</Text>
      {done.detail && <Text className="staff-done__detail">{done.detail}</Text>}
    </View>
  );
}
