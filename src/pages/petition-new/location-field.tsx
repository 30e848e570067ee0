import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { emptyPoint, type MapPoint, type Place } from '../../utils/petition-place';

interface Props {
  /** The caller's own building (from `user.me`); without one only a map point is possible. */
  building: { id: string; name: string } | null;
  value: Place;
  error?: string;
  onChange: (place: Place) => void;
}

/**
 * 位置: the caller's building (the case goes to that building's grid) or a point on the map (their own grid).
 * WeChat picks the point on its map; H5 has no map here, so it takes the current position or typed coordinates.
 */
export function LocationField({ building, value, error, onChange }: Props) {
  const point = value.kind === 'point' ? value.point : emptyPoint;
  const setPoint = (patch: Partial<MapPoint>) => onChange({ kind: 'point', point: { ...point, ...patch } });

  async function pickOnMap() {
    try {
      if (process.env.TARO_ENV === 'weapp') {
        const res = await Taro.chooseLocation({});
        setPoint({ latitude: String(res.latitude), longitude: String(res.longitude), address: res.name || res.address });
      } else {
        const res = await Taro.getLocation({ type: 'gcj02' });
        setPoint({ latitude: res.latitude.toFixed(6), longitude: res.longitude.toFixed(6) });
      }
    } catch {
      void Taro.showToast({ title: '没有取到位置，可以手动填写', icon: 'none' });
    }
  }

  return (
    <FormField label="问题位置" error={error}>
      {building && (
        <ChoiceChips
          name="place"
          choices={[
            { value: 'building', label: building.name, note: '我住的楼栋' },
            { value: 'point', label: '在地图上选点', note: '小区里的其他地方' },
          ]}
          value={value.kind}
          onChange={(kind) => onChange(kind === 'building' ? { kind, detail: '' } : { kind, point: emptyPoint })}
        />
      )}
      {value.kind === 'building' ? (
        <Input
          className="petition-new__input petition-new__detail"
          value={value.detail}
          maxlength={50}
          placeholder="具体位置（可选），例如：1单元门口"
          placeholderClass="input-placeholder"
          onInput={(e) => onChange({ kind: 'building', detail: e.detail.value })}
        />
      ) : (
        <View className="petition-new__point">
          <Input
            className="petition-new__input petition-new__address"
            value={point.address}
            maxlength={100}
            placeholder="地点说明，例如：小区东门停车场"
            placeholderClass="input-placeholder"
            onInput={(e) => setPoint({ address: e.detail.value })}
          />
          {process.env.TARO_ENV === 'weapp' ? (
            <Text className="petition-new__locate" onClick={pickOnMap}>
              {point.latitude ? `已选点（${point.latitude}, ${point.longitude}），点此重选` : '打开地图选点'}
            </Text>
          ) : (
            <View className="petition-new__coords">
              <Input
                className="petition-new__coord petition-new__lat"
                type="digit"
                value={point.latitude}
                placeholder="纬度"
                placeholderClass="input-placeholder"
                onInput={(e) => setPoint({ latitude: e.detail.value })}
              />
              <Input
                className="petition-new__coord petition-new__lng"
                type="digit"
                value={point.longitude}
                placeholder="经度"
                placeholderClass="input-placeholder"
                onInput={(e) => setPoint({ longitude: e.detail.value })}
              />
              <Text className="petition-new__locate" onClick={pickOnMap}>
                用当前位置
              </Text>
            </View>
          )}
        </View>
      )}
    </FormField>
  );
}
