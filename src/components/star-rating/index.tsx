import { Text, View } from '@tarojs/components';
import './index.scss';

const words = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

/** 1–5 stars. With `onChange` the stars are tappable (confirming a service); without, they only show a rating. */
export function StarRating({ value, onChange }: { value: number; onChange?: (stars: number) => void }) {
  return (
    <View className={`stars${onChange ? ' stars--input' : ''}`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text key={n} className={`stars__star${n <= value ? ' is-on' : ''}`} data-stars={n} onClick={onChange ? () => onChange(n) : undefined}>
          ★
        </Text>
      ))}
      {value > 0 && <Text className="stars__word">{words[value]}</Text>}
    </View>
  );
}
