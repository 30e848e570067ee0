import { Text, View } from '@tarojs/components';
import type { RosterItem } from './use-roster';

/** One person of the roster: name and phone (masked unless the viewer is an admin), where they live, their tags. */
export function EntryRow({ entry, onCare }: { entry: RosterItem; onCare?: () => void }) {
  const place = [entry.buildingName, entry.unit && `${entry.unit}单元`, entry.room].filter(Boolean).join(' ');
  return (
    <View className="roster-entry">
      <View className="roster-entry__head">
        <Text className="roster-entry__name">{entry.name}</Text>
        <Text className="roster-entry__phone">{entry.phone ?? '无手机号'}</Text>
      </View>
      {onCare && (
        <Text className="roster-entry__care is-link" onClick={onCare}>
          走访卡片 ›
        </Text>
      )}
      <Text className="roster-entry__place">
        {entry.gridName} · {place}
      </Text>
      {(entry.tags.length > 0 || entry.linked) && (
        <View className="roster-entry__tags">
          {entry.linked && <Text className="tag roster-entry__joined">已注册</Text>}
          {entry.tags.map((t) => (
            <Text key={t} className="tag">
              {t}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
