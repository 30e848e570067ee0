import { Picker, Text, View } from '@tarojs/components';
import { monthLabel } from '../../utils/month';
import './index.scss';

interface Props {
  months: string[];
  value: string | null;
  onChange: (month: string) => void;
}

/** A cell that opens the system picker over the given months (newest first). */
export function MonthPicker({ months, value, onChange }: Props) {
  return (
    <Picker
      mode="selector"
      range={months.map(monthLabel)}
      value={Math.max(0, value ? months.indexOf(value) : 0)}
      onChange={(e) => onChange(months[Number(e.detail.value)] ?? months[0])}
      disabled={months.length === 0}
    >
      <View className="month-picker cell cell--link">
        <Text className="cell__body month-picker__label">月份</Text>
        <Text className="month-picker__value">{value ? monthLabel(value) : '—'}</Text>
      </View>
    </Picker>
  );
}
