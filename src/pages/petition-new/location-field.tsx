import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import type { Remote } from '../../hooks/use-remote';
import { firstPlace, type Place, type PlaceGrid } from '../../utils/petition-place';
import { BuildingPicker } from './building-picker';
import { PointPicker } from './point-picker';

interface Props {
  /** The grids on offer (see gridsOffered) and the load they came from. */
  grids: PlaceGrid[];
  places: Remote<unknown>;
  me: { gridId: string | null; buildingId: string | null };
  value: Place;
  error?: string;
  onChange: (place: Place) => void;
}

const onMap = process.env.TARO_ENV === 'weapp';

/**
 * 问题位置: a building of the community (the case goes to that building's grid), or where the caller stands
 * (their own grid), found by the phone or picked on WeChat's map. Nobody types coordinates.
 */
export function LocationField({ grids, places, me, value, error, onChange }: Props) {
  // What was chosen on the other side is kept, so looking at the buildings and back costs nothing.
  const [kept, setKept] = useState<Partial<Record<Place['kind'], Place>>>({});
  function choose(kind: Place['kind']) {
    if (kind === value.kind) return;
    setKept({ ...kept, [value.kind]: value });
    onChange(kept[kind] ?? (kind === 'point' ? { kind, fix: null, address: '' } : firstPlace(me)));
  }

  return (
    <FormField label="问题位置" error={error}>
      <ChoiceChips
        name="place"
        choices={[
          { value: 'building', label: '选择楼栋', note: '在楼里或楼旁边' },
          { value: 'point', label: '用当前位置', note: onMap ? '或在地图上选点' : '小区里的其他地方' },
        ]}
        value={value.kind}
        onChange={choose}
      />
      {value.kind === 'building' ? (
        <View className="petition-new__place">
          {places.state === 'error' ? (
            <Text className="petition-new__locate" onClick={() => void places.reload()}>
              楼栋没有加载出来，点此重试
            </Text>
          ) : places.state === 'loading' ? (
            <Text className="petition-new__sub-label">正在加载楼栋…</Text>
          ) : (
            <BuildingPicker
              grids={grids}
              gridId={value.gridId}
              buildingId={value.buildingId}
              homeId={me.buildingId}
              onChange={(gridId, buildingId) => onChange({ ...value, gridId, buildingId })}
            />
          )}
          <Input
            className="petition-new__input petition-new__detail"
            value={value.detail}
            maxlength={50}
            placeholder="具体位置（可选），例如：1单元门口"
            placeholderClass="input-placeholder"
            onInput={(e) => onChange({ ...value, detail: e.detail.value })}
          />
        </View>
      ) : (
        <PointPicker value={value} onMap={onMap} onChange={onChange} />
      )}
    </FormField>
  );
}
