import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import type { Input } from '../../shared/contract';
import type { OrgKind } from '../../shared/domain/org';
import { orgKindLabels } from '../../shared/domain/org-tree';
import { announceUnitSaved, type OrgUnitView } from '../parts/org-events';

export interface FormTarget {
  kind: OrgKind;
  /** The unit being edited, or null for a new one. */
  unit: OrgUnitView | null;
  parentId: string;
  parentName: string;
}

const num = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** 新建或修改一个单元: name, and for a building its 单元 count, address and map point; an edit may move it. */
export function UnitForm({ target }: { target: FormTarget }) {
  const { unit, kind } = target;
  const save = useSubmit('org.upsertUnit');
  const [name, setName] = useState(unit?.name ?? '');
  const [entrances, setEntrances] = useState(unit?.entrances ? String(unit.entrances) : '');
  const [address, setAddress] = useState(unit?.address ?? '');
  const [lat, setLat] = useState(unit?.point ? String(unit.point.lat) : '');
  const [lng, setLng] = useState(unit?.point ? String(unit.point.lng) : '');
  const [parentId, setParentId] = useState(target.parentId);
  const [parents, setParents] = useState<{ value: string; label: string }[] | null>(null);
  const [parentsError, setParentsError] = useState<string | null>(null);
  const errors = save.fieldErrors;
  const building = kind === 'building';

  /** The units the edited one may move under: its parent's live siblings (one read, on this tap). */
  async function loadParents() {
    if (!unit) return;
    const grand = unit.path.length >= 2 ? unit.path[unit.path.length - 2] : undefined;
    const reply = await call('org.tree', { ...(grand ? { parentId: grand } : {}), limit: 100 });
    if (!reply.ok) return setParentsError(reply.message);
    setParents(reply.data.items.map((p) => ({ value: p.id, label: p.name })));
  }

  async function pickPoint() {
    const place = await Taro.chooseLocation({}).catch(() => null);
    if (!place) return;
    setLat(String(place.latitude));
    setLng(String(place.longitude));
  }

  async function onSubmit() {
    const point = lat.trim() && lng.trim() ? { lat: Number(lat), lng: Number(lng) } : undefined;
    const fields = building ? { entrances: num(entrances), address: address.trim(), ...(point ? { point } : {}) } : {};
    const payload: Input<'org.upsertUnit'> = unit
      ? { id: unit.id, name: name.trim(), ...(parentId !== unit.parentId ? { parentId } : {}), ...fields }
      : { parentId, name: name.trim(), ...fields };
    const reply = await save.submit(payload);
    if (!reply?.ok) return;
    announceUnitSaved({ unit: reply.data.unit, previousParentId: unit ? unit.parentId : null });
    void Taro.showToast({ title: unit ? '已保存' : '已添加', icon: 'success' });
    void Taro.navigateBack();
  }

  const label = orgKindLabels[kind];
  return (
    <View className="unit-form">
      <NoticeBanner failure={save.failure} />
      <Text className="unit-form__where">{`上级：${parents?.find((p) => p.value === parentId)?.label ?? (target.parentName || '—')}`}</Text>
      <InputField
        label={`${label}名称`}
        error={errors.name}
        value={name}
        maxlength={30}
        placeholder={building ? '例如：12号楼' : kind === 'grid' ? '例如：第四网格' : '例如：新河社区'}
        onChange={(v) => {
          setName(v);
          save.clearField('name');
        }}
      />
      {building && (
        <>
          <InputField label="单元数" error={errors.entrances} type="number" value={entrances} placeholder="例如：3" onChange={setEntrances} />
          <InputField
            label="地址（选填）"
            error={errors.address}
            value={address}
            maxlength={60}
            placeholder="例如：新河路 8 号"
            onChange={setAddress}
          />
          <InputField label="纬度（选填）" error={errors.point} type="number" value={lat} placeholder="例如：32.99" onChange={setLat} />
          <InputField label="经度（选填）" type="number" value={lng} placeholder="例如：112.53" onChange={setLng} />
          {process.env.TARO_ENV === 'weapp' && (
            <View className="unit-form__row">
              <ActionButton kind="default" size="small" onClick={() => void pickPoint()}>
                在地图上选择位置
              </ActionButton>
            </View>
          )}
        </>
      )}
      {unit && kind !== 'street' && (
        <View className="unit-form__move">
          {parents ? (
            <>
              <Text className="unit-form__move-title">{`移到其他上级（${parents.length} 个可选）`}</Text>
              <ChoiceChips name="parent" choices={parents} value={parentId} onChange={setParentId} />
            </>
          ) : (
            <ActionButton kind="default" size="small" onClick={() => void loadParents()}>
              移到其他上级…
            </ActionButton>
          )}
          {parentsError && <Text className="unit-form__error">{parentsError}</Text>}
        </View>
      )}
      <View className="unit-form__actions">
        <ActionButton disabled={!name.trim()} busy={save.submitting} onClick={() => void onSubmit()}>
          {unit ? '保存' : `添加${label}`}
        </ActionButton>
      </View>
    </View>
  );
}
