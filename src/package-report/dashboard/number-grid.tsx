import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { casesUrl, type CasesLink } from './period';

export interface StatItem {
  label: string;
  value: string;
  note?: string;
  /** The cases behind the number, when there is a list behind it. */
  link?: CasesLink;
}

/** A number that opens the cases behind it (when there is a list behind it). */
function Stat({ label, value, note, link }: StatItem) {
  return (
    <View
      className={`dash-stat${link ? ' dash-stat--link' : ''}`}
      onClick={link ? () => void Taro.navigateTo({ url: casesUrl(link) }) : undefined}
      data-metric={link?.metric}
    >
      <Text className="dash-stat__value">{value}</Text>
      <Text className="dash-stat__label">{label}</Text>
      {note && <Text className="dash-stat__note">{note}</Text>}
    </View>
  );
}

/** The dashboard's grids of numbers (a category's, the petitions', the wishes'): one markup, two to a row. */
export function NumberGrid({ items }: { items: readonly StatItem[] }) {
  return (
    <View className="dash-grid">
      {items.map((item) => (
        <Stat key={item.label} {...item} />
      ))}
    </View>
  );
}
