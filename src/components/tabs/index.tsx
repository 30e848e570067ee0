import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Tab<T extends string> {
  value: T;
  label: string;
}

/** A segmented switch between views of one list (进行中 / 已完成, 待审核 / 待派单). */
export function Tabs<T extends string>({ tabs, value, onChange }: { tabs: Tab<T>[]; value: T; onChange: (value: T) => void }) {
  return (
    <View className="tabs">
      {tabs.map((t) => (
        <Text key={t.value} className={`tabs__tab${t.value === value ? ' is-on' : ''}`} onClick={() => onChange(t.value)}>
          {t.label}
        </Text>
      ))}
    </View>
  );
}
