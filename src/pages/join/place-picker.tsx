import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';

export type Place = NonNullable<Output<'user.joinPlaces'>['place']>;
type Unit = Output<'user.joinPlaces'>['items'][number];

/** One level of the tree (a community's grids, a grid's buildings): read when the level above is chosen. */
function Level({ title, parentId, value, onPick }: { title: string; parentId: string | null; value: Unit | null; onPick: (unit: Unit) => void }) {
  const units = useRemote(() => call('user.joinPlaces', { ...(parentId ? { parentId } : {}), limit: 50 }), parentId ?? 'top');
  return (
    <View className="join-place__level">
      <Text className="join-place__title">{title}</Text>
      {units.state === 'loading' && <Loading />}
      {units.state === 'error' && <ErrorView error={units.error} onRetry={units.reload} />}
      {units.data && units.data.items.length === 0 && <Text className="join-place__empty">这里还没有登记的下一级，请联系社区工作人员。</Text>}
      {units.data && units.data.items.length > 0 && (
        <ChoiceChips
          name={title}
          choices={units.data.items.map((u) => ({ value: u.id, label: u.name }))}
          value={value?.id ?? ''}
          onChange={(id) => onPick(units.data!.items.find((u) => u.id === id)!)}
        />
      )}
    </View>
  );
}

/** 社区 → 网格 → 楼栋 by hand, for a newcomer without a building code; each choice opens the next level. */
export function PlacePicker({ onPicked }: { onPicked: (place: Place | null) => void }) {
  const [community, setCommunity] = useState<Unit | null>(null);
  const [grid, setGrid] = useState<Unit | null>(null);
  const [building, setBuilding] = useState<Unit | null>(null);
  const pickBuilding = (b: Unit) => {
    setBuilding(b);
    if (community && grid)
      onPicked({
        communityId: community.id,
        communityName: community.name,
        gridId: grid.id,
        gridName: grid.name,
        buildingId: b.id,
        buildingName: b.name,
      });
  };
  return (
    <View className="card join-place">
      <Level
        title="社区"
        parentId={null}
        value={community}
        onPick={(c) => {
          setCommunity(c);
          setGrid(null);
          setBuilding(null);
          onPicked(null);
        }}
      />
      {community && (
        <Level
          title="网格"
          parentId={community.id}
          value={grid}
          onPick={(g) => {
            setGrid(g);
            setBuilding(null);
            onPicked(null);
          }}
        />
      )}
      {grid && <Level title="楼栋" parentId={grid.id} value={building} onPick={pickBuilding} />}
    </View>
  );
}
