import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../components/choice-chips';
import { buildingChoice, type PlaceGrid } from '../../utils/petition-place';

interface Props {
  grids: PlaceGrid[];
  gridId: string;
  buildingId: string;
  /** The caller's own building, marked （我住） so it is found at a glance. */
  homeId: string | null;
  onChange: (gridId: string, buildingId: string) => void;
}

/** 选择楼栋: the grid, then a building in it; one grid only (a grid worker's 代办) skips the first step. */
export function BuildingPicker({ grids, gridId, buildingId, homeId, onChange }: Props) {
  const { grid } = buildingChoice({ gridId, buildingId }, grids);
  if (!grid) return <Text className="petition-new__sub-label">社区还没有登记楼栋，请用当前位置</Text>;
  return (
    <View className="petition-new__buildings">
      {grids.length > 1 && (
        <>
          <Text className="petition-new__sub-label">网格</Text>
          <ChoiceChips name="grid" choices={grids.map((g) => ({ value: g.id, label: g.name }))} value={grid.id} onChange={(id) => onChange(id, '')} />
        </>
      )}
      <Text className="petition-new__sub-label">{grids.length > 1 ? '楼栋' : `楼栋（${grid.name}）`}</Text>
      <ChoiceChips
        name="building"
        choices={grid.buildings.map((b) => ({ value: b.id, label: b.id === homeId ? `${b.name}（我住）` : b.name }))}
        value={buildingId}
        onChange={(id) => onChange(grid.id, id)}
      />
    </View>
  );
}
