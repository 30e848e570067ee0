import { Text, View } from '@tarojs/components';
import './index.scss';

export interface TimelineEntry {
  key: string;
  /** The step's stable name (data-event), for styling and tests. */
  event: string;
  title: string;
  /** A small mark beside the title (自动升级). */
  badge?: string | null;
  /** A second line under the title: who did it. */
  by?: string | null;
  note?: string | null;
  when: string;
}

/** 处理记录: the steps of a wish or a petition, newest first; the newest dot is green, badged steps orange. */
export function Timeline({ heading, entries }: { heading: string; entries: TimelineEntry[] }) {
  return (
    <View className="card timeline">
      <Text className="timeline__heading">{heading}</Text>
      {entries.map((e, i) => (
        <View key={e.key} className={`timeline__item${i === 0 ? ' is-latest' : ''}${e.badge ? ' is-badged' : ''}`} data-event={e.event}>
          <View className="timeline__dot" />
          <View className="timeline__content">
            <View className="timeline__title">
              <Text className="timeline__what">{e.title}</Text>
              {e.badge && <Text className="timeline__badge">{e.badge}</Text>}
            </View>
            {e.by && <Text className="timeline__by">{e.by}</Text>}
            {e.note && <Text className="timeline__note">{e.note}</Text>}
            <Text className="timeline__when">{e.when}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
