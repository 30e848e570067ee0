import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** A second line under the label (the deadline an urgency means). */
  note?: string;
}

/** A wrapping group of choices, one of which is picked (a category, the urgency, a rating, a level). */
export function ChoiceChips<T extends string>({
  choices,
  value,
  onChange,
  name,
}: {
  choices: Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  name?: string;
}) {
  return (
    <View className={`choice-chips${name ? ` choice-chips--${name}` : ''}`}>
      {choices.map((c) => (
        <View
          key={c.value}
          className={`choice-chips__chip${c.value === value ? ' is-on' : ''}`}
          data-value={c.value}
          onClick={() => onChange(c.value)}
        >
          <Text className="choice-chips__label">{c.label}</Text>
          {c.note && <Text className="choice-chips__note">{c.note}</Text>}
        </View>
      ))}
    </View>
  );
}
