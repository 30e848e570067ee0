import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormErrorBanner, FormField, InputField } from '../../components/form-field';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { postTypeLabels, postTypes, type PostType } from '../../shared/domain/post';
import { toastResult } from '../../utils/toast';
import { editing } from '../selected';
import '../../package-staff/parts/index.scss';
import '../index.scss';

const weekdays = [1, 2, 3, 4, 5, 6, 0];
const dayLabel = ['日', '一', '二', '三', '四', '五', '六'];
const WHOLE_GRID = 'whole-grid';

/** 发布 / 编辑岗位 (community staff): where, how many, when and for how many points. */
function EditPostPage() {
  const postId = useRouter().params.postId;
  const was = editing.take(postId);
  const me = useMe();
  const [type, setType] = useState<PostType>(was?.type ?? 'building_head');
  const [title, setTitle] = useState(was?.title ?? '');
  const [description, setDescription] = useState(was?.description ?? '');
  const [gridId, setGridId] = useState(was?.gridId ?? '');
  const [buildingId, setBuildingId] = useState(was ? (was.buildingId ?? WHOLE_GRID) : WHOLE_GRID);
  const [slots, setSlots] = useState(String(was?.slots ?? 3));
  const [days, setDays] = useState<number[]>(was?.schedule.days ?? [1, 2, 3, 4, 5]);
  const [start, setStart] = useState(was?.schedule.start ?? '08:00');
  const [end, setEnd] = useState(was?.schedule.end ?? '12:00');
  const [maxHours, setMaxHours] = useState(String(was?.schedule.maxHours ?? 3));
  const [pointsPerHour, setPointsPerHour] = useState(String(was?.pointsPerHour ?? 10));
  const communityId = me.data?.communityId ?? null;
  const grids = useRemote(() => call('org.tree', { parentId: communityId ?? '' }), communityId);
  const buildings = useRemote(() => call('org.tree', { parentId: gridId }), gridId || null);
  const publish = useSubmit('post.publish');
  const errors = publish.fieldErrors;

  async function onSubmit() {
    const reply = await publish.submit({
      ...(postId ? { postId } : {}),
      placeId: buildingId !== WHOLE_GRID ? buildingId : gridId,
      type,
      title,
      description,
      slots: Number(slots),
      schedule: { days, start, end, maxHours: Number(maxHours) },
      pointsPerHour: Number(pointsPerHour),
    });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: postId ? '已保存' : '岗位已发布' });
    void Taro.navigateBack();
  }
  const toggle = (d: number) => setDays((ds) => (ds.includes(d) ? ds.filter((x) => x !== d) : [...ds, d]));

  // Opened for a post it was not handed (a reload): saving defaults over it would lose what it says.
  if (postId && !was)
    return (
      <PageShell className="posts-form">
        <Empty
          title="请从岗位管理重新打开"
          hint="这个页面没有拿到岗位的内容，返回后点「编辑」再试。"
          action={{ text: '返回', onClick: () => void Taro.navigateBack() }}
        />
      </PageShell>
    );
  return (
    <PageShell className="posts-form">
      <FormField label="岗位类型">
        <ChoiceChips choices={postTypes.map((t) => ({ value: t, label: postTypeLabels[t] }))} value={type} onChange={setType} name="type" />
      </FormField>
      <InputField label="岗位名称" error={errors.title} value={title} onChange={setTitle} placeholder="例如：3号楼楼栋长" maxlength={20} />
      <FormField label="岗位说明" error={errors.description}>
        <Textarea
          className="staff-textarea"
          value={description}
          maxlength={200}
          placeholder="做什么、注意什么（可不填）"
          onInput={(e) => setDescription(e.detail.value)}
        />
      </FormField>
      <FormField label="所在网格" error={errors.placeId} hint={grids.state === 'error' ? '网格列表没有加载出来，请下拉重试' : undefined}>
        <ChoiceChips
          choices={(grids.data?.items ?? []).filter((g) => !g.retired).map((g) => ({ value: g.id, label: g.name }))}
          value={gridId}
          onChange={(g) => {
            setGridId(g);
            setBuildingId(WHOLE_GRID);
          }}
          name="grid"
        />
      </FormField>
      {gridId && (
        <FormField label="楼栋">
          <ChoiceChips
            choices={[
              { value: WHOLE_GRID, label: '整个网格' },
              ...(buildings.data?.items ?? []).filter((b) => !b.retired).map((b) => ({ value: b.id, label: b.name })),
            ]}
            value={buildingId}
            onChange={setBuildingId}
            name="building"
          />
        </FormField>
      )}
      <InputField label="名额（人）" type="number" error={errors.slots} value={slots} onChange={setSlots} placeholder="1–50" />
      <FormField label="值班日" error={errors['schedule.days']}>
        <View className="posts-form__days">
          {weekdays.map((d) => (
            <Text key={d} className={`posts-form__day${days.includes(d) ? ' is-on' : ''}`} onClick={() => toggle(d)}>
              {`周${dayLabel[d]}`}
            </Text>
          ))}
        </View>
      </FormField>
      <InputField label="开始时间" error={errors['schedule.start']} value={start} onChange={setStart} placeholder="08:00" maxlength={5} />
      <InputField label="结束时间" error={errors['schedule.end']} value={end} onChange={setEnd} placeholder="12:00" maxlength={5} />
      <InputField
        label="每班最多（小时）"
        type="number"
        error={errors['schedule.maxHours']}
        value={maxHours}
        onChange={setMaxHours}
        placeholder="1–12"
      />
      <InputField
        label="每小时积分"
        type="number"
        error={errors.pointsPerHour}
        value={pointsPerHour}
        onChange={setPointsPerHour}
        placeholder="1–50"
      />
      <FormErrorBanner errors={Object.values(errors)} />
      {publish.failure && Object.keys(errors).length === 0 && <Text className="banner-error">{publish.failure.message}</Text>}
      <View className="staff-actions">
        <ActionButton busy={publish.submitting} disabled={!gridId || days.length === 0} onClick={() => void onSubmit()}>
          {postId ? '保存修改' : '发布岗位'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default EditPostPage;
