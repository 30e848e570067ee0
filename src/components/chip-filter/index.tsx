import { ScrollView, Text, View } from '@tarojs/components';
import './index.scss';

export interface ChipOption {
  value: string;
  label: string;
}

/** A row of choice chips (WeChat's filter style); `value` '' is the "全部" option. */
export function ChipFilter({ options, value, onChange }: { options: ChipOption[]; value: string; onChange: (value: string) => void }) {
  return (
    <ScrollView scrollX className="chip-filter" enhanced showScrollbar={false}>
      <View className="chip-filter__row">
        {options.map((o) => (
          <Text key={o.value} className={`chip-filter__chip${o.value === value ? ' is-on' : ''}`} onClick={() => onChange(o.value)}>
            {o.label}
          </Text>
        ))}
      </View>
    </ScrollView>
  );
}
