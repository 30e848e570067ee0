import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { forget } from '../../services/session-cache';
import type { Output } from '../../shared/contract';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';

type Category = Output<'wish.categories'>['items'][number];
interface Draft {
  id: string | null;
  name: string;
  minPoints: string;
  maxPoints: string;
  order: string;
  awardMode: 'fixed' | 'hourly';
  perHour: string;
}
const blank: Draft = { id: null, name: '', minPoints: '', maxPoints: '', order: '100', awardMode: 'fixed', perHour: '' };
const draftOf = (c: Category): Draft => ({
  id: c.id,
  name: c.name,
  minPoints: String(c.minPoints),
  maxPoints: String(c.maxPoints),
  order: String(c.order),
  awardMode: c.awardMode,
  perHour: c.perHour === null ? '' : String(c.perHour),
});

/** 心愿类别 (wish.setCategory): the kinds of small help residents ask for, and the points range of each. */
export function WishCategories({ editable }: { editable: boolean }) {
  const list = useRemote(() => call('wish.categories', {}));
  const save = useAdminSubmit('wish.setCategory');
  const [draft, setDraft] = useState<Draft>(blank);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const ready = draft.name.trim().length >= 2 && Number(draft.minPoints) >= 1 && Number(draft.maxPoints) >= 1;

  function edit(c: Category) {
    if (!editable) return;
    setDraft(draftOf(c));
    void Taro.pageScrollTo({ selector: '.admin-form-title', duration: 200 });
  }

  async function onSave() {
    const payload = {
      ...(draft.id ? { categoryId: draft.id } : {}),
      name: draft.name.trim(),
      minPoints: Number(draft.minPoints),
      maxPoints: Number(draft.maxPoints),
      order: Number(draft.order) || 0,
      awardMode: draft.awardMode,
      ...(draft.awardMode === 'hourly' ? { perHour: Number(draft.perHour) } : {}),
    };
    const reply = await save.run(payload, ({ category }) => ({ title: `${draft.id ? '已修改' : '已新增'}心愿类别“${category.name}”` }));
    if (!reply?.ok) return;
    const { category } = reply.data;
    forget('wish.categories');
    list.update((l) => ({
      items: (l.items.some((c) => c.id === category.id) ? l.items.map((c) => (c.id === category.id ? category : c)) : [...l.items, category]).sort(
        (a, b) => a.order - b.order,
      ),
    }));
    setDraft(blank);
  }

  if (!list.data) return list.state === 'error' ? <ErrorView error={list.error} onRetry={list.reload} /> : <Loading />;
  return (
    <View>
      <View className="cells">
        {list.data.items.map((c) => (
          <View key={c.id} className={`cell${editable ? ' cell--link' : ''} category-row`} data-item={c.name} onClick={() => edit(c)}>
            <Text className="cell__body cell__title">{c.name}</Text>
            <Text className="cell__value">{c.awardMode === 'hourly' ? `每小时 ${c.perHour} 分` : `${c.minPoints}–${c.maxPoints} 分`}</Text>
          </View>
        ))}
      </View>
      {editable && (
        <View>
          <Text className="section-title admin-form-title">{draft.id ? `修改“${draft.name}”` : '新增心愿类别'}</Text>
          <InputField
            label="名称"
            error={save.fieldErrors.name}
            value={draft.name}
            maxlength={12}
            placeholder="例如：园艺绿化"
            onChange={(name) => set({ name })}
          />
          <InputField
            label="最低积分"
            error={save.fieldErrors.minPoints}
            type="number"
            value={draft.minPoints}
            placeholder="例如 5"
            onChange={(minPoints) => set({ minPoints })}
          />
          <InputField
            label="最高积分"
            error={save.fieldErrors.maxPoints}
            type="number"
            value={draft.maxPoints}
            placeholder="例如 20"
            onChange={(maxPoints) => set({ maxPoints })}
          />
          <FormField label="计分方式" error={save.fieldErrors.awardMode}>
            <ChoiceChips
              choices={[
                { value: 'fixed', label: '按次', note: '审核时定分' },
                { value: 'hourly', label: '按小时', note: '按服务时长' },
              ]}
              value={draft.awardMode}
              onChange={(awardMode) => set({ awardMode })}
            />
          </FormField>
          {draft.awardMode === 'hourly' && (
            <InputField
              label="每小时积分"
              error={save.fieldErrors.perHour}
              type="number"
              value={draft.perHour}
              placeholder="例如 10"
              onChange={(perHour) => set({ perHour })}
            />
          )}
          <InputField
            label="排序"
            error={save.fieldErrors.order}
            hint="数字小的排在前面"
            type="number"
            value={draft.order}
            placeholder="例如 100"
            onChange={(order) => set({ order })}
          />
          <NoticeBanner failure={save.failure} />
          <DoneCard done={save.done} />
          <View className="admin-actions">
            <ActionButton disabled={!ready} busy={save.submitting} onClick={() => void onSave()}>
              {draft.id ? '保存修改' : '新增类别'}
            </ActionButton>
          </View>
        </View>
      )}
    </View>
  );
}
