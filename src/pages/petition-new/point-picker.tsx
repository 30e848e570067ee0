import { Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { Place } from '../../utils/petition-place';
import { currentPosition, pickOnMap } from './locate';

type Point = Extract<Place, { kind: 'point' }>;
type State = 'locating' | 'found' | 'picked' | 'failed';

interface Props {
  value: Point;
  /** WeChat's map picker is there (weapp). */
  onMap: boolean;
  onChange: (point: Point) => void;
}

function says(state: State, accuracy: number | null): string {
  switch (state) {
    case 'locating':
      return '正在取得你的位置…';
    case 'found':
      return `已取得当前位置${accuracy ? `（误差约 ${Math.round(accuracy)} 米）` : ''}`;
    case 'picked':
      return '已在地图上选点';
    case 'failed':
      return '没有取到位置：请允许使用位置信息后点「重新定位」，或改选楼栋';
  }
}

/** 用当前位置: asked for as soon as the caller chooses it; on WeChat the map picker is the other way. */
export function PointPicker({ value, onMap, onChange }: Props) {
  const [state, setState] = useState<State>(value.fix ? 'found' : 'locating');
  const [accuracy, setAccuracy] = useState<number | null>(null);
  // An answer arriving after the caller switched back to the buildings must not bring the point back.
  const latest = useRef({ value, mounted: true });
  latest.current.value = value;
  useEffect(() => {
    latest.current.mounted = true;
    if (!latest.current.value.fix) void locate();
    return () => {
      latest.current.mounted = false;
    };
  }, []);

  async function locate() {
    setState('locating');
    try {
      const found = await currentPosition();
      if (!latest.current.mounted) return;
      setAccuracy(found.accuracy);
      setState('found');
      onChange({ ...latest.current.value, fix: { latitude: found.latitude, longitude: found.longitude } });
    } catch {
      setState('failed');
    }
  }

  async function pick() {
    const picked = await pickOnMap().catch(() => undefined);
    if (picked === null || !latest.current.mounted) return;
    if (!picked) return setState('failed');
    setState('picked');
    const address = latest.current.value.address.trim() ? latest.current.value.address : picked.name;
    onChange({ kind: 'point', fix: picked.fix, address });
  }

  return (
    <View className="petition-new__place petition-new__point">
      <View className="petition-new__fix" data-state={state}>
        <Text className="petition-new__fix-text">{says(state, accuracy)}</Text>
        {state !== 'locating' && (
          <Text className="petition-new__locate" onClick={() => void locate()}>
            重新定位
          </Text>
        )}
        {onMap && (
          <Text className="petition-new__locate" onClick={() => void pick()}>
            在地图上选点
          </Text>
        )}
      </View>
      <Input
        className="petition-new__input petition-new__address"
        value={value.address}
        maxlength={100}
        placeholder="地点说明，例如：小区东门停车场"
        placeholderClass="input-placeholder"
        onInput={(e) => onChange({ ...value, address: e.detail.value })}
      />
    </View>
  );
}
